import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { createSteeringMember } from './support/people';
import { openMenu, signInWithPassword } from './support/ui';

const switchTo = (page: Page, language: 'English' | 'Dansk') =>
  page.getByTestId('language-switch').filter({ hasText: language });

test.describe('Switching language', () => {
  test(
    'on the sign-in page, Dansk to English and back, remembered across a reload',
    { tag: '@anysize' },
    async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.locator('html')).toHaveAttribute('lang', 'da');
      await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
      await expect(page.getByLabel('Adgangskode', { exact: true })).toBeVisible();

      await switchTo(page, 'English').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Forgot your password?' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Skift sprog til dansk' })).toBeVisible();

      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

      await switchTo(page, 'Dansk').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'da');
      await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Change language to English' })).toBeVisible();

      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', 'da');
      await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
    },
  );

  test('signed in, Dansk to English and back, saved on the profile', async ({
    page,
    api,
    mail,
    demo,
  }) => {
    const person = await createSteeringMember(api, mail, demo.secretariat, 'Glumsø og Omegn');
    await signInWithPassword(page, person);
    await openMenu(page);
    await expect(page.getByRole('link', { name: 'Forside' })).toBeVisible();

    // The choice is saved on the profile; wait for that before reloading.
    const savedEnglish = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/auth/me') && response.request().method() === 'PATCH',
    );
    await switchTo(page, 'English').click();
    expect((await savedEnglish).ok()).toBe(true);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(
      page.getByRole('heading', { level: 1, name: `Welcome, ${person.name}` }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(
      page.getByRole('heading', { level: 1, name: `Welcome, ${person.name}` }),
    ).toBeVisible();
    // The cards come from the API, in the language saved on the profile.
    await expect(page.getByTestId('card-village')).toContainText(
      'Your village in Næstved Municipality',
    );

    const savedDanish = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/auth/me') && response.request().method() === 'PATCH',
    );
    await switchTo(page, 'Dansk').click();
    expect((await savedDanish).ok()).toBe(true);
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await expect(
      page.getByRole('heading', { level: 1, name: `Velkommen, ${person.name}` }),
    ).toBeVisible();

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await expect(page.getByRole('link', { name: 'Forside' })).toBeVisible();
    await expect(page.getByTestId('card-village')).toContainText('Din landsby i Næstved Kommune');
  });
});
