import { GoalStatus, InitiativeStatus, type ReportContent } from '@blup/contracts';
import { reportKind } from './kinds/report.kind';
import { generateReport, mergeReport } from './report-draft';

describe(generateReport.name, () => {
  it('tells each focus area with its roll-up and each initiative, marking what is new or changed', () => {
    const [, , initiatives] = generateReport({
      villageName: 'Tybjerg',
      year: 2026,
      goals: [],
      sessions: [],
      focusAreas: [
        {
          name: 'Mobilitet',
          progress: 36.3,
          initiatives: [
            {
              title: 'Cykelsti',
              status: InitiativeStatus.InProgress,
              progress: 45,
              milestoneWhat: 'Ansøgning sendt',
              milestoneDate: '2027-03-01',
              inYear: 'created',
              goals: ['Sti langs Suså', 'Færre biler'],
            },
            {
              title: 'Delebil',
              status: InitiativeStatus.Idea,
              progress: 10,
              milestoneWhat: null,
              milestoneDate: null,
              inYear: 'unchanged',
              goals: [],
            },
          ],
        },
        { name: 'Natur', progress: null, initiatives: [] },
      ],
    });
    expect(initiatives.text).toBe(
      '2 indsatsområder med 2 initiativer: 1 nyt og 0 ændrede i 2026. ' +
        'Status og fremdrift er, som de stod, da udkastet blev lavet.\n\n' +
        'Mobilitet (36,3 % samlet, vægtet):\n' +
        '• Cykelsti (nyt i 2026): i gang, 45 %. Næste milepæl: Ansøgning sendt, 1. marts 2027. ' +
        'Mål: Sti langs Suså; Færre biler.\n' +
        '• Delebil: idé, 10 %.\n\n' +
        'Natur: ingen initiativer i 2026.',
    );
  });

  const fresh = generateReport({
    villageName: 'Tybjerg',
    year: 2026,
    goals: [],
    focusAreas: [],
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
    expect(fresh[2].text).toBe(
      'Landsbyen havde ingen initiativer registreret i 2026. Skriv her, hvis I arbejdede med nogen uden for platformen.',
    );
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
      focusAreas: [],
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
