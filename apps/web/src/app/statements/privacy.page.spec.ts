import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PersonalDataRegistryDto, PersonalDataTableDto } from '@blup/contracts';
import { I18nService, apiErrorInterceptor, loadTextSection } from '@blup/web/core';
import { PrivacyPage } from './privacy.page';

const URL = '/api/privacy/registry';

function table(over: Partial<PersonalDataTableDto>): PersonalDataTableDto {
  return {
    table: 'users',
    owner: 'users',
    purpose: { da: 'Din konto', en: 'Your account' },
    legalBasis: 'contract',
    retention: { da: 'Indtil du sletter din konto', en: 'Until you delete your account' },
    columns: ['name', 'email'],
    kinds: ['account', 'name', 'email'],
    ...over,
  };
}

const registry: PersonalDataRegistryDto = {
  tables: [
    table({}),
    table({ table: 'sessions', columns: ['email', 'ip_address'], kinds: ['account', 'ip'] }),
    table({
      table: 'panel_subscribers',
      legalBasis: 'consent',
      purpose: { da: 'Borgerpanelets mails', en: 'The citizen panel’s mails' },
      retention: { da: 'Til du melder dig ud', en: 'Until you leave' },
      columns: ['email'],
      kinds: ['email'],
    }),
  ],
  retentionDays: {},
  contact: { email: 'sekretariat@blup.test', phone: null },
};

describe(PrivacyPage.name, () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.runInInjectionContext(loadTextSection('statements'));
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18nService).setLocale('da');
  });

  async function render() {
    const fixture = TestBed.createComponent(PrivacyPage);
    fixture.detectChanges();
    const settle = async () => {
      await TestBed.inject(ApplicationRef).whenStable();
      await fixture.whenStable();
    };
    return { element: fixture.nativeElement as HTMLElement, settle };
  }

  it('shows the registry grouped by why, tables with the same purpose once, in the chosen language', async () => {
    const { element, settle } = await render();
    http.expectOne(URL).flush(registry);
    await settle();

    const items = [...element.querySelectorAll('[data-testid="registry-item"]')];
    expect(items.map((i) => i.querySelector('p')?.textContent?.trim())).toEqual([
      'Din konto',
      'Borgerpanelets mails',
    ]);
    expect(items[0].querySelector('[data-testid="registry-kinds"]')?.textContent).toMatch(
      /^\s*Oplysninger:\s*din konto,\s*navn,\s*e-mail,\s*IP-adresse\s*$/,
    );
    expect(element.textContent).toContain('Fordi du har sagt ja');
    expect(element.textContent).toContain('14 dage til at fortryde');
    const mail = element.querySelector<HTMLAnchorElement>(
      '[data-testid="statement-contact"] a[href^="mailto:"]',
    );
    expect(mail?.getAttribute('href')).toBe('mailto:sekretariat@blup.test');
    expect(element.querySelector('a[href^="tel:"]')).toBeNull();

    TestBed.inject(I18nService).setLocale('en');
    await settle();
    expect(element.querySelector('h1')?.textContent).toContain('How we look after your data');
    expect(element.textContent).toContain('Until you leave');
  });

  it('says so, and offers to try again, when the registry cannot be loaded', async () => {
    const { element, settle } = await render();
    http.expectOne(URL).flush('down', { status: 503, statusText: 'Service Unavailable' });
    await settle();

    const failed = element.querySelector('[data-testid="registry-failed"]');
    expect(failed?.textContent).toContain('Listen kunne ikke hentes lige nu');
    expect(element.textContent).toContain('Datatilsynet');

    // Not settled in between: the app is not stable while the request is open.
    failed?.querySelector('button')?.click();
    TestBed.tick();
    http.expectOne(URL).flush(registry);
    await settle();
    expect(element.querySelectorAll('[data-testid="registry-item"]')).toHaveLength(2);
  });
});
