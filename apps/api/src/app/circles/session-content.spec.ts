import { AgendaItemKind, MaterialKind, Phase, type AgendaItem } from '@blup/contracts';
import { contentOf, patchContent, type SessionContentFields } from './session-content';

const stored: SessionContentFields = {
  title: 'Kortlægning',
  phase: Phase.Mapping,
  topic: 'Hvad har vi?',
  agenda: [{ kind: AgendaItemKind.Discussion, title: 'Runde', minutes: 20 }],
  materials: [
    { kind: MaterialKind.Link, title: 'Kort', url: 'https://example.org/kort', lessonId: null },
  ],
};
const noLessons = new Set<string>();

describe(contentOf.name, () => {
  it('fills what the input leaves out and drops unknown agenda fields', () => {
    const extra = { kind: AgendaItemKind.Inspiration, title: 'Oplæg', minutes: 10, x: 1 };
    expect(
      contentOf({ title: 'Ny', phase: Phase.Mapping, agenda: [extra as AgendaItem] }, noLessons),
    ).toEqual({
      title: 'Ny',
      phase: Phase.Mapping,
      topic: '',
      agenda: [{ kind: AgendaItemKind.Inspiration, title: 'Oplæg', minutes: 10 }],
      materials: [],
    });
  });
});

describe(patchContent.name, () => {
  it('keeps what is stored, materials included, and sees no change in an empty patch', () => {
    expect(patchContent({}, stored, noLessons)).toEqual({ content: stored, changed: false });
  });

  it('sees a change in any one field', () => {
    expect(patchContent({ title: 'Andet' }, stored, noLessons).changed).toBe(true);
    expect(patchContent({ topic: '' }, stored, noLessons).changed).toBe(true);
    expect(patchContent({ agenda: [] }, stored, noLessons).changed).toBe(true);
    expect(patchContent({ materials: [] }, stored, noLessons)).toMatchObject({
      content: { materials: [] },
      changed: true,
    });
  });

  it('sees no change when the patch repeats what is stored', () => {
    expect(patchContent({ ...stored }, stored, noLessons).changed).toBe(false);
  });
});
