import { GoalStatus, InitiativeStatus, QuestionKind, type ReportContent } from '@blup/contracts';
import { reportKind } from './kinds/report.kind';
import { gatheringsText, generateReport, mergeReport, toReportSurvey } from './report-draft';

describe(generateReport.name, () => {
  it('tells the surveys with their published results only, and the idea lists’ votes', () => {
    const question = {
      help: '',
      required: false,
      rows: [],
      maxChoices: null,
      maxLength: null,
      scaleLabels: null,
      condition: null,
      consentText: null,
    };
    const survey = toReportSurvey({
      title: 'Borgerundersøgelse',
      responses: 40,
      firstDate: '2026-02-01',
      lastDate: '2026-03-15',
      pages: [
        {
          id: 'p1',
          title: 'Om dig',
          questions: [
            {
              ...question,
              id: 'bo',
              kind: QuestionKind.SingleChoice,
              title: 'Hvor længe har du boet her?',
              options: [
                { id: 'a', label: 'Under 5 år' },
                { id: 'b', label: '5–20 år' },
                { id: 'c', label: 'Over 20 år' },
                { id: 'd', label: 'Ved ikke' },
              ],
              personalData: false,
              published: true,
            },
            {
              ...question,
              id: 'trives',
              kind: QuestionKind.Scale,
              title: 'Hvor godt trives du?',
              options: [],
              personalData: false,
              published: true,
            },
            {
              ...question,
              id: 'navn',
              kind: QuestionKind.SingleChoice,
              title: 'Må vi kontakte dig?',
              options: [{ id: 'ja', label: 'Ja' }],
              personalData: true,
              published: true,
            },
            {
              ...question,
              id: 'skjult',
              kind: QuestionKind.SingleChoice,
              title: 'Ikke offentligt',
              options: [{ id: 'x', label: 'X' }],
              personalData: false,
              published: false,
            },
          ],
        },
      ],
      counts: [
        { questionId: 'bo', optionId: 'a', number: null, count: 6 },
        { questionId: 'bo', optionId: 'b', number: null, count: 10 },
        { questionId: 'bo', optionId: 'c', number: null, count: 24 },
        { questionId: 'trives', optionId: null, number: 4, count: 30 },
        { questionId: 'trives', optionId: null, number: 5, count: 5 },
        { questionId: 'trives', optionId: null, number: 1, count: 5 },
      ],
      answered: { bo: 40, trives: 40 },
    });
    const sections = generateReport({
      villageName: 'Tybjerg',
      year: 2026,
      goals: [],
      focusAreas: [],
      sessions: [],
      surveys: [survey],
      ideaLists: [
        { title: 'Idéer fra borgermødet', voters: 1, top: [], chosen: 0 },
        {
          title: 'Sommerens idéer',
          voters: 52,
          top: [
            { title: 'Shelterplads', dots: 61 },
            { title: 'Bytte-reol', dots: 30 },
          ],
          chosen: 1,
        },
      ],
    });
    expect(sections[5].title).toBe('Spørgeskemaer og prioritering af idéer');
    expect(sections[5].text).toBe(
      '1 spørgeskema fik i alt 40 svar i 2026. Kun de resultater, landsbyen har valgt at vise på sin offentlige side, er taget med.\n\n' +
        '• Borgerundersøgelse: 40 svar (1. februar til 15. marts).\n' +
        '  Hvor længe har du boet her?: Over 20 år 60 %, 5–20 år 25 %, Under 5 år 15 % (40 svar)\n' +
        '  Hvor godt trives du?: gennemsnit 3,8 af 5 (40 svar)\n\n' +
        'Prioritering af idéer, »Idéer fra borgermødet«: 1 person satte prikker i 2026.\n\n' +
        'Prioritering af idéer, »Sommerens idéer«: 52 personer satte prikker i 2026. ' +
        'Flest prikker: Shelterplads (61), Bytte-reol (30). 1 idé er blevet til et initiativ.',
    );
  });

  it('tells each focus area with its roll-up and each initiative, marking what is new or changed', () => {
    const [, , initiatives] = generateReport({
      villageName: 'Tybjerg',
      year: 2026,
      goals: [],
      sessions: [],
      surveys: [],
      ideaLists: [],
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
    surveys: [],
    ideaLists: [],
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
    expect(fresh[5].text).toBe(
      'Landsbyen havde ingen spørgeskemaer eller idéafstemninger på platformen i 2026. Har I spurgt borgerne på anden vis, så skriv resultaterne her.',
    );
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
      surveys: [],
      ideaLists: [],
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

describe('gatheringsText', () => {
  it('counts the gatherings held and who came', () => {
    expect(gatheringsText({ year: 2026, gatherings: [] })).toContain('ingen møder');
    const text = gatheringsText({
      year: 2026,
      gatherings: [
        { date: '2026-03-04', title: 'Borgermøde', checkedIn: 23, registered: 30 },
        { date: '2026-05-01', title: 'Fremtidsværksted', checkedIn: 40, registered: 44 },
      ],
    });
    expect(text).toBe(
      '2 møder og arrangementer i 2026; 63 deltagere tjekkede ind.\n\n• 4. marts: Borgermøde (23 kom, 30 tilmeldt)\n• 1. maj: Fremtidsværksted (40 kom, 44 tilmeldt)',
    );
  });
});
