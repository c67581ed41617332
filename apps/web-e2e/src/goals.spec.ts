import { Role } from '@blup/contracts';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { openMenu, signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

test.describe('Village goals', () => {
  test('a steering member adds a goal on two SDGs and records progress @phone', async ({
    page,
    demo,
  }) => {
    test.setTimeout(60_000);
    const member = await signInThroughApi(page, demo[Role.SteeringMember]);
    const title = `Samkørsel til Næstved ${uniqueSuffix()}`;

    await page.goto('/');
    await openMenu(page);
    await page.getByRole('link', { name: 'Vores landsbymål' }).click();
    await expect(page).toHaveURL(new RegExp(`/villages/${member.villageId}/goals$`));
    await expect(page.getByRole('heading', { level: 1, name: /^Landsbymål for / })).toBeVisible();
    await expectAccessible(page, { label: 'the village goals page' });

    await page.getByTestId('add-goal').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nyt landsbymål' })).toBeVisible();
    // Saving without an SDG says what is missing.
    await page.getByTestId('title').fill(title);
    await page.getByRole('button', { name: 'Opret', exact: true }).click();
    await expect(page.getByTestId('sdgs-error')).toHaveText('Vælg mindst ét verdensmål.');
    await page.getByTestId('sdg-11').click();
    await page.getByTestId('sdg-13').click();
    await expect(page.getByTestId('sdg-11')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('indicator').fill('Faste samkørselsruter');
    await page.getByTestId('baseline').fill('0');
    await page.getByTestId('target').fill('5');
    await expectAccessible(page, { label: 'the goal form' });
    await page.getByRole('button', { name: 'Opret', exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveURL(/\/goals\/[0-9a-f-]{36}$/);
    await expect(page.getByTitle('Verdensmål 11: Bæredygtige byer og lokalsamfund')).toBeVisible();
    await expect(page.getByTestId('goal-status')).toContainText('Idé');

    await page.getByTestId('status-in_progress').click();
    await page.getByTestId('progress-note').fill('To ruter kører nu.');
    await page.getByTestId('progress-value').fill('2');
    await page.getByTestId('save-progress').click();
    await expect(page.getByText('Status er gemt.')).toBeVisible();
    await expect(page.getByTestId('goal-status')).toContainText('I gang');
    await expect(page.getByTestId('goal-measure')).toContainText('Faste samkørselsruter: 2 af 5');
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toContainText(`I gang · ${member.name}`);
    await expect(timeline).toContainText('To ruter kører nu.');
    await expectAccessible(page, { label: 'a goal with its timeline' });

    await page.getByRole('link', { name: 'Alle landsbymål' }).click();
    await expect(
      page.getByTestId('goals').getByRole('link', { name: new RegExp(title) }),
    ).toBeVisible();
  });
});
