import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TextField } from './text-field';

@Component({
  imports: [ReactiveFormsModule, TextField],
  template: `
    <form [formGroup]="form">
      <blup-text-field [control]="form.controls.email" label="E-mail" type="email" testId="email" />
    </form>
  `,
})
class Host {
  readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });
}

describe(TextField.name, () => {
  it('binds the control, gives an email field the email keyboard and shows the first error', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const input = element.querySelector<HTMLInputElement>('[data-testid="email"]');

    expect(input?.type).toBe('email');
    expect(input?.getAttribute('inputmode')).toBe('email');
    expect(element.querySelector('mat-label')?.textContent).toContain('E-mail');

    fixture.componentInstance.form.markAllAsTouched();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(element.querySelector('mat-error')?.textContent).toContain('Skal udfyldes');

    if (input) {
      input.value = 'anna@example.dk';
      input.dispatchEvent(new Event('input'));
    }
    expect(fixture.componentInstance.form.controls.email.value).toBe('anna@example.dk');
  });
});
