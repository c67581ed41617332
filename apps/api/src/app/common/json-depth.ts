import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import { AppException } from './app-exception';
import { wellFormedDeep } from './well-formed-text';

/** No request the API takes nests deeper than this; deeper JSON is refused before parsing. */
export const MAX_JSON_DEPTH = 64;

/** The body-parser error type for JSON nested too deeply (see FRIENDLY_BODY_ERRORS). */
export const JSON_TOO_DEEP_TYPE = 'entity.too.deep';

export const JSON_TOO_DEEP_MESSAGE = `The request body is nested too deeply: JSON may be at most ${MAX_JSON_DEPTH} levels deep.`;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether the JSON text nests objects and arrays deeper than `max`: one pass over the bytes that
 * skips strings, without parsing. Deep nesting is cheap to send and costly (or fatal) for every
 * recursive step after the parser, so it is refused up front.
 */
export function jsonTooDeep(text: Buffer | string, max = MAX_JSON_DEPTH): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * The JSON body parser's `verify` hook: throws an error body-parser passes on as a 400 of type
 * `entity.too.deep`, which the error handling words as `json_too_deep`.
 */
export function verifyJsonDepth(_req: unknown, _res: unknown, buf: Buffer): void {
  if (jsonTooDeep(buf)) {
    throw Object.assign(new Error(JSON_TOO_DEEP_MESSAGE), {
      status: HttpStatus.BAD_REQUEST,
      type: JSON_TOO_DEEP_TYPE,
    });
  }
}

/** JSON.parse for JSON that arrives outside the body parser (a multipart form field). */
export function parseJsonWithin(text: string, invalidMessage: string): unknown {
  if (jsonTooDeep(text)) {
    throw new AppException(HttpStatus.BAD_REQUEST, ErrorCode.JsonTooDeep, JSON_TOO_DEEP_MESSAGE);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw new AppException(HttpStatus.BAD_REQUEST, ErrorCode.InvalidJson, invalidMessage);
  }
  return wellFormedDeep(parsed);
}
