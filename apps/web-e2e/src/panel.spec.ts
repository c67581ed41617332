import { type PanelSubscriberPage, Role } from '@blup/contracts';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';
import { uniqueEmail } from './support/unique';

const VILLAGE = 'Glumsø og Omegn';

test.describe('The citizen panel', () => {
  test(
    'a citizen signs up on a phone, confirms from the mail, leaves and comes back',
    { tag: '@phone' },
    async ({ page, api, mail, demo }) => {
      const secretariat = await api.as(demo.secretariat);
      const village = await secretariat.village(VILLAGE);
      const email = uniqueEmail('borger');
      const since = new Date();
      const statusOf = async (address: string): Promise<string | undefined> => {
        const found = await secretariat.get<PanelSubscriberPage>(
          `/api/panel/villages/${village.id}/subscribers`,
          { q: address },
        );
        return found.items.find((s) => s.email === address)?.status;
      };

      await page.goto(`/panel/join/${village.id}`);
      await expect(
        page.getByRole('heading', { level: 1, name: `Borgerpanelet for ${VILLAGE}` }),
      ).toBeVisible();
      await expect(page.getByTestId('consent-text')).toContainText(`borgerpanelet for ${VILLAGE}`);
      await expectAccessible(page, { label: 'the sign-up page' });

      // Without the consent box ticked, nothing is sent.
      await page.getByLabel('Din mail').fill(email);
      await page.getByLabel('Dit navn (kan udelades)').fill('Karen Holm');
      await page.getByRole('button', { name: 'Meld mig til' }).click();
      await expect(page.getByText('Sæt flueben for at melde dig til.')).toBeVisible();

      await page.getByRole('checkbox', { name: /Ja, jeg vil være med/ }).check();
      await page.getByRole('button', { name: 'Meld mig til' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Tjek din mail' })).toBeVisible();
      await expect(page.getByTestId('check-mail')).toContainText(email);

      const confirmMail = await mail.newestTo(email, { since });
      expect(confirmMail.subject).toBe(
        `Bekræft, at du vil være med i borgerpanelet for ${VILLAGE}`,
      );
      const link = await mail.linkTo(email, '/panel/confirm', { since });

      // Opening the link spends nothing (mail scanners open links too); the button confirms.
      await page.goto(link);
      await expect(
        page.getByRole('heading', { level: 1, name: 'Bekræft din tilmelding' }),
      ).toBeVisible();
      await page.getByRole('button', { name: 'Bekræft tilmelding' }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: 'Du er med i borgerpanelet' }),
      ).toBeVisible();
      await expect(page.getByTestId('confirmed')).toContainText(email);
      await expectAccessible(page, { label: 'the confirmed page' });

      expect(await statusOf(email)).toBe('subscribed');

      // Leave through the preferences page the confirmation leads to, then come back.
      await page.getByRole('link', { name: 'Skift indstillinger eller afmeld' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Dine mails' })).toBeVisible();
      await expect(page.getByTestId('subscription-state')).toHaveText('Du får mails.');
      await expectAccessible(page, { label: 'the preferences page' });
      await page.getByRole('button', { name: 'Afmeld' }).click();
      await expect(page.getByTestId('subscription-state')).toContainText('Du er afmeldt.');
      expect(await statusOf(email)).toBe('unsubscribed');

      await page.getByRole('button', { name: 'Tilmeld igen' }).click();
      await expect(page.getByTestId('subscription-state')).toContainText('Du er tilmeldt igen.');
      expect(await statusOf(email)).toBe('subscribed');

      // The confirmation link again: a clear page, and nothing changes.
      await page.goto(link);
      await page.getByRole('button', { name: 'Bekræft tilmelding' }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: 'Linket er allerede brugt' }),
      ).toBeVisible();
      expect(await statusOf(email)).toBe('subscribed');
    },
  );

  test('the coordination group shares the link and imports a list with a bad row', async ({
    page,
    api,
    demo,
  }) => {
    const secretariat = await api.as(demo.secretariat);
    const village = await secretariat.village(VILLAGE);
    await signInThroughApi(page, demo[Role.SteeringMember]);
    await page.goto(`/villages/${village.id}`);
    await page.getByTestId('village-panel').click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Borgerpanelet for ${VILLAGE}` }),
    ).toBeVisible();
    await expect(page.getByTestId('share-url')).toHaveValue(
      new RegExp(`/panel/join/${village.id}$`),
    );
    await expect(page.getByTestId('subscribers').getByRole('listitem').first()).toBeVisible();
    await expectAccessible(page, { label: 'the village panel page' });

    const fresh = uniqueEmail('import');
    await page.getByTestId('import-file').setInputFiles({
      name: 'borgere.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`mail;navn\n${fresh};Ny Borger\nikke-en-mail;Fejl\n`, 'utf8'),
    });
    await expect(page.getByTestId('file-chosen')).toContainText('borgere.csv');
    await expect(page.getByRole('button', { name: 'Importér' })).toBeDisabled();
    await page.getByRole('checkbox', { name: /Jeg bekræfter/ }).check();
    await page.getByRole('button', { name: 'Importér' }).click();
    await expect(page.getByTestId('import-result')).toContainText('Tilføjet: 1.');
    await expect(page.getByTestId('import-report')).toContainText('ikke-en-mail;Fejl');
    await expect(page.getByTestId('import-report')).toContainText('Ikke en gyldig mailadresse');
    await page.getByLabel('Søg på navn eller mail').fill(fresh);
    await expect(page.getByTestId('subscribers')).toContainText(fresh);
  });
});
