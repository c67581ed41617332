import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { PASSWORD_MIN_LENGTH } from '@blup/contracts';
import { NewPasswordFields } from './new-password-fields';
import { SubmitForm } from './submit-form';
import { submitter } from './submitter';

@Component({
  imports: [SubmitForm, NewPasswordFields],
  template: `
    <blup-submit-form
      [submitter]="submitter"
      submitLabel="Gem"
      submitTestId="save-password"
      testId="password-form"
      (submitted)="sent = sent + 1"
    >
      <blup-new-password-fields [password]="password" [repeat]="repeat" testId="password" />
    </blup-submit-form>
  `,
})
class Host {
  readonly submitter = submitter();
  readonly password = new FormControl('', { nonNullable: true });
  readonly repeat = new FormControl('', { nonNullable: true });
  sent = 0;
}

describe(SubmitForm.name, () => {
  it('projects the fields, reports a submit once, and shows the failure above the form', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const inputs = element.querySelectorAll<HTMLInputElement>(
      '[data-testid="password-form"] input',
    );
    expect([...inputs].map((input) => [input.type, input.autocomplete])).toEqual([
      ['password', 'new-password'],
      ['password', 'new-password'],
    ]);
    expect(element.querySelector('mat-hint')?.textContent).toContain(String(PASSWORD_MIN_LENGTH));

    element.querySelector<HTMLButtonElement>('[data-testid="save-password"]')?.click();
    expect(fixture.componentInstance.sent).toBe(1);

    fixture.componentInstance.submitter.error.set(new Error('Adgangskoden er for kort.'));
    fixture.detectChanges();
    expect(element.textContent).toContain('Adgangskoden er for kort.');
  });
});
