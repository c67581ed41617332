import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { provideRouter } from '@angular/router';
import { EditFormFrame } from './edit-form-frame';
import { FORM_FIELDS } from './form-fields';

@Component({
  imports: [FORM_FIELDS, EditFormFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-edit-form-frame
      [formGroup]="form"
      [edit]="edit"
      heading="Ny kommune"
      cancelLink="/municipalities"
      testId="municipality-form"
    >
      <input formControlName="name" data-testid="name" />
    </blup-edit-form-frame>
  `,
})
class Host {
  readonly form = new FormGroup({ name: new FormControl('', { nonNullable: true }) });
  readonly saves: string[] = [];
  readonly edit = {
    existing: { isLoading: () => false, error: () => undefined },
    submitter: { busy: () => false, error: () => null },
    editing: signal(false),
    save: () => this.saves.push(this.form.controls.name.value),
  };
}

describe(EditFormFrame.name, () => {
  it("binds the page's projected fields to its form and saves on submit", async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const input = host.querySelector<HTMLInputElement>('[data-testid="name"]');
    const form = host.querySelector<HTMLFormElement>('form[data-testid="municipality-form"]');

    expect(host.querySelector('h1')?.textContent).toContain('Ny kommune');
    expect(form?.contains(input)).toBe(true);

    if (input) {
      input.value = 'Thisted';
      input.dispatchEvent(new Event('input'));
    }
    form?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

    expect(fixture.componentInstance.saves).toEqual(['Thisted']);
    expect(form?.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Opret');
  });
});
