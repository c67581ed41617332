import { GoalStatus, type ReportContent } from '@blup/contracts';
import { reportKind } from './kinds/report.kind';
import { generateReport, mergeReport } from './report-draft';

describe(generateReport.name, () => {
  const fresh = generateReport({
    villageName: 'Tybjerg',
    year: 2026,
    goals: [],
    sessions: [],
  });

  it('makes the six sections, and says which parts the platform cannot fill yet', () => {
    expect(fresh.map((s) => s.id)).toEqual([
      'intro',
      'goals',
      'initiatives',
      'sessions',
      'gatherings',
      'surveys',
    ]);
    expect(fresh.every((s) => s.generated === s.text)).toBe(true);
    expect(fresh[1].text).toBe('Landsbyen havde ingen mål registreret i 2026.');
    expect(fresh[3].text).toBe('Landsbyens studiekreds holdt ingen møder i 2026.');
    expect(fresh[2].text).toContain('når platformens del om initiativer er færdig');
    expect(fresh[4].text).toContain('registrerer endnu ikke');
    expect(fresh[5].text).toContain('ikke bygget på platformen endnu');
    expect(reportKind.parse({ sections: fresh })).toEqual({
      ok: true,
      content: { sections: fresh },
    });
  });

  it('keeps sections edited by hand and the village’s own, unless asked to replace them', () => {
    const again = generateReport({
      villageName: 'Tybjerg',
      year: 2026,
      goals: [{ title: 'Sti', statusAtEnd: GoalStatus.Reached, updates: [] }],
      sessions: [],
    });
    const current: ReportContent = {
      sections: [
        { ...fresh[0], text: 'Vores egen indledning' },
        ...fresh.slice(1, 4),
        { id: 'tak', title: 'Tak', text: 'Tak til alle', generated: null },
      ],
    };
    const merged = mergeReport(current, again, false);
    expect(merged.keptEdited).toEqual(['Årsrapport 2026']);
    expect(merged.content.sections.map((s) => s.id)).toEqual([
      'intro',
      'goals',
      'initiatives',
      'sessions',
      'tak',
      'gatherings',
      'surveys',
    ]);
    expect(merged.content.sections[0].text).toBe('Vores egen indledning');
    expect(merged.content.sections[1].text).toBe(
      '1 mål; 0 opdateringer i 2026.\n\nSti (nået ved årets udgang): ingen opdateringer i 2026.',
    );
    const replaced = mergeReport(current, again, true);
    expect(replaced.keptEdited).toEqual([]);
    expect(replaced.content.sections[0].text).toBe(again[0].text);
    expect(replaced.content.sections[4].text).toBe('Tak til alle');
  });
});
