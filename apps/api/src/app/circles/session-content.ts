import type { AgendaItem, Material, Phase } from '@blup/contracts';
import { resolveMaterials } from './session-rules';

/** What a plan slot or a session is about, as stored. */
export interface SessionContentFields {
  title: string;
  phase: Phase;
  topic: string;
  agenda: AgendaItem[];
  materials: Material[];
}

/** Content as a request gives it: topic, agenda and materials may be left out. */
export interface ContentInput {
  title: string;
  phase: Phase;
  topic?: string;
  agenda?: readonly AgendaItem[];
  materials?: readonly Material[];
}

const cleanAgenda = (agenda: readonly AgendaItem[]): AgendaItem[] =>
  agenda.map((a) => ({ kind: a.kind, title: a.title, minutes: a.minutes }));

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The content to store. `storedMaterials` are kept as they are when the input leaves materials
 * out: they were checked when written, and `lessons` only knows the lessons the input names.
 */
export function contentOf(
  input: ContentInput,
  lessons: ReadonlySet<string>,
  storedMaterials?: Material[],
  prefix = '',
): SessionContentFields {
  return {
    title: input.title,
    phase: input.phase,
    topic: input.topic ?? '',
    agenda: cleanAgenda(input.agenda ?? []),
    materials:
      input.materials === undefined && storedMaterials
        ? storedMaterials
        : resolveMaterials(input.materials ?? [], lessons, prefix),
  };
}

/** A change of content over what is stored: the content to store, and whether it differs. */
export function patchContent(
  patch: Partial<ContentInput>,
  stored: SessionContentFields,
  lessons: ReadonlySet<string>,
): { content: SessionContentFields; changed: boolean } {
  const content = contentOf(
    {
      title: patch.title ?? stored.title,
      phase: patch.phase ?? stored.phase,
      topic: patch.topic ?? stored.topic,
      agenda: patch.agenda ?? stored.agenda,
      materials: patch.materials,
    },
    lessons,
    stored.materials,
  );
  const changed =
    content.title !== stored.title ||
    content.phase !== stored.phase ||
    content.topic !== stored.topic ||
    !sameJson(content.agenda, stored.agenda) ||
    !sameJson(content.materials, stored.materials);
  return { content, changed };
}
