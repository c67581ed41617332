import { validateSync } from 'class-validator';
import { hasControlCharacter, IsMailAddress } from './text-fields';

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

describe(IsMailAddress.name, () => {
  class Form {
    @IsMailAddress('email')
    email!: string;
  }
  const errors = (email: string) =>
    validateSync(Object.assign(new Form(), { email })).flatMap((e) =>
      Object.values(e.constraints ?? {}),
    );

  it('takes an ordinary address, with Danish letters in the local part too', () => {
    expect(errors('anna@example.dk')).toEqual([]);
    expect(errors('søren.æblegaard@example.dk')).toEqual([]);
  });

  it.each([['"a b"@example.dk'], ['anna@'], ['anna\r\nBcc: x@evil.test']])(
    'refuses %s with a message a person can act on',
    (email) => {
      expect(errors(email)).toEqual(['email must be an email address, like anna@example.dk']);
    },
  );
});
