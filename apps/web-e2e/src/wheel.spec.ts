import { Role } from '@blup/contracts';
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
    await page.getByTestId('save-wheel').click();
    await expect(page.getByText('Årshjulet er gemt.')).toBeVisible();
    await page.getByTestId('publish-wheel').click();
    await expect(page.getByTestId('wheel-status')).toContainText('Version 2 er offentlig.');

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
    await expectAccessible(page, { label: 'the annual report' });
  });
});
