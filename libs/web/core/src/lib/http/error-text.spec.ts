import { TestBed } from '@angular/core/testing';
import { ERROR_CODES, ErrorCode } from '@blup/contracts';
import { I18nService } from '../i18n/i18n.service';
import { errorKey, errorText } from './error-text';

describe(errorText.name, () => {
  let i18n: I18nService;

  beforeEach(() => {
    localStorage.clear();
    i18n = TestBed.inject(I18nService);
  });

  it('says a coded error in Danish, and in English after a switch', () => {
    const body = { code: ErrorCode.WrongCredentials, message: 'Wrong email or password.' };

    expect(errorText(body, i18n).message).toBe('Forkert e-mail eller adgangskode.');

    i18n.setLocale('en');

    expect(errorText(body, i18n).message).toBe('Wrong email or password.');
  });

  it('fills in the params, writing minutes with their unit in each language', () => {
    const body = {
      code: ErrorCode.SignInRateLimited,
      params: { minutes: 15 },
      message: 'Too many sign-in attempts from your network. Try again in 15 minutes.',
    };

    expect(errorText(body, i18n).message).toBe(
      'For mange forsøg. Prøv igen om 15 minutter, eller log ind med et link.',
    );
    expect(errorText({ ...body, params: { minutes: 1 } }, i18n).message).toContain('om 1 minut,');

    i18n.setLocale('en');

    expect(errorText(body, i18n).message).toBe(
      'Too many attempts. Try again in 15 minutes, or sign in with a link.',
    );
  });

  it('fills in names and numbers', () => {
    expect(
      errorText(
        {
          code: ErrorCode.VillageNameTaken,
          params: { name: 'Glumsø', municipality: 'Næstved' },
          message: 'Næstved already has a village named “Glumsø”.',
        },
        i18n,
      ).message,
    ).toBe('Der er allerede en landsby, der hedder »Glumsø«, i Næstved Kommune.');
    expect(
      errorText({ code: ErrorCode.PasswordTooShort, params: { min: 8 }, message: '…' }, i18n)
        .message,
    ).toBe('Adgangskoden skal være mindst 8 tegn.');
  });

  it("falls back to the API's message for a code this client does not know, or no code", () => {
    const unknown = { code: 'brand_new_code' as ErrorCode, message: 'Something new went wrong.' };

    expect(errorText(unknown, i18n).message).toBe('Something new went wrong.');
    expect(errorText({ message: 'No code at all.' }, i18n).message).toBe('No code at all.');
  });

  it('puts the translated text on the fields a coded problem is about', () => {
    const result = errorText(
      {
        code: ErrorCode.PasswordTooCommon,
        message: 'This password is too common…',
        details: { password: ['This password is too common…'] },
      },
      i18n,
    );

    expect(result.details).toEqual({
      password: ['Den adgangskode er for almindelig – vælg en anden, fx en sætning med flere ord.'],
    });
  });

  it("keeps the API's per-field words when validation failed in general", () => {
    const details = { email: ['email must be an email address'], name: ['name cannot be empty'] };

    const result = errorText(
      { code: ErrorCode.ValidationFailed, message: 'email must…; name cannot…', details },
      i18n,
    );

    expect(result.message).toBe(
      'Noget af det, du har skrevet, kan ikke bruges. Ret det, og prøv igen.',
    );
    expect(result.details).toEqual(details);
  });

  it.each(ERROR_CODES)('has a Danish and an English text for %s', (code) => {
    const danish = i18n.lookup(errorKey(code));
    i18n.setLocale('en');
    const english = i18n.lookup(errorKey(code));

    expect(danish?.trim()).toBeTruthy();
    expect(english?.trim()).toBeTruthy();
    expect(english).not.toBe(danish);
  });
});
