import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FormActions } from './form-actions';

describe(FormActions.name, () => {
  async function render(busy: boolean) {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(FormActions);
    fixture.componentRef.setInput('submitLabel', 'Save');
    fixture.componentRef.setInput('cancelLabel', 'Cancel');
    fixture.componentRef.setInput('cancelLink', ['/villages', 'v1']);
    fixture.componentRef.setInput('busy', busy);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows a submit button that says when it is busy, and a cancel link', async () => {
    const element = await render(true);
    const submit = element.querySelector<HTMLButtonElement>('[data-testid="save"]');

    expect(submit?.type).toBe('submit');
    expect(submit?.textContent?.trim()).toBe('Save');
    expect(submit?.getAttribute('aria-busy')).toBe('true');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/villages/v1');
    expect(element.querySelector('a')?.textContent?.trim()).toBe('Cancel');
  });

  it('is not busy until the page says so', async () => {
    const element = await render(false);

    expect(element.querySelector('[data-testid="save"]')?.getAttribute('aria-busy')).toBe('false');
  });

  it('can go without a cancel link and name its button for the tests', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(FormActions);
    fixture.componentRef.setInput('submitLabel', 'Accept');
    fixture.componentRef.setInput('submitTestId', 'accept-invitation');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('[data-testid="accept-invitation"]')?.textContent?.trim()).toBe(
      'Accept',
    );
    expect(element.querySelector('a')).toBeNull();
  });

  it('can close a form in place with a cancel button', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(FormActions);
    fixture.componentRef.setInput('submitLabel', 'Create');
    fixture.componentRef.setInput('cancelLabel', 'Cancel');
    fixture.componentRef.setInput('cancelButton', true);
    const cancelled = jest.fn();
    fixture.componentInstance.cancelled.subscribe(cancelled);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const cancel = element.querySelector<HTMLButtonElement>('button[type="button"]');

    expect(cancel?.textContent?.trim()).toBe('Cancel');
    cancel?.click();
    expect(cancelled).toHaveBeenCalledTimes(1);
  });
});
