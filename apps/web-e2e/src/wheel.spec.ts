import {
  CSRF_COOKIE,
  CSRF_HEADER,
  Role,
  type VillageDocumentDto,
  type WheelContent,
} from '@blup/contracts';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

test.describe('Annual wheel and report', () => {
  test('the coordination group adds an activity to the wheel on a phone, publishes it, and makes the report draft again @phone', async ({
    page,
    demo,
  }) => {
    test.setTimeout(90_000);
    const member = await signInThroughApi(page, demo[Role.SteeringMember]);
    const title = `Loppemarked ${uniqueSuffix()}`;

    await page.goto(`/villages/${member.villageId}`);
    await page.getByTestId('village-wheel').click();
    await expect(page).toHaveURL(new RegExp(`/villages/${member.villageId}/wheel$`));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Årshjul for Glumsø og Omegn' }),
    ).toBeVisible();
    const june = page.locator('[data-month="6"]');
    await expect(june.getByRole('heading', { name: 'Juni' })).toBeVisible();
    await expect(june).toContainText('Sankthans ved søen');
    await expect(june).toContainText('Den 23., kl. 20:00–23:00');
    await expect(page.getByTestId('wheel-calendar')).toBeVisible();
    await expectAccessible(page, { label: 'the annual wheel' });

    await page.getByTestId('add-activity').click();
    await page.getByTestId('title').fill(title);
    await page.getByTestId('who').fill('Spejderne');
    await page.getByRole('checkbox', { name: 'Maj' }).check();
    await page.getByTestId('day-kind').click();
    await page.getByRole('option', { name: 'En ugedag' }).click();
    await page.getByTestId('nth').click();
    await page.getByRole('option', { name: 'Første' }).click();
    await page.getByTestId('weekday').click();
    await page.getByRole('option', { name: 'lørdag' }).click();
    await page.getByTestId('start').fill('10:00');
    await expectAccessible(page, { label: 'the activity form' });
    await page.getByTestId('activity-done').click();

    const may = page.locator('[data-month="5"]');
    await expect(may).toContainText(title);
    await expect(may).toContainText('Første lørdag, kl. 10:00');
    // Meanwhile someone else saves the wheel: the save is refused and theirs shown beside mine.
    const path = `/api/villages/${member.villageId}/documents/wheel`;
    const current = (await (
      await page.request.get(path)
    ).json()) as VillageDocumentDto<WheelContent>;
    const { cookies } = await page.context().storageState();
    const csrf = decodeURIComponent(cookies.find((c) => c.name === CSRF_COOKIE)?.value ?? '');
    const theirs = await page.request.put(`${path}/draft`, {
      headers: { [CSRF_HEADER]: csrf },
      data: {
        revision: current.revision,
        content: {
          activities: current.content.activities.map((a) =>
            a.id === 'byfest' ? { ...a, title: 'Byfest med tivoli' } : a,
          ),
        },
      },
    });
    expect(theirs.status()).toBe(200);
    await page.getByTestId('save-wheel').click();
    const conflict = page.getByTestId('conflict');
    await expect(conflict).toBeVisible();
    await expect(page.getByTestId('conflict-theirs')).toContainText('Byfest med tivoli');
    await expect(page.getByTestId('conflict-mine')).toContainText(title);
    await expectAccessible(page, { label: 'the wheel after a 409' });
    await page.getByTestId('keep-mine').click();
    await expect(conflict).toBeHidden();
    await page.getByTestId('save-wheel').click();
    await expect(page.getByText('Årshjulet er gemt.')).toBeVisible();
    await page.getByTestId('publish-wheel').click();
    await expect(page.getByTestId('wheel-status')).toContainText('Version 2 er offentlig.');
    // Kept as chosen: mine replaced theirs, with their rename gone.
    await expect(page.locator('[data-month="8"]')).not.toContainText('Byfest med tivoli');

    const feedUrl = await page.getByTestId('wheel-ics').inputValue();
    const feed = await page.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    const ics = (await feed.text()).replace(/\r\n /g, '');
    expect(ics).toContain(`SUMMARY:${title}`);
    expect(ics).toContain('RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=1SA');

    const year = new Date().getFullYear();
    await page.goto(`/villages/${member.villageId}`);
    await page.getByTestId(`village-report-${year}`).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Årsrapport ${year} for Glumsø og Omegn` }),
    ).toBeVisible();
    await expect(page.getByTestId('section-goals')).toContainText('Landsbymål');
    const intro = page.getByTestId('section-intro').getByRole('textbox');
    await intro.fill('Vores eget forord, skrevet af styregruppen.');
    await page.getByTestId('save-report').click();
    await expect(page.getByText('Rapporten er gemt.')).toBeVisible();
    await expect(page.getByTestId('section-intro')).toContainText('Rettet');
    await page.getByTestId('generate-report').click();
    await expect(page.getByTestId('kept-edited')).toContainText(`»Årsrapport ${year}«`);
    await expect(intro).toHaveValue('Vores eget forord, skrevet af styregruppen.');
    // Checked once the "made" snackbar (fading in and out) is gone.
    await expect(page.getByText('Udkastet er lavet.')).toBeVisible();
    await expect(page.getByText('Udkastet er lavet.')).toBeHidden();
    await expectAccessible(page, { label: 'the annual report' });

    // Replacing the rewritten section is asked first; confirmed, the generated text is back.
    await page.getByTestId('replace-edited').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`»Årsrapport ${year}«`);
    // Checked once the dialog and its backdrop have faded in.
    await page.waitForFunction(() =>
      document.getAnimations().every((animation) => animation.playState !== 'running'),
    );
    await expectAccessible(page, { label: 'the question before replacing edits' });
    await dialog.getByRole('button', { name: 'Erstat også de rettede afsnit' }).click();
    await expect(page.getByTestId('kept-edited')).toBeHidden();
    await expect(intro).toHaveValue(/^Årsrapporten for Glumsø og Omegn samler/);

    // Signed out, the village's public page shows the published wheel and its calendar address.
    await page.context().clearCookies();
    await page.goto('/landsby/glumsoe-og-omegn');
    const wheel = page.getByTestId('public-wheel');
    await expect(wheel.getByRole('heading', { level: 2, name: 'Årshjul' })).toBeVisible();
    await expect(wheel.locator('[data-month="5"]')).toContainText(title);
    await expect(page.getByTestId('public-wheel-ics')).toHaveValue(feedUrl);
    await expectAccessible(page, { label: 'the public page with the wheel' });
  });
});
