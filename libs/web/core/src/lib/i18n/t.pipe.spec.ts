import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService } from './i18n.service';
import { LocalDatePipe, TranslatePipe } from './t.pipe';

@Component({
  imports: [TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p id="plain">{{ 'auth.signIn' | t }}</p>
    <p id="params">{{ 'home.title' | t: { name: name() } }}</p>
    <p id="date">{{ '2026-03-05' | localDate }}</p>`,
})
class Host {
  readonly name = signal('Ane');
}

describe(TranslatePipe.name, () => {
  beforeEach(() => localStorage.clear());

  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const text = (id: string) => fixture.nativeElement.querySelector(`#${id}`).textContent.trim();
    return { fixture, text };
  }

  it('translates a key and fills parameters', async () => {
    const { text } = await render();

    expect(text('plain')).toBe('Log ind');
    expect(text('params')).toBe('Velkommen, Ane');
  });

  it('re-renders an OnPush view when the language changes', async () => {
    const { fixture, text } = await render();

    TestBed.inject(I18nService).setLocale('en');
    await fixture.whenStable();

    expect(text('plain')).toBe('Sign in');
    expect(text('params')).toBe('Welcome, Ane');
    expect(text('date')).toBe('5 March 2026');
  });

  it('follows changed parameters', async () => {
    const { fixture, text } = await render();

    fixture.componentInstance.name.set('Bo');
    await fixture.whenStable();

    expect(text('params')).toBe('Velkommen, Bo');
  });

  it('transforms directly', () => {
    const sut = TestBed.runInInjectionContext(() => new TranslatePipe());

    expect(sut.transform('nav.people')).toBe('Personer');
  });
});
