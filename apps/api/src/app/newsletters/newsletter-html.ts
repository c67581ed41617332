import sanitizeHtml from 'sanitize-html';

/** An image source we serve ourselves (an upload), as stored in the editor's HTML. */
const OWN_UPLOAD = /^\/api\/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*$/;
const HTTPS = /^https:\/\/[^\s"'<>]+$/i;
const LINK = /^(https?:\/\/|mailto:)[^\s"'<>]+$/i;

/** Whether an image may be shown: https, or one of our own `/api/` uploads. */
export function isAllowedImageSrc(src: string): boolean {
  return HTTPS.test(src) || OWN_UPLOAD.test(src);
}

/** Whether a link may stay: absolute http(s) or mailto (a mail has no base for relative ones). */
export function isAllowedHref(href: string): boolean {
  return LINK.test(href);
}

/**
 * Control characters other than tab and line breaks: never content, and PostgreSQL refuses a NUL
 * in text and jsonb (pasted from other programs, they would turn a save into a 500).
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'p', 'br', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'blockquote', 'img'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // Everything else goes, and script/style/textarea take their content with them.
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    h4: 'h3',
    h5: 'h3',
    h6: 'h3',
    b: 'strong',
    i: 'em',
    a: (tagName, attribs) => {
      const href = (attribs['href'] ?? '').trim();
      const next: sanitizeHtml.Attributes = isAllowedHref(href) ? { href } : {};
      return { tagName, attribs: next };
    },
    img: (tagName, attribs) => {
      const src = (attribs['src'] ?? '').trim();
      // An image without an allowed source is dropped below (exclusiveFilter).
      const next: sanitizeHtml.Attributes = isAllowedImageSrc(src)
        ? { src, alt: attribs['alt'] ?? '' }
        : { alt: '' };
      return { tagName, attribs: next };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
};

/**
 * A newsletter text block's HTML as it may be stored and sent: headings (h2, h3), paragraphs,
 * line breaks, lists, links (http, https, mailto), bold, italic, block quotes and images (https
 * or our own /api/ uploads, with alt text). Scripts, styles, event handlers, every other tag and
 * attribute, and links or images with other schemes are removed.
 */
export function sanitiseNewsletterHtml(html: string): string {
  const first = sanitizeHtml(html.replace(CONTROL_CHARACTERS, ''), FIRST_PASS);
  return sanitizeHtml(intoParagraphs(first), OPTIONS).trim();
}

/** The first pass keeps `div` (bare), so that its lines can become paragraphs. */
const FIRST_PASS: sanitizeHtml.IOptions = {
  ...OPTIONS,
  allowedTags: [...(OPTIONS.allowedTags || []), 'div'],
};

const BLOCKS = new Set(['h2', 'h3', 'p', 'ul', 'ol', 'blockquote']);
const TOKEN = /<(\/?)([a-z0-9]+)[^>]*>|[^<]+/gi;

/**
 * Sanitised HTML (first pass, with `div`) as a sequence of blocks: a browser's editor makes a
 * `div` per line typed with Enter, and leaves the first line as bare text. Each such line (text,
 * links, bold outside any block) becomes its own `p`; a `div` inside a list item or
 * quote becomes a line break. Blocks already there are kept as they are.
 */
function intoParagraphs(html: string): string {
  let out = '';
  let paragraph = '';
  let depth = 0; // inside a block (p, list, heading, quote) when > 0
  const closeParagraph = (): void => {
    const visible = paragraph.replace(/<br\s*\/?>|&nbsp;|\s/gi, '');
    if (visible) out += `<p>${paragraph.replace(/^(\s|<br\s*\/?>)+|(\s|<br\s*\/?>)+$/gi, '')}</p>`;
    paragraph = '';
  };
  for (const match of html.matchAll(TOKEN)) {
    const [token, closing, rawTag] = match;
    const tag = rawTag?.toLowerCase();
    if (depth > 0) {
      if (tag === 'div') {
        // A line after another line in the same item or quote: a line break between them.
        if (!closing && !/(<(li|p|blockquote|h2|h3)>|<br \/>)$/i.test(out)) out += '<br />';
        continue;
      }
      if (tag && BLOCKS.has(tag)) depth += closing ? -1 : 1;
      out += token;
      continue;
    }
    if (tag === 'div') {
      closeParagraph();
      continue;
    }
    if (tag === 'img') {
      closeParagraph();
      out += token;
      continue;
    }
    if (tag && BLOCKS.has(tag)) {
      closeParagraph();
      if (!closing) depth = 1;
      out += token;
      continue;
    }
    if (!tag && !paragraph && !token.trim()) continue;
    paragraph += token;
  }
  closeParagraph();
  return out;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const TEXT_COLOUR = 'color:#1d2b1f;';

/** Inline styles per tag: mail clients ignore style sheets, so each element carries its own. */
const STYLES: Record<string, string> = {
  h2: `${FONT}margin:24px 0 12px;font-size:22px;line-height:1.3;${TEXT_COLOUR}`,
  h3: `${FONT}margin:20px 0 8px;font-size:19px;line-height:1.3;${TEXT_COLOUR}`,
  p: `${FONT}margin:0 0 16px;font-size:17px;line-height:1.5;${TEXT_COLOUR}`,
  ul: `${FONT}margin:0 0 16px;padding-left:24px;font-size:17px;line-height:1.5;${TEXT_COLOUR}`,
  ol: `${FONT}margin:0 0 16px;padding-left:24px;font-size:17px;line-height:1.5;${TEXT_COLOUR}`,
  li: `${FONT}margin:0 0 6px;`,
  a: 'color:#2e6b3f;text-decoration:underline;',
  blockquote: `${FONT}margin:0 0 16px;padding:8px 16px;border-left:4px solid #2e6b3f;font-size:17px;line-height:1.5;color:#4a5a4d;`,
  img: 'display:block;max-width:100%;height:auto;border:0;margin:0 0 16px;',
};

/**
 * Sanitised HTML made ready for a mail: sanitised again (the stored HTML is never trusted), then
 * every element given its inline style, our own `/api/` image paths made absolute, and images
 * capped at the column width.
 */
export function styleNewsletterHtml(html: string, publicUrl: string): string {
  const clean = sanitiseNewsletterHtml(html);
  return sanitizeHtml(clean, {
    allowedTags: OPTIONS.allowedTags,
    allowedAttributes: {
      '*': ['style'],
      a: ['href', 'style', 'target', 'rel'],
      img: ['src', 'alt', 'style', 'width'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: Object.fromEntries(
      Object.entries(STYLES).map(([tag, style]) => [
        tag,
        (tagName: string, attribs: sanitizeHtml.Attributes) => {
          const next: sanitizeHtml.Attributes = { ...attribs, style };
          if (tag === 'img' && next['src']?.startsWith('/api/')) {
            next['src'] = `${publicUrl}${next['src']}`;
          }
          if (tag === 'img') next['width'] = '552';
          if (tag === 'a') {
            // A new tab must not get a handle on the page that opened it (the web version).
            next['target'] = '_blank';
            next['rel'] = 'noopener noreferrer';
          }
          return { tagName, attribs: next };
        },
      ]),
    ),
  });
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Sanitised newsletter HTML as plain text for the text/plain part: paragraphs and headings
 * separated by blank lines, list items as "- ", links as "label (url)", images as their alt text.
 */
export function newsletterHtmlToText(html: string): string {
  const clean = sanitiseNewsletterHtml(html);
  const text = clean
    .replace(/<br\s*\/?>/gi, '\n')
    // Numbered lists keep their numbers (innermost first, so nesting works out).
    .replace(/<ol>((?:(?!<ol>)[\s\S])*?)<\/ol>/gi, (_, items: string) => {
      let n = 0;
      return `\n${items.replace(/<li>/gi, () => `${++n}. `)}\n\n`;
    })
    .replace(/<ul>/gi, '\n')
    .replace(/<li>/gi, '- ')
    .replace(/<\/li>/gi, '\n')
    .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/gi, (_, href: string, label: string) => {
      const shown = label.replace(/<[^>]+>/g, '').trim();
      const url = decodeEntities(href).replace(/^mailto:/i, '');
      return shown && decodeEntities(shown) !== url ? `${shown} (${url})` : url;
    })
    .replace(/<img[^>]*alt="([^"]*)"[^>]*>/gi, (_, alt: string) => (alt ? `[${alt}]` : ''))
    .replace(/<h[23]>/gi, '\n')
    .replace(/<\/(h2|h3|p|blockquote|ul|ol)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** What the merge fields stand for in one copy. */
export interface MergeValues {
  navn: string;
  landsby: string;
}

const MERGE_FIELD = /\{\{\s*(navn|landsby)\s*\}\}/g;
const ANY_FIELD = /\{\{[^{}]*\}\}/g;

/** The first `{{…}}` in `text` that is not a merge field (it would go out as typed), else null. */
export function unknownMergeField(text: string): string | null {
  for (const [field] of text.matchAll(ANY_FIELD)) {
    if (!new RegExp(`^${MERGE_FIELD.source}$`).test(field)) return field;
  }
  return null;
}

/** Fills {{navn}} and {{landsby}} into plain text (a subject); unknown fields stay as typed. */
export function mergeText(text: string, values: MergeValues): string {
  return text.replace(MERGE_FIELD, (_, name: keyof MergeValues) => values[name]);
}

/** Fills the merge fields into sanitised HTML, escaping the values. */
export function mergeHtml(html: string, values: MergeValues): string {
  return html.replace(MERGE_FIELD, (_, name: keyof MergeValues) => escapeHtml(values[name]));
}
