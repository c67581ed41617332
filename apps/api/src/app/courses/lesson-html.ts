import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'a',
    'strong',
    'b',
    'em',
    'i',
    'blockquote',
  ],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Everything else goes, and script/style/textarea take their content with them.
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener' }),
    h1: 'h2',
  },
};

/**
 * A text lesson's body as it may be stored and served: headings, paragraphs, lists, links
 * (http, https, mailto; rel=noopener), bold, italic and block quotes. Scripts, styles, event
 * handlers and every other attribute are removed.
 */
export function sanitiseLessonHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
