import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

test.describe('Villages', () => {
  test('the secretariat creates a village and finds it in the list and on its page', async ({
    page,
    demo,
  }) => {
    await signInThroughApi(page, demo.secretariat);
    const name = `E2E Landsby ${uniqueSuffix()}`;
    const municipality = 'Kerteminde';

    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Landsbyer' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Landsbyer' })).toBeVisible();
    await expect(page.getByTestId('list').getByRole('link').first()).toBeVisible();
    await expectAccessible(page, { label: 'the villages page' });

    await page.getByRole('link', { name: 'Ny landsby' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opret landsby' })).toBeVisible();
    await page.getByLabel('Landsbyens navn').fill(name);
    await page.getByRole('combobox', { name: 'Kommune' }).click();
    await page.getByRole('option', { name: municipality, exact: true }).click();
    await page.getByLabel('Beskrivelse').fill('En landsby, som browsertestene har oprettet.');
    await page.getByRole('button', { name: 'Opret', exact: true }).click();

    // Its own page.
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page).toHaveURL(/\/villages\/[0-9a-f-]{36}$/);
    await expect(page.getByText('Landsbyen er oprettet.')).toBeVisible();
    const facts = page.getByTestId('village-facts');
    await expect(facts.getByRole('link', { name: municipality })).toBeVisible();
    await expect(facts).toContainText('Ikke på et hold endnu');

    // The list, searched by name.
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Landsbyer' })
      .click();
    await page.getByRole('searchbox', { name: 'Søg efter landsby' }).fill(name);
    const rows = page.getByTestId('list').getByRole('link');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(name);
    await expect(rows.first()).toContainText(`${municipality} · Ikke på et hold endnu`);
    await rows.first().click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });
});
