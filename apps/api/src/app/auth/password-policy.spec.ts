import { ErrorCode, PASSWORD_MAX_LENGTH } from '@blup/contracts';
import { isCommonPassword, passwordProblem, TOO_COMMON_MESSAGE } from './password-policy';

describe('password policy', () => {
  describe(passwordProblem.name, () => {
    it.each([
      'grøn-landsby-2026',
      'correct horse battery staple',
      'x7#kQ!2p',
      'Glumsø har verdens bedste kage',
      'æøåbøfsandwich',
    ])('accepts %j', (password) => {
      expect(passwordProblem(password)).toBeNull();
    });

    it('asks for at least 8 characters, and accepts exactly 8', () => {
      expect(passwordProblem('k7#vQ!2')).toEqual({
        code: ErrorCode.PasswordTooShort,
        params: { min: 8 },
        message: 'The password must be at least 8 characters long.',
      });
      expect(passwordProblem('k7#vQ!2p')).toBeNull();
    });

    it('counts characters as people do, not UTF-16 units', () => {
      // Six characters, nine UTF-16 units.
      expect(passwordProblem('🔑a🔒b🗝c')?.message).toMatch(/at least 8/);
    });

    it('accepts 256 characters and refuses 257', () => {
      const ok = 'Tybjerg og Omegn '.repeat(16).slice(0, PASSWORD_MAX_LENGTH);
      expect(passwordProblem(ok)).toBeNull();
      expect(passwordProblem(ok + 'x')).toEqual({
        code: ErrorCode.PasswordTooLong,
        params: { max: PASSWORD_MAX_LENGTH },
        message: `The password can be at most ${PASSWORD_MAX_LENGTH} characters long.`,
      });
    });

    it('has no composition rules: lower-case words alone are fine', () => {
      expect(passwordProblem('lokalrådet mødes i forsamlingshuset')).toBeNull();
    });

    it('refuses what is not text', () => {
      expect(passwordProblem(12345678)?.message).toBe('The password must be text.');
      expect(passwordProblem(undefined)?.code).toBe(ErrorCode.ValidationFailed);
    });

    it('says plainly that a common password is too common', () => {
      expect(passwordProblem('password')).toEqual({
        code: ErrorCode.PasswordTooCommon,
        message: TOO_COMMON_MESSAGE,
      });
      expect(TOO_COMMON_MESSAGE).toMatch(/^This password is too common/);
    });
  });

  describe(isCommonPassword.name, () => {
    it.each(['password', '12345678', 'qwertyuiop', 'iloveyou', 'sunshine', 'football', 'trustno1'])(
      'refuses %j from the leaked-password list',
      (p) => {
        expect(isCommonPassword(p)).toBe(true);
      },
    );

    it.each(['PASSWORD', 'Password', 'QwertyUiop', 'SunShine'])(
      'compares without regard to case: %j',
      (p) => {
        expect(isCommonPassword(p)).toBe(true);
      },
    );

    it.each([
      'kodeord',
      'adgangskode',
      'hejmeddig',
      'sommer2024',
      'Sommer2025!',
      'Adgangskode123',
      'københavn1',
      'KØBENHAVN2024',
      'blupakademiet',
    ])('refuses Danish and BLUP words: %j', (p) => {
      expect(isCommonPassword(p)).toBe(true);
    });

    it.each([
      'Password123!',
      '!kodeord1',
      '2024sommer',
      'Hej med dig',
      'hej-med-dig-2024',
      'Velkommen12',
    ])('refuses a listed word with digits, a symbol or separators: %j', (p) => {
      expect(isCommonPassword(p)).toBe(true);
    });

    it.each(['aaaaaaaa', 'abababab', '12341234', 'zzzzzzzzzzzz'])(
      'refuses a short run repeated: %j',
      (p) => {
        expect(isCommonPassword(p)).toBe(true);
      },
    );

    it('does not refuse a listed word buried in something longer', () => {
      expect(isCommonPassword('password i sommerhuset ved Tybjerg')).toBe(false);
      expect(isCommonPassword('sommerfugle-i-maven')).toBe(false);
    });

    it('does not treat a word with many random symbols around it as common', () => {
      expect(isCommonPassword('#dragon%&/(')).toBe(false);
    });

    it('does not match on tiny words left after stripping digits and symbols', () => {
      expect(isCommonPassword('x9$4!2%7#')).toBe(false);
    });
  });
});
