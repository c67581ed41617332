import { hasSurrogateEscape, wellFormed, wellFormedDeep } from './well-formed-text';

const json = (text: string) => Buffer.from(text, 'utf8');

describe('well-formed text', () => {
  it('turns half an emoji into U+FFFD and keeps whole ones', () => {
    expect(wellFormed('Sol \ud83c')).toBe('Sol \ufffd');
    expect(wellFormed('\ude00 og 😀')).toBe('\ufffd og 😀');
    expect(wellFormed('Glumsø 😀')).toBe('Glumsø 😀');
  });

  it('mends every string of a parsed body, keys included, and leaves other values', () => {
    expect(wellFormedDeep({ a: ['x\ud800', 1, null, true], ['k\udc00']: { b: 'ok' } })).toEqual({
      a: ['x\ufffd', 1, null, true],
      ['k\ufffd']: { b: 'ok' },
    });
  });

  it('spots a surrogate escape in JSON text, whatever its case, and nothing else', () => {
    expect(hasSurrogateEscape(json(JSON.stringify({ t: 'Sol \ud83c' })))).toBe(true);
    expect(hasSurrogateEscape(json('{"t":"\\uDE00"}'))).toBe(true);
    expect(hasSurrogateEscape(json('{"t":"\\u00e6 \\n 😀"}'))).toBe(false);
    // An escaped backslash followed by "ud800" is text, not an escape.
    expect(hasSurrogateEscape(json('{"t":"\\\\ud800"}'))).toBe(false);
    expect(hasSurrogateEscape(json('{"t":"\\\\\\ud800"}'))).toBe(true);
    expect(hasSurrogateEscape(json('{"t":"\\u'))).toBe(false);
  });
});
