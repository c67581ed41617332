import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { createSteeringMember } from './support/people';

test.describe('Signing in with a link', () => {
  test('asks for a link, opens it from the mail and lands on the home page', async ({
    page,
    api,
    mail,
    demo,
  }) => {
    const person = await createSteeringMember(api, mail, demo.secretariat, 'Glumsø og Omegn');

    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Send mig et login-link i stedet' }).click();
    await expect(page.getByLabel('Adgangskode', { exact: true })).toBeHidden();
    await page.getByLabel('E-mail', { exact: true }).fill(person.email);
    const since = new Date();
    await page.getByRole('button', { name: 'Send mig et link' }).click();
    await expect(page.getByRole('heading', { name: 'Tjek din e-mail' })).toBeVisible();
    await expect(page.getByTestId('check-mail')).toContainText(person.email);

    const link = await mail.linkTo(person.email, '/auth/link', { since });
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind med link' })).toBeVisible();
    await expectAccessible(page, { label: 'the sign-in-link page' });
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(
      page.getByRole('heading', { level: 1, name: `Velkommen, ${person.name}` }),
    ).toBeVisible();

    // The link works once.
    await page.goto(link);
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Linket virker ikke længere' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Send mig et nyt link' })).toBeVisible();
  });
});
