import { Role } from '@blup/contracts';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { createSteeringMember } from './support/people';
import { openMenu, signInWithPassword, signOut } from './support/ui';

/** What each role should see on its home page: its name for the role, and its own cards. */
const HOME: Record<Role, { roleLabel: string; expectHome: (page: Page) => Promise<void> }> = {
  [Role.Secretariat]: {
    roleLabel: 'Sekretariatet',
    expectHome: async (page) => {
      const cards = page.getByTestId('home-cards');
      for (const title of ['Kommuner', 'Landsbyer', 'Hold', 'Personer']) {
        await expect(cards.getByRole('link', { name: title })).toBeVisible();
      }
    },
  },
  [Role.Coordinator]: {
    roleLabel: 'Kommunal koordinator',
    expectHome: async (page) => {
      await expect(page.getByTestId('card-municipality')).toContainText('Din kommune');
      await expect(page.getByTestId('card-village')).toContainText(/Landsbyer i .+ Kommune/);
    },
  },
  [Role.SteeringMember]: {
    roleLabel: 'Medlem af styregruppen',
    expectHome: async (page) => {
      await expect(page.getByTestId('card-village')).toContainText(/Din landsby i .+ Kommune/);
    },
  },
  [Role.Learner]: {
    roleLabel: 'Kursist',
    expectHome: async (page) => {
      await expect(page.getByTestId('card-welcome')).toContainText('Velkommen til BLUP Akademiet');
    },
  },
};

test.describe('Signing in with a password', () => {
  for (const role of Object.values(Role)) {
    // On a phone the menu hides behind a button: one role is enough to prove that path.
    const tag = role === Role.SteeringMember ? ['@anysize'] : [];
    test(
      `the demo ${role} signs in, lands on their home page and signs out`,
      { tag },
      async ({ page, demo }) => {
        const user = await signInWithPassword(page, demo[role]);
        expect(user.role).toBe(role);

        await expect(page).toHaveURL(/\/$/);
        await HOME[role].expectHome(page);
        await openMenu(page);
        await expect(page.getByTestId('current-user')).toHaveText(user.name);
        await expect(page.getByText(HOME[role].roleLabel, { exact: true })).toBeVisible();
        await expectAccessible(page, { label: `the ${role}'s home page with the menu open` });

        await signOut(page);
        // Signed out for real: the home page sends us back to sign in.
        await page.goto('/');
        await expect(page).toHaveURL(/\/sign-in/);
      },
    );
  }

  test('a wrong password shows the message from the API', async ({ page, api, mail, demo }) => {
    const person = await createSteeringMember(api, mail, demo.secretariat, 'Glumsø og Omegn');
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
    await expectAccessible(page, { label: 'the sign-in page' });

    await page.getByLabel('E-mail', { exact: true }).fill(person.email);
    await page.getByLabel('Adgangskode', { exact: true }).fill(`${person.password}-wrong`);
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    const response = await answer;
    expect(response.status()).toBe(401);
    const { message } = (await response.json()) as { message: string };

    // The API's words, or (once the client translates the error's code) Danish ones about the password.
    const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(page.getByRole('alert')).toContainText(new RegExp(`${escaped}|adgangskode`, 'i'));
    await expect(page).toHaveURL(/\/sign-in/);
    await expectAccessible(page, { label: 'the sign-in page showing an error' });
  });
});
