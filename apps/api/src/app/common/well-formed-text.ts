import type { NextFunction, Request, Response } from 'express';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as JSON can keep it: a lone UTF-16 surrogate (half an emoji, cut by another program)
 * becomes U+FFFD, since PostgreSQL refuses it in jsonb.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** Every string in a parsed JSON value made well formed, keys included; other values as they are. */
export function wellFormedDeep(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [wellFormed(key), wellFormedDeep(inner)]),
    );
  }
  return value;
}

const BACKSLASH = 0x5c;
const LOWER_U = 0x75;

/**
 * Whether JSON text holds a `\uD800`–`\uDFFF` escape: the only way a surrogate reaches a parsed
 * string (UTF-8 cannot carry one; the decoder turns broken bytes into U+FFFD). One pass over the
 * bytes, so the common body costs next to nothing.
 */
export function hasSurrogateEscape(bytes: Buffer): boolean {
  for (let i = bytes.indexOf(BACKSLASH); i !== -1 && i + 3 < bytes.length;) {
    if (bytes[i + 1] === BACKSLASH) {
      i = bytes.indexOf(BACKSLASH, i + 2);
      continue;
    }
    const d = bytes[i + 2] | 0x20;
    const next = bytes[i + 3] | 0x20;
    // "d" then 8, 9, a–f: D800–DFFF.
    if (
      bytes[i + 1] === LOWER_U &&
      d === 0x64 &&
      ((next >= 0x38 && next <= 0x39) || (next >= 0x61 && next <= 0x66))
    ) {
      return true;
    }
    i = bytes.indexOf(BACKSLASH, i + 1);
  }
  return false;
}

const MARK = Symbol('surrogate escapes');

/** The JSON body parser's `verify` step: notes a body that may hold lone surrogates. */
export function noteSurrogateEscapes(req: unknown, buf: Buffer): void {
  if (hasSurrogateEscape(buf)) (req as Record<symbol, boolean>)[MARK] = true;
}

/**
 * Express middleware after the JSON body parser: a body noted above has its lone surrogates
 * replaced by U+FFFD, so no module's jsonb write fails on half an emoji with a 500.
 */
export function wellFormedBodies(req: Request, _res: Response, next: NextFunction): void {
  if ((req as unknown as Record<symbol, boolean>)[MARK]) req.body = wellFormedDeep(req.body);
  next();
}
