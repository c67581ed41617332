import type { MunicipalityDto, Page, VillageDto } from '@blup/contracts';
import type { Locator } from '@playwright/test';
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

  test('a long village name wraps on a phone instead of being cut off @phone', async ({
    page,
    api,
    demo,
  }) => {
    test.setTimeout(60_000);
    const secretariat = await api.as(demo.secretariat);
    const municipalities = await secretariat.get<Page<MunicipalityDto>>('/api/municipalities', {
      pageSize: 1,
    });
    const name = `Tappernøje, Snesere og Everdrup sogns landsbyer ${uniqueSuffix()}`;
    await secretariat.post<VillageDto>('/api/villages', {
      name,
      municipalityId: municipalities.items[0]?.id,
    });

    await signInThroughApi(page, demo.secretariat);
    await page.goto('/villages');
    await page.getByRole('searchbox', { name: 'Søg efter landsby' }).fill(name);
    const row = page.getByTestId('list').getByRole('link');
    await expect(row).toHaveCount(1);
    await expectWhole(row.getByText(name, { exact: true }));
    await row.click();
    await expectWhole(page.getByRole('heading', { level: 1, name }));
  });
});

/** The text is shown in full: neither it nor a box around it clips it ("Tappernøje, Sne…"). */
async function expectWhole(text: Locator): Promise<void> {
  await expect(text).toBeVisible();
  const clipped = await text.evaluate((element) => {
    const out: string[] = [];
    for (let el: Element | null = element; el && el !== document.body; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (el.scrollWidth > el.clientWidth && style.overflowX !== 'visible') {
        out.push(`${el.tagName}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
      }
      if (style.textOverflow === 'ellipsis' && style.whiteSpace === 'nowrap') {
        out.push(`${el.tagName}.${el.className}: ellipsis`);
      }
    }
    const box = element.getBoundingClientRect();
    if (box.right > window.innerWidth) out.push(`ends at ${box.right} of ${window.innerWidth}`);
    return out;
  });
  expect(clipped, 'boxes that cut the name off').toEqual([]);
}
