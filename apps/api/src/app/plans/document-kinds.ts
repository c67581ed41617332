import { DocumentKind } from '@blup/contracts';
import { planKind } from './kinds/plan.kind';
import { reportKind } from './kinds/report.kind';
import { storyKind } from './kinds/story.kind';
import { wheelKind } from './kinds/wheel.kind';

/**
 * What a printed or public document is made of, whatever its kind: the PDF writer and the
 * public page's plain-text fallbacks draw these blocks in order.
 */
export type RenderedBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bullet'; text: string }
  | { type: 'image'; imageId: string; alt: string };

/** A kind's content checked: the content as it is stored, or per-field messages for a 400. */
export type ParsedContent<C> =
  { ok: true; content: C } | { ok: false; details: Record<string, string[]> };

/**
 * Everything that differs between the kinds of living document, so that a kind is one file and
 * the core (drafts, revisions, versions, history, publishing, images, access) is shared.
 */
export interface DocumentKindDefinition<C = unknown> {
  kind: DocumentKind;
  /** In Danish, for history lines and the PDF, e.g. "udviklingsplanen". */
  nameDa: string;
  /** One document per year (the annual report) rather than one per village. */
  yearly: boolean;
  /** The content of a document nobody has saved yet. */
  empty(): C;
  /** Checks (and normalises: trims, sanitises) content sent by a client. */
  parse(raw: unknown): ParsedContent<C>;
  /** A short Danish sentence for the history: what changed from `before` to `after`. */
  summarise(before: C, after: C): string;
  /** The ids of the document's own images the content shows (served with the document). */
  imageIds(content: C): string[];
  /** The content as blocks, for the PDF. */
  render(content: C): RenderedBlock[];
}

/** The registry: a kind is its file in `kinds/` and a line here. */
const KINDS = new Map<DocumentKind, DocumentKindDefinition<never>>([
  [DocumentKind.Plan, planKind as DocumentKindDefinition<never>],
  [DocumentKind.Story, storyKind as DocumentKindDefinition<never>],
  [DocumentKind.Wheel, wheelKind as DocumentKindDefinition<never>],
  [DocumentKind.Report, reportKind as DocumentKindDefinition<never>],
]);

export function documentKind(kind: string): DocumentKindDefinition<unknown> | null {
  return (KINDS.get(kind as DocumentKind) as DocumentKindDefinition<unknown> | undefined) ?? null;
}

export function registeredKinds(): DocumentKind[] {
  return [...KINDS.keys()];
}

/** Cuts a summary to what the history keeps. */
export function clip(text: string, max = 500): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
