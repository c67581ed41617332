import { Role } from '@blup/contracts';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';

const PRIVACY = { da: 'Sådan passer vi på dine oplysninger', en: 'How we look after your data' };
const ACCESSIBILITY = { da: 'Tilgængelighedserklæring', en: 'Accessibility statement' };

/** Opens a statement from the page's footer (its contentinfo landmark) and waits for its heading. */
async function openFromFooter(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('contentinfo').getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

// The registry of personal data comes from the API; these tests assert only the fixed text.
test.describe('The privacy notice and the accessibility statement', () => {
  test(
    'signed out, both open from the footer of the sign-in page, in Danish and in English',
    { tag: '@anysize' },
    async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.getByRole('contentinfo')).toHaveCount(1);

      await openFromFooter(page, 'Privatliv', PRIVACY.da);
      await expect(page).toHaveURL(/\/privatliv$/);
      await expect(page.getByTestId('privacy-rights')).toContainText('Slet min konto');
      await expect(page.getByText('Datatilsynet (datatilsynet.dk)')).toBeVisible();
      await expectAccessible(page, { label: 'the privacy notice' });

      await openFromFooter(page, 'Tilgængelighedserklæring', ACCESSIBILITY.da);
      await expect(page).toHaveURL(/\/tilgaengelighed$/);
      // The statement lists this very check among the pages axe looks at.
      await expect(page.getByTestId('checked-pages')).toContainText('Privatliv og tilgængelighed');
      await expectAccessible(page, { label: 'the accessibility statement' });

      await page.getByTestId('language-switch').click();
      await expect(page.getByRole('heading', { level: 1, name: ACCESSIBILITY.en })).toBeVisible();
      await openFromFooter(page, 'Privacy', PRIVACY.en);
    },
  );

  test('signed in, both open from the footer of the home page @phone', async ({ page, demo }) => {
    await signInThroughApi(page, demo[Role.SteeringMember]);
    await page.goto('/');
    await expect(page.getByRole('contentinfo')).toHaveCount(1);

    await openFromFooter(page, 'Privatliv', PRIVACY.da);
    await expectAccessible(page, { label: 'the privacy notice signed in' });
    await openFromFooter(page, 'Tilgængelighedserklæring', ACCESSIBILITY.da);
    await expectAccessible(page, { label: 'the accessibility statement signed in' });
  });
});
