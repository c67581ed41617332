import { AgendaItemKind, CircleKind, Phase } from '@blup/contracts';
import { defaultAgenda, phaseFor, planInputs, seriesRows } from './plan-series';

describe(seriesRows.name, () => {
  it('plans 12 village sessions every 3 weeks at the same wall-clock time across the March change', () => {
    const rows = seriesRows({
      circleKind: CircleKind.Village,
      firstDate: '2027-01-14',
      startTime: '19:00',
      durationMinutes: 120,
      everyWeeks: 3,
      count: 12,
      titlePattern: 'Studiekreds {n}',
    });

    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.date).slice(0, 6)).toEqual([
      '2027-01-14',
      '2027-02-04',
      '2027-02-25',
      '2027-03-18',
      '2027-04-08',
      '2027-04-29',
    ]);
    expect(rows[11].title).toBe('Studiekreds 12');
    expect(rows.map((r) => r.phase)).toEqual([
      ...Array(3).fill(Phase.Mobilisation),
      ...Array(3).fill(Phase.Mapping),
      ...Array(3).fill(Phase.Facilitation),
      ...Array(3).fill(Phase.Organisation),
    ]);

    const inputs = planInputs(CircleKind.Village, rows, []);
    expect(inputs[3]).toMatchObject({
      startsAt: '2027-03-18T19:00:00+01:00',
      endsAt: '2027-03-18T21:00:00+01:00',
    });
    expect(inputs[4]).toMatchObject({
      startsAt: '2027-04-08T19:00:00+02:00',
      endsAt: '2027-04-08T21:00:00+02:00',
    });
  });

  it('spreads 6 coordinator sessions over the four modules in order', () => {
    expect(Array.from({ length: 6 }, (_, i) => phaseFor(i, 6))).toEqual([
      Phase.Mobilisation,
      Phase.Mobilisation,
      Phase.Mapping,
      Phase.Facilitation,
      Phase.Facilitation,
      Phase.Organisation,
    ]);
  });
});

describe(planInputs.name, () => {
  it('sends each row with the kind, a copy of the agenda, and no empty topic', () => {
    const agenda = defaultAgenda(CircleKind.Coordinator, {
      inspiration: 'I',
      discussion: 'D',
      knowledge_sharing: 'V',
      coordination: 'K',
    });
    const [input] = planInputs(
      CircleKind.Coordinator,
      [
        {
          date: '2027-10-28',
          time: '16:30',
          durationMinutes: 90,
          title: 'K 1',
          phase: Phase.Mapping,
          topic: ' ',
        },
      ],
      agenda,
    );

    expect(input).toEqual({
      circleKind: CircleKind.Coordinator,
      title: 'K 1',
      phase: Phase.Mapping,
      startsAt: '2027-10-28T16:30:00+02:00',
      endsAt: '2027-10-28T18:00:00+02:00',
      agenda: [
        { kind: AgendaItemKind.KnowledgeSharing, title: 'V', minutes: 45 },
        { kind: AgendaItemKind.Coordination, title: 'K', minutes: 45 },
      ],
    });
    expect(input.agenda).not.toBe(agenda);
  });
});
