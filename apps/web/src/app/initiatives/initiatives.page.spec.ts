import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { InitiativeStatus, type FocusAreaOverviewDto, type Page } from '@blup/contracts';
import { I18nService, loadTextSection } from '@blup/web/core';
import { InitiativesPage } from './initiatives.page';
import { ProgressBar } from './progress-bar';

function area(
  position: number,
  progress: number | null,
  cards: [number, number][],
): FocusAreaOverviewDto {
  return {
    id: `a${position}`,
    villageId: 'v1',
    name: `Område ${position}`,
    description: '',
    position,
    progress,
    initiativeCount: cards.length,
    version: 1,
    updatedAt: '2026-12-01T10:00:00Z',
    updatedBy: null,
    canEdit: false,
    initiatives: cards.map(([weight, value], i) => ({
      id: `i${position}${i}`,
      title: `Initiativ ${i + 1}`,
      status: InitiativeStatus.InProgress,
      progress: value,
      weight,
      milestone: i === 0 ? { what: 'Første møde', date: null } : null,
      contactName: i === 0 ? 'Karin Holm' : null,
    })),
  };
}

async function setUp(): Promise<void> {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  await TestBed.runInInjectionContext(loadTextSection('initiatives'));
}

describe(ProgressBar.name, () => {
  beforeEach(setUp);

  it('draws a focus area’s roll-up as a bar and says the number in words, in the reader’s language', () => {
    const fixture = TestBed.createComponent(ProgressBar);
    fixture.componentRef.setInput('value', 36.3);
    fixture.componentRef.setInput('rollUp', true);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const bar = element.querySelector<HTMLElement>('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('36.3');
    expect(bar?.getAttribute('aria-label')).toBe('Samlet fremdrift: 36,3 procent');
    expect(element.querySelector<HTMLElement>('.fill')?.style.inlineSize).toBe('36.3%');
    expect(element.textContent).toContain('Samlet fremdrift: 36,3 procent');

    TestBed.inject(I18nService).setLocale('en');
    fixture.detectChanges();
    expect(element.textContent).toContain('Overall progress: 36.3 percent');
  });

  it('says there is nothing to roll up, without a bar, when the area has no initiatives', () => {
    const fixture = TestBed.createComponent(ProgressBar);
    fixture.componentRef.setInput('value', null);
    fixture.componentRef.setInput('rollUp', true);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role="progressbar"]')).toBeNull();
    expect(element.textContent).toContain('Ingen fremdrift endnu');
  });
});

describe(InitiativesPage.name, () => {
  beforeEach(setUp);

  it('shows each focus area with its roll-up and its initiatives as cards', async () => {
    const fixture = TestBed.createComponent(InitiativesPage);
    fixture.componentRef.setInput('villageId', 'v1');
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/villages/v1').flush({ id: 'v1', name: 'Glumsø og Omegn' });
    const page: Page<FocusAreaOverviewDto> = {
      items: [
        area(1, 40, [
          [3, 40],
          [1, 100],
          [2, 10],
        ]),
        area(2, null, []),
      ],
      total: 2,
      page: 1,
      pageSize: 20,
    };
    http.expectOne((req) => req.url === '/api/villages/v1/initiative-overview').flush(page);
    fixture.detectChanges();
    await TestBed.inject(ApplicationRef).whenStable();
    fixture.detectChanges();

    const element = fixture.nativeElement as HTMLElement;
    const first = element.querySelector<HTMLElement>('[data-testid="focus-area-1"]');
    const rollUp = first?.querySelector<HTMLElement>(
      '[data-testid="roll-up"] [role="progressbar"]',
    );
    expect(rollUp?.getAttribute('aria-label')).toBe('Samlet fremdrift: 40 procent');
    expect(first?.textContent).toContain('3 initiativer');
    const cards = first?.querySelectorAll('[data-testid="initiative-card"]') ?? [];
    expect(cards).toHaveLength(3);
    expect(cards[0].textContent).toContain('Næste skridt: Første møde');
    expect(cards[0].textContent).toContain('Kontakt: Karin Holm');
    expect(cards[1].textContent).toContain('Ingen kontaktperson endnu');
    expect(cards[2].textContent).toContain('10 procent færdig');
    const second = element.querySelector<HTMLElement>('[data-testid="focus-area-2"]');
    expect(second?.querySelector('[role="progressbar"]')).toBeNull();
    expect(second?.textContent).toContain('Ingen initiativer i dette område endnu.');
    http.verify();
  });
});
