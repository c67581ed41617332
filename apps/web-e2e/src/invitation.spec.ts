import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { createSteeringMember, inviteSteeringMember } from './support/people';
import { openMenu } from './support/ui';
import { uniqueSuffix } from './support/unique';

const VILLAGE = 'Glumsø og Omegn';

const invitationHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Du er inviteret' });

test.describe('Accepting an invitation', () => {
  test(
    'a new steering member opens the mail on a phone, sets name and password and is signed in',
    { tag: '@phone' },
    async ({ page, api, mail, demo }) => {
      const invited = await inviteSteeringMember(api, mail, demo.secretariat, VILLAGE);
      const invitation = await mail.newestTo(invited.email);
      expect(invitation.subject).toBe('Du er inviteret til BLUP Akademiet');

      await page.goto(invited.link);
      await expect(invitationHeading(page)).toBeVisible();
      await expect(
        page.getByText(`${invited.inviterName} har inviteret dig til BLUP Akademiet.`),
      ).toBeVisible();
      const details = page.getByTestId('invitation-details');
      await expect(details).toContainText(invited.email);
      await expect(details).toContainText('Medlem af styregruppen');
      await expect(details).toContainText(`${VILLAGE}, Næstved`);
      // The name the inviter typed is offered; the person may correct it.
      await expect(page.getByLabel('Navn', { exact: true })).toHaveValue(invited.name);
      await expectAccessible(page, { label: 'the invitation page' });

      const name = `Maja Invited ${uniqueSuffix()}`;
      await page.getByLabel('Navn', { exact: true }).fill(name);
      await page.getByLabel('Adgangskode', { exact: true }).fill(`e2e-${uniqueSuffix()}-landsby`);
      await page.getByRole('button', { name: 'Opret min konto' }).click();

      await expect(page).toHaveURL(/\/$/);
      await expect(
        page.getByRole('heading', { level: 1, name: `Velkommen, ${name}` }),
      ).toBeVisible();
      await expect(page.getByTestId('card-village')).toContainText(VILLAGE);
      await openMenu(page);
      await expect(page.getByTestId('current-user')).toHaveText(name);
    },
  );

  test('a link that was used already shows that it no longer works', async ({
    page,
    api,
    mail,
    demo,
  }) => {
    const person = await createSteeringMember(api, mail, demo.secretariat, VILLAGE);

    await page.goto(person.link);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Invitationen virker ikke længere' }),
    ).toBeVisible();
    await expect(page.getByTestId('invitation-expired')).toContainText(
      'Bed den, der inviterede dig, om at sende en ny.',
    );
    await expect(page.getByRole('button', { name: 'Opret min konto' })).toHaveCount(0);
    await expectAccessible(page, { label: 'the used-invitation page' });
  });

  // A long email must wrap rather than push the details past the edge of a 390 px screen.
  test(
    'the invitation details fit on a phone screen',
    { tag: '@phone' },
    async ({ page, api, mail, demo }) => {
      const invited = await inviteSteeringMember(api, mail, demo.secretariat, VILLAGE);
      await page.goto(invited.link);
      await expect(invitationHeading(page)).toBeVisible();
      const overflow = await page
        .getByTestId('invitation-details')
        .evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(overflow, 'pixels the invitation details stick out to the right').toBeLessThanOrEqual(
        0,
      );
    },
  );
});
