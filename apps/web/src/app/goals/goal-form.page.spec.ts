import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ErrorCode, GoalStatus, type VillageGoalDto } from '@blup/contracts';
import { apiErrorInterceptor, loadTextSection } from '@blup/web/core';
import { GoalFormPage } from './goal-form.page';

const goal = (version: number, title: string): VillageGoalDto => ({
  id: 'g1',
  villageId: 'v1',
  villageName: 'Glumsø og Omegn',
  title,
  why: '',
  sdgs: [11],
  targets: [],
  owner: '',
  horizon: null,
  indicator: '',
  baseline: null,
  targetValue: null,
  currentValue: null,
  status: GoalStatus.Idea,
  version,
  updatedAt: '2026-12-01T10:00:00Z',
  updatedBy: { id: 'u2', name: 'Anna Holm', email: 'anna@blup.test' },
  canEdit: true,
});

describe(GoalFormPage.name, () => {
  it('after a 409, offers the saved version and then saves from it', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.runInInjectionContext(loadTextSection('goals'));
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(GoalFormPage);
    fixture.componentRef.setInput('id', 'g1');
    const settle = async () => {
      fixture.detectChanges();
      await TestBed.inject(ApplicationRef).whenStable();
      fixture.detectChanges();
    };
    fixture.detectChanges();
    http.match((r) => r.url === '/api/sdgs').forEach((r) => r.flush({ items: [], total: 0 }));
    http.expectOne('/api/goals/g1').flush(goal(1, 'Samkørsel'));
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const title = byTestId('title') as HTMLInputElement;
    expect(title.value).toBe('Samkørsel');

    title.value = 'Min udgave';
    title.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const first = http.expectOne('/api/goals/g1');
    expect(first.request.body).toMatchObject({ title: 'Min udgave', version: 1, targets: [] });
    first.flush(
      {
        statusCode: 409,
        error: 'Conflict',
        code: ErrorCode.GoalChanged,
        message: 'Anna Holm changed the goal while you were writing.',
        params: { name: 'Anna Holm', at: '2026-12-01T10:00:00Z', version: 2 },
        requestId: 'r1',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(element.textContent).toContain('Anna Holm har ændret målet');

    expect(byTestId('load-their-version')).not.toBeNull();
    byTestId('load-their-version')?.click();
    fixture.detectChanges();
    http.expectOne('/api/goals/g1').flush(goal(2, 'Samkørsel og delebil'));
    await settle();
    expect(title.value).toBe('Samkørsel og delebil');
    expect(byTestId('load-their-version')).toBeNull();

    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const second = http.expectOne('/api/goals/g1');
    expect(second.request.body).toMatchObject({ title: 'Samkørsel og delebil', version: 2 });
  });
});
