import { hasControlCharacter } from './text-fields';

describe(hasControlCharacter.name, () => {
  it('accepts ordinary Danish text, emoji included', () => {
    expect(hasControlCharacter('Tappernøje, Snesere og Everdrup sogne ❤️', false)).toBe(false);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a line break', 'a\nb'],
    ['a tab', 'a\tb'],
    ['DEL', 'a\u007fb'],
    ['an escape', '\u001b[31m'],
  ])('finds %s in a one-line name', (_, text) => {
    expect(hasControlCharacter(text, false)).toBe(true);
  });

  it('lets a longer text keep tabs and line breaks, but never NUL', () => {
    expect(hasControlCharacter('Første afsnit.\r\n\n\tAndet afsnit.', true)).toBe(false);
    expect(hasControlCharacter('a\u0000b', true)).toBe(true);
  });
});
