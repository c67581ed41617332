import { ErrorCode, GoalStatus, type VillageGoalDto } from '@blup/contracts';
import { changedBody, CONFLICT, openPage } from '../shared/form-page-test';
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
  ownerPerson: null,
  ownerInitiative: null,
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
    const { fixture, http, element, byTestId, settle, submit } = await openPage(
      GoalFormPage,
      'goals',
      { id: 'g1' },
    );
    fixture.detectChanges();
    http.match((r) => r.url === '/api/sdgs').forEach((r) => r.flush({ items: [], total: 0 }));
    http.expectOne('/api/goals/g1').flush(goal(1, 'Samkørsel'));
    await settle();
    const title = byTestId('title') as HTMLInputElement;
    expect(title.value).toBe('Samkørsel');

    title.value = 'Min udgave';
    title.dispatchEvent(new Event('input'));
    submit();
    const first = http.expectOne('/api/goals/g1');
    expect(first.request.body).toMatchObject({ title: 'Min udgave', version: 1, targets: [] });
    first.flush(
      changedBody(
        ErrorCode.GoalChanged,
        'Anna Holm changed the goal while you were writing.',
        'Anna Holm',
        2,
      ),
      CONFLICT,
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

    submit();
    const second = http.expectOne('/api/goals/g1');
    expect(second.request.body).toMatchObject({ title: 'Samkørsel og delebil', version: 2 });
  });
});
