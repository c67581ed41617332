const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as JSON can keep it: a lone UTF-16 surrogate (half an emoji, cut by another program)
 * becomes U+FFFD, since PostgreSQL refuses it in jsonb.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}
