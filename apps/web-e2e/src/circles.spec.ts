import {
  CircleKind,
  type CircleSummaryDto,
  Phase,
  type SessionSummaryDto,
  type CohortDto,
  type MunicipalityDto,
  type Page,
  type VillageDto,
} from '@blup/contracts';
import type { Page as PwPage } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

/** Waits until the "saved" message has gone again. */
async function snackBarGone(page: PwPage): Promise<void> {
  await expect(page.locator('.mat-mdc-snack-bar-container')).toHaveCount(0, { timeout: 10_000 });
}

test.describe('Study circles', () => {
  test('the secretariat plans a cohort calendar and sees it in the grid; a coordinator sees only their villages', async ({
    page,
    api,
    demo,
  }) => {
    test.setTimeout(90_000);
    const suffix = uniqueSuffix();
    const secretariat = await api.as(demo.secretariat);
    const coordinator = await api.as(demo.coordinator);
    const ownMunicipalityId = coordinator.user?.municipalityId ?? '';
    expect(ownMunicipalityId, 'the demo coordinator has a municipality').not.toBe('');
    const municipalities = await secretariat.get<Page<MunicipalityDto>>('/api/municipalities', {
      pageSize: 100,
    });
    const other = municipalities.items.find((m) => m.id !== ownMunicipalityId);
    if (!other) throw new Error('The demo data needs a second municipality');

    // A cohort of our own with one village in the coordinator's municipality and one elsewhere.
    const ownVillage = await secretariat.post<VillageDto>('/api/villages', {
      name: `E2E Kredsby ${suffix}`,
      municipalityId: ownMunicipalityId,
    });
    const otherVillage = await secretariat.post<VillageDto>('/api/villages', {
      name: `E2E Fjernby ${suffix}`,
      municipalityId: other.id,
    });
    const cohort = await secretariat.post<CohortDto>('/api/cohorts', {
      name: `E2E Hold ${suffix}`,
      startDate: '2027-01-04',
      villageIds: [ownVillage.id, otherVillage.id],
    });

    // The secretariat plans 12 village sessions every third week from the cohort page.
    await signInThroughApi(page, demo.secretariat);
    await page.goto(`/cohorts/${cohort.id}`);
    await page.getByTestId('plan-link').click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Planlæg møder for ${cohort.name}` }),
    ).toBeVisible();
    await expect(page.getByTestId('empty')).toBeVisible(); // nothing planned yet
    await page.getByLabel('Første mødedato').fill('2027-02-04');
    await page.getByLabel('Starttidspunkt').fill('19:00');
    await page.getByLabel('Antal møder').fill('12');
    await page.getByRole('button', { name: 'Vis forslag' }).click();

    const rows = page.getByTestId('preview-row');
    await expect(page.getByRole('heading', { name: 'Forslag: 12 møder' })).toBeVisible();
    await expect(rows).toHaveCount(12);
    await expect(rows.first().getByLabel('Titel')).toHaveValue('Studiekreds 1');
    await expect(rows.nth(2).getByLabel('Dato')).toHaveValue('2027-03-18');
    await expect(rows.nth(3).getByLabel('Dato')).toHaveValue('2027-04-08');
    await rows.first().getByLabel('Emne').fill('Hvem bor i landsbyen?');
    await expectAccessible(page, { label: 'the planner with a preview' });

    // A date in the past is refused, and the message sits at that session's date.
    await rows.nth(1).getByLabel('Dato').fill('2020-01-09');
    await page.getByTestId('save-plan').click();
    await expect(rows.nth(1)).toContainText('Tidspunktet er allerede passeret.');
    await rows.nth(1).getByLabel('Dato').fill('2027-02-25');

    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/cohorts/${cohort.id}/plan`) && r.request().method() === 'POST',
    );
    await page.getByTestId('save-plan').click();
    expect((await saved).status()).toBe(201);
    await expect(page.getByText('12 møder er planlagt.')).toBeVisible();
    const plan = page.getByTestId('plan');
    await expect(plan.getByRole('row')).toHaveCount(13); // a header and 12 slots
    await expect(plan).toContainText('Hvem bor i landsbyen?');
    // Both sides of the March change at 19:00 Danish time.
    await expect(plan.getByRole('row').nth(3)).toContainText('19.00');
    await expect(plan.getByRole('row').nth(4)).toContainText('19.00');
    await expect(plan.getByRole('row').nth(3)).toContainText('18. mar');
    await expect(plan.getByRole('row').nth(4)).toContainText('8. apr');

    // The grid: each village circle has 12 planned sessions.
    await page.getByTestId('grid-link').click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Møder på ${cohort.name}` }),
    ).toBeVisible();
    const grid = page.getByTestId('grid');
    const ownRow = grid.getByRole('row').filter({ hasText: ownVillage.name });
    await expect(ownRow.getByTestId('grid-cell')).toHaveCount(12);
    await expect(ownRow.getByTestId('grid-cell').first()).toContainText('Planlagt');
    await expect(
      grid.getByRole('row').filter({ hasText: otherVillage.name }).getByTestId('grid-cell'),
    ).toHaveCount(12);
    await snackBarGone(page); // axe would judge its fading colours
    await expectAccessible(page, { label: 'the cohort grid' });

    // The circle page: a room link that is not https is refused at the field, then saved.
    await ownRow.getByRole('link', { name: ownVillage.name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: ownVillage.name })).toBeVisible();
    await expect(page.getByTestId('sessions').getByRole('listitem')).toHaveCount(12);
    await expectAccessible(page, { label: 'the circle page' });
    await page.getByLabel('Link til mødelokalet').fill('http://meet.example.dk/rum');
    await page.getByTestId('circle-form').getByRole('button', { name: 'Gem' }).click();
    await expect(page.getByTestId('circle-form')).toContainText(
      'Linket skal være en fuld webadresse, der begynder med https://.',
    );
    const room = `https://meet.jit.si/e2e-${suffix}`;
    await page.getByLabel('Link til mødelokalet').fill(room);
    await page.getByTestId('circle-form').getByRole('button', { name: 'Gem' }).click();
    await expect(page.getByText('Kredsen er gemt.')).toBeVisible();
    await expect(page.getByTestId('room-link')).toHaveAttribute('href', room);

    // A coordinator sees their municipality's village circle, not the other one.
    await page.context().clearCookies();
    await signInThroughApi(page, demo.coordinator);
    await page.goto('/circles');
    await expect(page.getByRole('heading', { level: 1, name: 'Studiekredse' })).toBeVisible();
    await page.getByTestId('cohort-filter').click();
    await page.getByRole('option', { name: cohort.name }).click();
    const list = page.getByTestId('list');
    await expect(list.getByRole('link', { name: new RegExp(ownVillage.name) })).toBeVisible();
    await expect(list.getByRole('link', { name: /Koordinatorkredsen/ })).toBeVisible();
    await expect(list).not.toContainText(otherVillage.name);
    await expectAccessible(page, { label: "the coordinator's circles" });

    // The API agrees: only the own village's circle among the village circles.
    const visible = await coordinator.get<Page<CircleSummaryDto>>('/api/circles', {
      cohortId: cohort.id,
    });
    expect(visible.items.map((c) => c.villageName).filter(Boolean)).toEqual([ownVillage.name]);
  });

  test('the secretariat adjusts one village session and cancels another', async ({
    page,
    api,
    demo,
  }) => {
    const suffix = uniqueSuffix();
    const secretariat = await api.as(demo.secretariat);
    const municipalities = await secretariat.get<Page<MunicipalityDto>>('/api/municipalities');
    const village = await secretariat.post<VillageDto>('/api/villages', {
      name: `E2E Tilpasby ${suffix}`,
      municipalityId: municipalities.items[0].id,
    });
    const cohort = await secretariat.post<CohortDto>('/api/cohorts', {
      name: `E2E Tilpashold ${suffix}`,
      startDate: '2027-05-01',
      villageIds: [village.id],
    });
    await secretariat.post(`/api/cohorts/${cohort.id}/plan`, {
      sessions: ['2027-05-06', '2027-05-27'].map((date, i) => ({
        circleKind: CircleKind.Village,
        title: `Studiekreds ${i + 1}`,
        phase: Phase.Mobilisation,
        startsAt: `${date}T19:00:00+02:00`,
        endsAt: `${date}T21:00:00+02:00`,
      })),
    });
    const [circle] = (
      await secretariat.get<Page<CircleSummaryDto>>('/api/circles', {
        cohortId: cohort.id,
        kind: CircleKind.Village,
      })
    ).items;

    await signInThroughApi(page, demo.secretariat);
    await page.goto(`/circles/${circle.id}`);
    const sessions = page.getByTestId('sessions').getByRole('listitem');
    await expect(sessions).toHaveCount(2);
    await sessions
      .first()
      .getByRole('link', { name: /^Tilpas/ })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Tilpas mødet for ${village.name}` }),
    ).toBeVisible();
    await expect(page.getByLabel('Starttidspunkt')).toHaveValue('19:00');
    await expectAccessible(page, { label: 'the session edit page' });

    // A meeting link that is not https is refused at its field.
    await page.getByLabel('Eget mødelink').fill('http://zoom.example.dk/123');
    await page.getByTestId('save').click();
    await expect(page.getByTestId('session-form')).toContainText(
      'Linket skal være en fuld webadresse, der begynder med https://.',
    );
    await page.getByLabel('Eget mødelink').fill('https://zoom.example.dk/123');
    await page.getByLabel('Starttidspunkt').fill('18:30');
    await page.getByLabel('Emne').fill('Vores egen aften');
    await page.getByTestId('save').click();
    await expect(page.getByText('Mødet er gemt.')).toBeVisible();
    await expect(sessions.first()).toContainText('kl. 18.30');
    await expect(sessions.first()).toContainText('Vores egen aften');

    const [moved] = (
      await secretariat.get<Page<SessionSummaryDto>>(`/api/circles/${circle.id}/sessions`)
    ).items;
    expect(Date.parse(moved.startsAt)).toBe(Date.parse('2027-05-06T18:30:00+02:00'));
    expect(moved.meetingUrl).toBe('https://zoom.example.dk/123');

    // Cancel the second, after a confirm.
    await sessions
      .nth(1)
      .getByRole('link', { name: /^Tilpas/ })
      .click();
    await page.getByTestId('cancel-session').click();
    await page.getByRole('dialog').getByTestId('confirm').click();
    await expect(page.getByText('Mødet er aflyst.').first()).toBeVisible();
    await page.goto(`/circles/${circle.id}`);
    await expect(sessions.nth(1)).toContainText('Aflyst');
  });

  test('planning a single session on a phone says "1 møde", not "1 møder" @phone', async ({
    page,
    api,
    demo,
  }) => {
    test.setTimeout(60_000);
    const suffix = uniqueSuffix();
    const secretariat = await api.as(demo.secretariat);
    const municipalities = await secretariat.get<Page<MunicipalityDto>>('/api/municipalities', {
      pageSize: 1,
    });
    const village = await secretariat.post<VillageDto>('/api/villages', {
      name: `E2E Enkeltby ${suffix}`,
      municipalityId: municipalities.items[0]?.id,
    });
    const cohort = await secretariat.post<CohortDto>('/api/cohorts', {
      name: `E2E Enkelthold ${suffix}`,
      startDate: '2027-01-04',
      villageIds: [village.id],
    });

    await signInThroughApi(page, demo.secretariat);
    await page.goto(`/cohorts/${cohort.id}/plan`);
    await page.getByLabel('Første mødedato').fill('2027-02-04');
    await page.getByLabel('Starttidspunkt').fill('19:00');
    await page.getByLabel('Antal møder').fill('1');
    await page.getByRole('button', { name: 'Vis forslag' }).click();
    await expect(page.getByRole('heading', { name: 'Forslag: 1 møde', exact: true })).toBeVisible();
    await page.getByTestId('save-plan').click();
    await expect(page.getByText('1 møde er planlagt.', { exact: true })).toBeVisible();
  });

  test('the cohort grid scrolls sideways on a phone with the circle column in place @phone', async ({
    page,
    demo,
    api,
  }) => {
    const secretariat = await api.as(demo.secretariat);
    const cohorts = await secretariat.get<Page<CohortDto>>('/api/cohorts', { pageSize: 100 });
    const cohort = cohorts.items.find((c) => c.villageCount > 0);
    if (!cohort) throw new Error('The demo data needs a cohort with villages');
    await signInThroughApi(page, demo.secretariat);
    await page.goto(`/cohorts/${cohort.id}/grid`);
    const grid = page.getByTestId('grid');
    await expect(grid.getByTestId('grid-cell').first()).toBeVisible();
    const firstHeader = grid.locator('tbody th').first();
    const before = await firstHeader.boundingBox();
    await page.getByRole('region', { name: `Møder på ${cohort.name}` }).evaluate((el) => {
      el.scrollLeft = 400;
    });
    const after = await firstHeader.boundingBox();
    expect(after?.x).toBe(before?.x);
    await expectAccessible(page, { label: 'the grid on a phone' });
  });
});
