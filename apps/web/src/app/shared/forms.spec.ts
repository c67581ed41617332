import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { ApiError, I18nService } from '@blup/web/core';
import { FieldErrorPipe, passwordsMatch, showFieldErrors, textControl } from './forms';

describe(FieldErrorPipe.name, () => {
  let sut: FieldErrorPipe;

  beforeEach(() => {
    localStorage.clear();
    sut = TestBed.runInInjectionContext(() => new FieldErrorPipe());
  });

  it('names the first problem in words', () => {
    expect(sut.transform(new FormControl('', Validators.required))).toBe('Skal udfyldes.');
    expect(sut.transform(new FormControl('abc', Validators.minLength(8)))).toBe(
      'Skal være mindst 8 tegn.',
    );
    expect(sut.transform(new FormControl('x@', Validators.email))).toMatch(/gyldig e-mailadresse/);
    expect(sut.transform(new FormControl('fine'))).toBe('');
  });

  it('speaks the current language', () => {
    TestBed.inject(I18nService).setLocale('en');

    expect(sut.transform(new FormControl('', Validators.required))).toBe('Please fill this in.');
  });
});

describe(passwordsMatch.name, () => {
  const form = () =>
    new FormGroup(
      {
        password: new FormControl('long-password'),
        repeat: new FormControl('', Validators.required),
      },
      { validators: passwordsMatch('password', 'repeat') },
    );

  it('marks the repeat field when the two differ, and clears it when they match', () => {
    const sut = form();

    sut.controls.repeat.setValue('long-passwrd');
    expect(sut.controls.repeat.errors).toEqual({ mismatch: true });

    sut.controls.repeat.setValue('long-password');
    expect(sut.controls.repeat.errors).toBeNull();
    expect(sut.valid).toBe(true);
  });

  it('keeps other errors on the repeat field', () => {
    const sut = form();
    sut.controls.repeat.setValue('');

    expect(sut.controls.repeat.errors).toEqual({ required: true });
  });
});

describe(showFieldErrors.name, () => {
  it("puts the API's per-field messages on the matching controls", () => {
    const sut = new FormGroup({ password: new FormControl('password1') });

    showFieldErrors(
      sut,
      new ApiError(400, 'Invalid input', 'r1', { password: ['That password is too common.'] }),
    );

    expect(sut.controls.password.errors).toEqual({ server: 'That password is too common.' });
    expect(sut.controls.password.touched).toBe(true);
  });
});

describe(textControl.name, () => {
  it('starts empty, stays a string on reset and checks the length and the other validators', () => {
    const email = textControl(10, Validators.required, Validators.email);
    expect(email.value).toBe('');
    expect(email.errors).toEqual({ required: true });
    email.setValue('a@b.dk');
    expect(email.valid).toBe(true);
    email.setValue('too-long@example.dk');
    expect(email.errors).toEqual({ maxlength: { requiredLength: 10, actualLength: 19 } });
    email.reset();
    expect(email.value).toBe('');

    const optional = textControl(3);
    expect(optional.valid).toBe(true);
    optional.setValue('abcd');
    expect(optional.hasError('maxlength')).toBe(true);
  });
});
