import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  GOAL_STATUSES,
  INITIATIVE_STATUSES,
  type GoalSummaryDto,
  type Page,
  type SdgDto,
} from '@blup/contracts';
import { loadTextSection } from '@blup/web/core';
import { GoalSummary } from './goal-summary';

const summary: GoalSummaryDto = {
  villages: 5,
  villagesWithGoals: 2,
  goals: 3,
  bySdg: Array.from({ length: 17 }, (_, i) => ({
    number: i + 1,
    goals: i + 1 === 11 ? 2 : i + 1 === 13 ? 1 : 0,
    villages: i + 1 === 11 ? 2 : i + 1 === 13 ? 1 : 0,
  })),
  byStatus: GOAL_STATUSES.map((status) => ({ status, goals: status === 'idea' ? 3 : 0 })),
  initiatives: 4,
  initiativesByStatus: INITIATIVE_STATUSES.map((status) => ({
    status,
    initiatives: status === 'in_progress' ? 3 : status === 'done' ? 1 : 0,
  })),
};

describe(GoalSummary.name, () => {
  it('draws a bar per SDG, longest for the most goals, each said in words', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    await TestBed.runInInjectionContext(loadTextSection('goals'));
    const fixture = TestBed.createComponent(GoalSummary);
    fixture.componentRef.setInput('municipalityId', 'm1');
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    const sdgs: Page<SdgDto> = {
      items: [{ number: 11, nameDa: 'Byer', nameEn: 'Cities', colour: '#FD9D24' }],
      total: 1,
      page: 1,
      pageSize: 17,
    };
    http.expectOne((req) => req.url === '/api/sdgs').flush(sdgs);
    http.expectOne('/api/municipalities/m1/goal-summary').flush(summary);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="goal-summary-totals"]')?.textContent).toContain(
      '3 mål i 2 af 5 landsbyer',
    );
    const rows = element.querySelectorAll('.bar-row');
    expect(rows).toHaveLength(17);
    const eleven = element.querySelector('[data-testid="summary-sdg-11"]');
    expect(eleven?.getAttribute('aria-label')).toBe('Verdensmål 11: 2 mål i 2 landsbyer');
    expect(eleven?.querySelector<HTMLElement>('.bar')?.style.inlineSize).toBe('100%');
    const thirteen = element.querySelector('[data-testid="summary-sdg-13"] .bar') as HTMLElement;
    expect(thirteen.style.inlineSize).toBe('50%');
    await fixture.whenStable();
    fixture.detectChanges();
    expect(
      element.querySelector('[data-testid="initiative-summary-total"]')?.textContent,
    ).toContain('4 initiativer i alt');
    const byStatus = element.querySelector('[data-testid="initiative-summary"]')?.textContent;
    expect(byStatus).toContain('I gang: 3');
    expect(byStatus).toContain('Gennemført: 1');
  });
});
