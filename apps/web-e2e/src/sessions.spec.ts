import type { Page as PwPage } from '@playwright/test';
import {
  AgendaItemKind,
  type CircleSummaryDto,
  CircleKind,
  type CreateCircleSessionRequest,
  type Page,
  Phase,
  type SessionSummaryDto,
} from '@blup/contracts';
import { expectAccessible } from './support/axe';
import type { ApiClient } from './support/api';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

const MINUTE = 60_000;

/** Screenshots for people to look at, when SHOTS_DIR is set. */
async function shot(page: PwPage, name: string): Promise<void> {
  const dir = process.env['SHOTS_DIR'];
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** The same at a phone's size, from a test that runs on a wide screen. */
async function phoneShot(page: PwPage, name: string): Promise<void> {
  if (!process.env['SHOTS_DIR']) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload(); // the shell picks its phone layout on start
  await expect(page.getByTestId('page-title')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await shot(page, name);
  if (size) await page.setViewportSize(size);
  await page.reload();
  await expect(page.getByTestId('page-title')).toBeVisible();
}

/** The demo's village circles (the seed makes one per village in a cohort). */
async function villageCircles(secretariat: ApiClient): Promise<CircleSummaryDto[]> {
  const page = await secretariat.get<Page<CircleSummaryDto>>('/api/circles', {
    kind: CircleKind.Village,
    pageSize: 100,
  });
  return page.items.filter((circle) => !circle.archived);
}

/** One extra session for one circle, `inMs` from now. */
function addSession(
  secretariat: ApiClient,
  circleId: string,
  title: string,
  inMs: number,
  minutes: number,
): Promise<SessionSummaryDto> {
  const startsAt = new Date(Date.now() + inMs);
  const body: CreateCircleSessionRequest = {
    title,
    phase: Phase.Mobilisation,
    topic: 'Browsertest',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + minutes * MINUTE).toISOString(),
    agenda: [
      { kind: AgendaItemKind.Inspiration, title: 'Oplæg', minutes: 10 },
      { kind: AgendaItemKind.Discussion, title: 'Drøftelse', minutes: 20 },
    ],
  };
  return secretariat.post<SessionSummaryDto>(`/api/circles/${circleId}/sessions`, body);
}

test.describe('Study-circle sessions', () => {
  test('a steering member answers on the home page and copies their calendar address', async ({
    page,
    context,
    demo,
    api,
    baseURL,
  }) => {
    const secretariat = await api.as(demo.secretariat);
    const member = demo.steering_member;
    const user = await signInThroughApi(page, member);
    const circle = (await villageCircles(secretariat)).find(
      (candidate) => candidate.villageId === user.villageId,
    );
    if (!circle) throw new Error(`No village circle for ${user.villageName}`);
    // Sooner than any demo session, so it is the member's next one.
    const title = `E2E møde ${uniqueSuffix()}`;
    const session = await addSession(secretariat, circle.id, title, 10 * MINUTE, 30);

    // Home: "Dit næste møde" with the time in Danish, join, answers, calendar.
    await page.goto('/');
    const card = page.getByTestId('next-session');
    await expect(card.getByRole('heading', { level: 2, name: title })).toBeVisible();
    await expect(card).toContainText('Dit næste møde');
    await expect(card.getByTestId('next-session-time')).toHaveText(
      /^(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) \d{1,2}\. [a-zæøå]+( \d{4})? kl\. \d{2}\.\d{2}–\d{2}\.\d{2}$/,
    );
    const join = card.getByRole('link', { name: /Deltag/ });
    await expect(join).toHaveAttribute('href', /^https:\/\//);
    await expect(join).toHaveAttribute('target', '_blank');
    await expect(card.getByRole('link', { name: 'Føj til kalender' })).toHaveAttribute(
      'href',
      `/api/sessions/${session.id}/calendar.ics`,
    );
    await expectAccessible(page, { label: 'the home page with the next session' });

    const yes = card.getByRole('button', { name: 'Ja', exact: true });
    await yes.click();
    await expect(yes).toHaveAttribute('aria-pressed', 'true');
    await expect(card.getByRole('status')).toHaveText('Dit svar er gemt: Ja.');
    await page.reload();
    await expect(
      page.getByTestId('next-session').getByRole('button', { name: 'Ja', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(
      page.getByTestId('next-session').getByRole('button', { name: 'Nej', exact: true }),
    ).toHaveAttribute('aria-pressed', 'false');

    // The single-session calendar file.
    const file = await page.request.get(`/api/sessions/${session.id}/calendar.ics`);
    expect(file.ok()).toBe(true);
    expect(file.headers()['content-type']).toContain('text/calendar');
    expect(await file.text()).toContain('BEGIN:VCALENDAR');

    await phoneShot(page, 'home-next-session');

    // Mine møder: the session with my answer, then the calendar address.
    await page.goto('/sessions');
    await expect(page.getByRole('heading', { level: 1, name: 'Mine møder' })).toBeVisible();
    const row = page.getByTestId(`session-${session.id}`);
    await expect(row).toContainText(title);
    await expect(row).toContainText('Dit svar: Ja');

    const field = page.getByLabel('Din kalenderadresse');
    await expect(field).toHaveValue(/\/api\/calendar\/[\w-]+\.ics$/);
    const feedUrl = await field.inputValue();
    await expect(page.getByRole('link', { name: 'Åbn i kalender' })).toHaveAttribute(
      'href',
      /^webcal:\/\//,
    );
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.getByRole('button', { name: 'Kopiér', exact: true }).click();
    await expect(page.getByTestId('copy-status')).toHaveText('Kopieret');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);
    await expectAccessible(page, { label: 'my sessions' });
    await phoneShot(page, 'my-sessions');

    // The address works without a sign-in and holds the session.
    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(title);

    // Past sessions: the demo's held ones.
    await page.getByRole('button', { name: 'Tidligere' }).click();
    await expect(page.getByRole('button', { name: 'Tidligere' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByTestId('list').getByText('Afholdt').first()).toBeVisible();
    await page.getByRole('button', { name: 'Kommende' }).click();

    // A new address: the old one stops working.
    await page.getByRole('button', { name: 'Lav en ny adresse' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lav en ny adresse' }).click();
    await expect(page.getByTestId('copy-status')).toHaveText(
      'Du har fået en ny adresse. Den gamle virker ikke længere.',
    );
    await expect(field).not.toHaveValue(feedUrl);
    expect((await fetch(feedUrl)).status).toBe(404);

    // The session page, from the list.
    await row.click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId('agenda')).toContainText('Inspirationsoplæg');
    await expect(page.getByText('I alt 30 min.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ja', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expectAccessible(page, { label: 'the session page' });
  });

  test(
    'the facilitator takes attendance on a phone and the session page counts it',
    { tag: '@phone' },
    async ({ page, demo, api }) => {
      const facilitator = await api.as(demo.secretariat);
      const member = await api.as(demo.steering_member);
      // Another village than the member test's, so that member's next session stays the same.
      const circle = (await villageCircles(facilitator))
        .filter((candidate) => candidate.villageId !== member.user?.villageId)
        .sort((a, b) => b.memberCount - a.memberCount)[0];
      if (!circle?.memberCount) throw new Error('No other village circle with members');
      const title = `E2E fremmøde ${uniqueSuffix()}`;
      // Attendance is taken once a session has begun: one that starts in a moment.
      const session = await addSession(facilitator, circle.id, title, 3_000, 2);
      await page.waitForTimeout(Math.max(0, Date.parse(session.startsAt) - Date.now() + 500));

      await signInThroughApi(page, demo.secretariat);
      await page.goto(`/sessions/${session.id}`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await shot(page, 'session-page');
      await page.getByRole('link', { name: 'Tag fremmøde' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Tag fremmøde' })).toBeVisible();

      const rows = page.getByTestId('attendance-rows').getByRole('listitem');
      await expect(rows.first()).toBeVisible();
      const count = await rows.count();
      expect(count).toBeGreaterThanOrEqual(1);
      await expect(page.getByTestId('marked-count')).toHaveText(`0 af ${count} markeret`);
      const save = page.getByRole('button', { name: 'Gem fremmøde' });
      await expect(save).toBeDisabled();

      const firstName = (await rows.first().getByTestId('participant-name').textContent())?.trim();
      // Everyone present, then one sends apologies.
      await page.getByRole('button', { name: 'Alle til stede' }).click();
      await expect(page.getByTestId('marked-count')).toHaveText(`${count} af ${count} markeret`);
      const first = rows.first();
      await first.getByRole('button', { name: 'Afbud' }).click();
      await expect(first.getByRole('button', { name: 'Afbud' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(first.getByRole('button', { name: 'Til stede' })).toHaveAttribute(
        'aria-pressed',
        'false',
      );
      // Large targets for a thumb.
      const box = await first.getByRole('button', { name: 'Afbud' }).boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(48);
      await expect(save).toBeInViewport();
      await expectAccessible(page, { label: 'the attendance screen' });
      await shot(page, 'attendance');

      await save.click();
      await expect(page.getByTestId('attendance-status')).toHaveText('Fremmødet er gemt.');
      await expect(save).toBeDisabled();

      // The session page counts it, and the session is now held.
      await page.getByRole('link', { name: 'Tilbage til mødet' }).click();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByTestId('count-present')).toContainText(String(count - 1));
      await expect(page.getByTestId('count-excused')).toContainText('1');
      await expect(page.getByTestId('count-absent')).toContainText('0');
      await expect(page.getByTestId('session-status')).toHaveText('Afholdt');
      await expectAccessible(page, { label: 'the session page after attendance' });
      await shot(page, 'session-page-after-attendance');

      // Notes and a next step with an owner from the circle and a due date.
      await page.getByRole('button', { name: 'Skriv noter og næste skridt' }).click();
      await page.getByLabel('Noter fra mødet').fill('Vi inviterer foreningerne til næste møde.');
      await page.getByRole('button', { name: 'Tilføj næste skridt' }).click();
      await page.getByLabel('Hvad skal gøres?').fill('Ring til hallen');
      await page.getByRole('combobox', { name: 'Hvem er ansvarlig?' }).click();
      await page.getByRole('option', { name: firstName, exact: true }).click();
      await page.getByLabel('Frist').fill('2027-05-01');
      await expectAccessible(page, { label: 'the outcome form' });
      await shot(page, 'outcome-form');
      await page.getByRole('button', { name: 'Gem', exact: true }).click();
      await expect(page.getByText('Noter og næste skridt er gemt.')).toBeVisible();
      await expect(page.getByTestId('notes-text')).toHaveText(
        'Vi inviterer foreningerne til næste møde.',
      );
      const steps = page.getByTestId('next-steps');
      await expect(steps).toContainText('Ring til hallen');
      await expect(steps).toContainText(`Ansvarlig: ${firstName}`);
      await expect(steps).toContainText('Frist: 1. maj 2027');
    },
  );
});
