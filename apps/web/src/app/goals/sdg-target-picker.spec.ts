import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { SdgTargetDto } from '@blup/contracts';
import { loadTextSection } from '@blup/web/core';
import { SdgTargetPicker, sdgOfTarget, targetText } from './sdg-target-picker';

const target = (code: string, textEn: string, textDa: string | null = null): SdgTargetDto => ({
  code,
  sdg: sdgOfTarget(code),
  textEn,
  textDa,
});

describe(SdgTargetPicker.name, () => {
  it('reads the SDG from a target code, and falls back to the English text', () => {
    expect(sdgOfTarget('11.2')).toBe(11);
    expect(sdgOfTarget('1.a')).toBe(1);
    expect(targetText(target('11.2', 'Transport'), 'da')).toEqual({
      text: 'Transport',
      lang: 'en',
    });
    expect(targetText(target('11.2', 'Transport', 'Transport for alle'), 'da')).toEqual({
      text: 'Transport for alle',
      lang: 'da',
    });
    expect(targetText(target('11.2', 'Transport', 'Transport for alle'), 'en').lang).toBe('en');
  });

  it('fetches the targets only when opened, and ticks its own SDG’s targets', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    await TestBed.runInInjectionContext(loadTextSection('goals'));
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SdgTargetPicker);
    fixture.componentRef.setInput('sdg', 11);
    fixture.componentRef.setInput('value', ['13.1']);
    const settle = async () => {
      fixture.detectChanges();
      await TestBed.inject(ApplicationRef).whenStable();
      fixture.detectChanges();
    };
    fixture.detectChanges();
    http.match((r) => r.url === '/api/sdgs').forEach((r) => r.flush({ items: [], total: 0 }));
    await settle();
    http.expectNone((r) => r.url === '/api/sdgs/11/targets');

    const element = fixture.nativeElement as HTMLElement;
    const details = element.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    fixture.detectChanges();
    http
      .expectOne((r) => r.url === '/api/sdgs/11/targets')
      .flush({
        items: [target('11.1', 'Housing'), target('11.2', 'Transport')],
        total: 2,
        page: 1,
        pageSize: 50,
      });
    await settle();
    expect(element.textContent).toContain('11.2');
    expect(element.querySelector('[lang="en"]')?.textContent).toBe('Housing');

    const box = element.querySelector<HTMLInputElement>('[data-testid="target-11.2"] input');
    box?.click();
    await settle();
    expect(fixture.componentInstance.value()).toEqual(['13.1', '11.2']);
    expect(element.querySelector('summary')?.textContent).toContain('1 valgt');
    box?.click();
    await settle();
    expect(fixture.componentInstance.value()).toEqual(['13.1']);
  });
});
