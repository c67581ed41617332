import { ErrorCode, GoalStatus, type VillageGoalDto } from '@blup/contracts';
import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
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

/** Answers the form's requests for the village's people and initiatives, once it asks. */
async function answerOwners(
  fixture: ComponentFixture<GoalFormPage>,
  http: HttpTestingController,
): Promise<void> {
  for (let tick = 0; tick < 5; tick++) {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
  }
  http
    .expectOne((r) => r.url === '/api/villages/v1/initiative-people')
    .flush({ items: [{ id: 'u1', name: 'Karin Holm' }], total: 1 });
  http
    .expectOne((r) => r.url === '/api/villages/v1/initiatives')
    .flush({ items: [{ id: 'i1', title: 'Faste opsamlingssteder' }], total: 1 });
}

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
    await answerOwners(fixture, http);
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

  async function openGroupOwned() {
    const opened = await openPage(GoalFormPage, 'goals', { id: 'g1' });
    opened.fixture.detectChanges();
    opened.http
      .match((r) => r.url === '/api/sdgs')
      .forEach((r) => r.flush({ items: [], total: 0 }));
    opened.http.expectOne('/api/goals/g1').flush({
      ...goal(3, 'Samkørsel'),
      owner: 'Faste opsamlingssteder',
      ownerInitiative: { id: 'i1', title: 'Faste opsamlingssteder' },
    });
    await answerOwners(opened.fixture, opened.http);
    await opened.settle();
    const toggle = (kind: string) =>
      opened.byTestId(`owner-kind-${kind}`)?.querySelector('button') as HTMLButtonElement;
    return { ...opened, toggle };
  }

  it('offers a person, a working group or a written name as owner, and keeps the working group', async () => {
    const { http, byTestId, submit, toggle } = await openGroupOwned();
    expect(toggle('group').getAttribute('aria-checked')).toBe('true');
    expect(toggle('person').textContent).toContain('En person');
    expect(toggle('group').textContent).toContain('En arbejdsgruppe');
    expect(toggle('words').textContent).toContain('Skriv et navn');
    expect(byTestId('owner-group')?.textContent).toContain('Faste opsamlingssteder');
    expect(byTestId('owner')).toBeNull();

    submit();
    expect(http.expectOne('/api/goals/g1').request.body).toMatchObject({
      owner: '',
      ownerUserId: null,
      ownerInitiativeId: 'i1',
      version: 3,
    });
  });

  it('sends only the chosen kind of owner: a written name clears the working group', async () => {
    const { http, byTestId, settle, submit, toggle } = await openGroupOwned();
    toggle('words').click();
    await settle();
    expect(byTestId('owner-group')).toBeNull();
    const name = byTestId('owner') as HTMLInputElement;
    name.value = 'Karin Holm';
    name.dispatchEvent(new Event('input'));
    submit();
    expect(http.expectOne('/api/goals/g1').request.body).toMatchObject({
      owner: 'Karin Holm',
      ownerUserId: null,
      ownerInitiativeId: null,
    });
  });
});
