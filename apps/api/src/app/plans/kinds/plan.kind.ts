import { DocumentKind, PLAN_LIMITS, type PlanContent, type PlanSection } from '@blup/contracts';
import { hasControlCharacter } from '../../common/text-fields';
import { wellFormed } from '../content-text';
import type { DocumentKindDefinition, ParsedContent, RenderedBlock } from '../document-kinds';

const SECTION_ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * The development plan (udviklingsplan): free sections, each a title and a text, in the order the
 * village puts them. The village's goals are not part of the saved content: they join the plan
 * wherever it is shown (see `plan-live-parts.ts`), so they are always current.
 */
export const planKind: DocumentKindDefinition<PlanContent> = {
  kind: DocumentKind.Plan,
  nameDa: 'udviklingsplanen',
  yearly: false,

  empty: () => ({ sections: [] }),

  parse(raw: unknown): ParsedContent<PlanContent> {
    const details: Record<string, string[]> = {};
    const fail = (field: string, message: string): void => {
      (details[field] ??= []).push(message);
    };
    const sections = (raw as { sections?: unknown } | null)?.sections;
    if (typeof raw !== 'object' || raw === null || !Array.isArray(sections)) {
      return { ok: false, details: { 'content.sections': ['sections must be a list'] } };
    }
    if (sections.length > PLAN_LIMITS.sections) {
      fail('content.sections', `a plan can hold at most ${PLAN_LIMITS.sections} sections`);
    }
    const seen = new Set<string>();
    const clean: PlanSection[] = [];
    sections.slice(0, PLAN_LIMITS.sections).forEach((section: unknown, i) => {
      const at = `content.sections.${i}`;
      const { id, title, text } = (section ?? {}) as Record<string, unknown>;
      if (typeof id !== 'string' || !SECTION_ID.test(id)) {
        fail(`${at}.id`, 'id must be 1–40 letters, digits, - or _');
      } else if (seen.has(id)) {
        fail(`${at}.id`, `two sections have the id ${id}`);
      } else seen.add(id);
      const cleanTitle = typeof title === 'string' ? wellFormed(title.trim()) : '';
      if (typeof title !== 'string' || !cleanTitle) {
        fail(`${at}.title`, 'each section needs a title');
      } else if (cleanTitle.length > PLAN_LIMITS.sectionTitleMaxLength) {
        fail(
          `${at}.title`,
          `a title can be at most ${PLAN_LIMITS.sectionTitleMaxLength} characters`,
        );
      } else if (hasControlCharacter(cleanTitle, false)) {
        fail(`${at}.title`, 'a title cannot hold line breaks or control characters');
      }
      if (typeof text !== 'string') {
        fail(`${at}.text`, 'text must be text (it may be empty)');
      } else if (text.length > PLAN_LIMITS.sectionTextMaxLength) {
        fail(
          `${at}.text`,
          `a section can be at most ${PLAN_LIMITS.sectionTextMaxLength} characters`,
        );
      } else if (hasControlCharacter(text, true)) {
        fail(`${at}.text`, 'the text holds control characters; paste it as plain text');
      }
      if (typeof id === 'string' && typeof text === 'string') {
        clean.push({
          id,
          title: cleanTitle,
          text: wellFormed(text.replace(/\r\n?/g, '\n').trimEnd()),
        });
      }
    });
    const unknownKeys = Object.keys(raw).filter((key) => key !== 'sections');
    if (unknownKeys.length) fail('content', `unknown fields: ${unknownKeys.join(', ')}`);
    return Object.keys(details).length
      ? { ok: false, details }
      : { ok: true, content: { sections: clean } };
  },

  summarise(before: PlanContent, after: PlanContent): string {
    const old = new Map(before.sections.map((s) => [s.id, s]));
    const now = new Map(after.sections.map((s) => [s.id, s]));
    const lines: string[] = [];
    for (const section of after.sections) {
      const was = old.get(section.id);
      if (!was) lines.push(`Afsnittet »${section.title}« tilføjet`);
      else {
        if (was.title !== section.title) {
          lines.push(`Afsnittet »${was.title}« omdøbt til »${section.title}«`);
        }
        if (was.text !== section.text) lines.push(`Afsnittet »${section.title}« ændret`);
      }
    }
    for (const section of before.sections) {
      if (!now.has(section.id)) lines.push(`Afsnittet »${section.title}« fjernet`);
    }
    const kept = (ids: string[]) => ids.filter((id) => old.has(id) && now.has(id));
    const oldOrder = kept(before.sections.map((s) => s.id));
    const newOrder = kept(after.sections.map((s) => s.id));
    if (oldOrder.join() !== newOrder.join()) lines.push('Afsnittenes rækkefølge ændret');
    return lines.length ? lines.join('; ') : 'Gemt uden ændringer';
  },

  imageIds: () => [],

  render(content: PlanContent): RenderedBlock[] {
    return content.sections.flatMap((section) => [
      { type: 'heading' as const, text: section.title },
      ...section.text
        .split(/\n{2,}/)
        .map((text) => text.trim())
        .filter(Boolean)
        .map((text) => ({ type: 'paragraph' as const, text })),
    ]);
  },
};
