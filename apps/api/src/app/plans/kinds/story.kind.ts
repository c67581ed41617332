import { DocumentKind, PLAN_LIMITS, type StoryContent } from '@blup/contracts';
import sanitizeHtml from 'sanitize-html';
import { wellFormed } from '../content-text';
import type { DocumentKindDefinition, ParsedContent, RenderedBlock } from '../document-kinds';

/** The path of a document's own image; the only images a story may show. */
export const IMAGE_PATH = '/api/document-images/';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const OWN_IMAGE = new RegExp(`^${IMAGE_PATH.replace(/\//g, '\\/')}(${UUID})$`);
const LINK = /^(https?:\/\/|mailto:)[^\s"'<>]+$/i;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * What a story may hold, as the newsletters' rich text does (`newsletters/newsletter-html.ts`):
 * headings, paragraphs, lists, links, bold, italic, quotes, and images, here only the document's
 * own uploads. Everything else is removed, scripts and styles with their content.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'p', 'br', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'blockquote', 'img'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    h4: 'h3',
    h5: 'h3',
    h6: 'h3',
    b: 'strong',
    i: 'em',
    div: 'p',
    a: (tagName, attribs) => {
      const href = (attribs['href'] ?? '').trim();
      const next: sanitizeHtml.Attributes = LINK.test(href) ? { href } : {};
      return { tagName, attribs: next };
    },
    img: (tagName, attribs) => {
      const src = (attribs['src'] ?? '').trim().toLowerCase();
      const next: sanitizeHtml.Attributes = OWN_IMAGE.test(src)
        ? { src, alt: attribs['alt'] ?? '' }
        : { alt: '' };
      return { tagName, attribs: next };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
};

export function sanitiseStoryHtml(html: string): string {
  return wellFormed(sanitizeHtml(html.replace(CONTROL_CHARACTERS, ''), OPTIONS).trim());
}

function imageIdsOf(html: string): string[] {
  return [...html.matchAll(/<img src="\/api\/document-images\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name])
    .replace(/&nbsp;/g, ' ')
    .trim();
}

/** The village story (landsbyfortælling): rich text with images. */
export const storyKind: DocumentKindDefinition<StoryContent> = {
  kind: DocumentKind.Story,
  nameDa: 'landsbyfortællingen',
  yearly: false,

  empty: () => ({ html: '' }),

  parse(raw: unknown): ParsedContent<StoryContent> {
    const html = (raw as { html?: unknown } | null)?.html;
    if (typeof raw !== 'object' || raw === null || typeof html !== 'string') {
      return { ok: false, details: { 'content.html': ['html must be the story as text (HTML)'] } };
    }
    const unknownKeys = Object.keys(raw).filter((key) => key !== 'html');
    if (unknownKeys.length) {
      return { ok: false, details: { content: [`unknown fields: ${unknownKeys.join(', ')}`] } };
    }
    if (html.length > PLAN_LIMITS.storyHtmlMaxLength) {
      return {
        ok: false,
        details: {
          'content.html': [`the story can be at most ${PLAN_LIMITS.storyHtmlMaxLength} characters`],
        },
      };
    }
    const clean = sanitiseStoryHtml(html);
    if (imageIdsOf(clean).length > PLAN_LIMITS.storyImages) {
      return {
        ok: false,
        details: { 'content.html': [`a story can show at most ${PLAN_LIMITS.storyImages} images`] },
      };
    }
    return { ok: true, content: { html: clean } };
  },

  summarise(before: StoryContent, after: StoryContent): string {
    const lines: string[] = [];
    const oldImages = new Set(imageIdsOf(before.html));
    const newImages = new Set(imageIdsOf(after.html));
    const added = [...newImages].filter((id) => !oldImages.has(id)).length;
    const removed = [...oldImages].filter((id) => !newImages.has(id)).length;
    const oldText = textOf(before.html);
    const newText = textOf(after.html);
    if (oldText !== newText) {
      const delta = newText.length - oldText.length;
      lines.push(
        !oldText
          ? 'Fortællingen skrevet'
          : `Teksten ændret (${delta >= 0 ? '+' : '−'}${Math.abs(delta)} tegn)`,
      );
    }
    if (added) lines.push(added === 1 ? 'Et billede tilføjet' : `${added} billeder tilføjet`);
    if (removed) lines.push(removed === 1 ? 'Et billede fjernet' : `${removed} billeder fjernet`);
    if (!lines.length && before.html !== after.html) lines.push('Opsætningen ændret');
    return lines.length ? lines.join('; ') : 'Gemt uden ændringer';
  },

  imageIds: (content) => imageIdsOf(content.html),

  render(content: StoryContent): RenderedBlock[] {
    const blocks: RenderedBlock[] = [];
    const pattern =
      /<(h2|h3|p|li|blockquote)>([\s\S]*?)<\/\1>|<img src="[^"]*?([0-9a-f-]{36})" alt="([^"]*)"/g;
    for (const m of content.html.matchAll(pattern)) {
      if (m[3]) {
        blocks.push({ type: 'image', imageId: m[3], alt: textOf(m[4] ?? '') });
        continue;
      }
      // A paragraph may hold an image too: draw its text, then the image.
      const inner = m[2] ?? '';
      const text = textOf(inner);
      if (text) {
        const type =
          m[1] === 'h2' || m[1] === 'h3' ? 'heading' : m[1] === 'li' ? 'bullet' : 'paragraph';
        blocks.push({ type, text });
      }
      for (const img of inner.matchAll(/<img src="[^"]*?([0-9a-f-]{36})" alt="([^"]*)"/g)) {
        blocks.push({ type: 'image', imageId: img[1], alt: textOf(img[2]) });
      }
    }
    return blocks;
  },
};
