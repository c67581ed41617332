import { DocumentKind, PLAN_LIMITS, type ReportContent, type ReportSection } from '@blup/contracts';
import { hasControlCharacter } from '../../common/text-fields';
import type { DocumentKindDefinition, ParsedContent, RenderedBlock } from '../document-kinds';
import { planKind } from './plan.kind';

const KEYS = new Set(['id', 'title', 'text', 'generated']);

/**
 * The annual report (årsrapport), one per village and year: sections like the plan's, made by
 * "Lav udkast" from the village's data (`report-draft.ts`) and then edited; each remembers the
 * text it was generated with, so making the draft again keeps what people rewrote. Published, a
 * version is the dated snapshot of the year.
 */
export const reportKind: DocumentKindDefinition<ReportContent> = {
  kind: DocumentKind.Report,
  nameDa: 'årsrapporten',
  yearly: true,

  empty: () => ({ sections: [] }),

  parse(raw: unknown): ParsedContent<ReportContent> {
    const sections = (raw as { sections?: unknown } | null)?.sections;
    if (typeof raw !== 'object' || raw === null || !Array.isArray(sections)) {
      return { ok: false, details: { 'content.sections': ['sections must be a list'] } };
    }
    // Id, title and text follow the plan's rules; `generated` is the report's own.
    const asPlan = planKind.parse({
      sections: sections.map((s: unknown) => {
        if (typeof s !== 'object' || s === null) return s;
        const { generated: _generated, ...rest } = s as Record<string, unknown>;
        return rest;
      }),
    });
    const details: Record<string, string[]> = asPlan.ok ? {} : { ...asPlan.details };
    const fail = (field: string, message: string): void => {
      (details[field] ??= []).push(message);
    };
    const unknownKeys = Object.keys(raw).filter((key) => key !== 'sections');
    if (unknownKeys.length) fail('content', `unknown fields: ${unknownKeys.join(', ')}`);
    sections.forEach((section: unknown, i) => {
      if (typeof section !== 'object' || section === null) {
        fail(`content.sections.${i}`, 'each section must be an object');
        return;
      }
      const s = section as Record<string, unknown>;
      const extra = Object.keys(s).filter((key) => !KEYS.has(key));
      if (extra.length) fail(`content.sections.${i}`, `unknown fields: ${extra.join(', ')}`);
      const generated = s['generated'] ?? null;
      if (generated !== null) {
        if (typeof generated !== 'string') {
          fail(`content.sections.${i}.generated`, 'generated must be text or null');
        } else if (
          generated.length > PLAN_LIMITS.sectionTextMaxLength ||
          hasControlCharacter(generated, true)
        ) {
          fail(`content.sections.${i}.generated`, 'send generated back as you received it');
        }
      }
    });
    if (!asPlan.ok || Object.keys(details).length) return { ok: false, details };
    const clean: ReportSection[] = asPlan.content.sections.map((section, i) => {
      const generated = (sections[i] as { generated?: string | null }).generated ?? null;
      return { ...section, generated: generated?.replace(/\r\n?/g, '\n').trimEnd() ?? null };
    });
    return { ok: true, content: { sections: clean } };
  },

  summarise(before: ReportContent, after: ReportContent): string {
    return planKind.summarise(before, after);
  },

  imageIds: () => [],

  render(content: ReportContent): RenderedBlock[] {
    return planKind.render(content);
  },
};

/** Whether a section was rewritten by hand since it was generated. */
export function editedByHand(section: ReportSection): boolean {
  return section.generated !== null && section.text !== section.generated;
}
