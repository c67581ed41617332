import {
  type GatheringDto,
  GatheringAudience,
  GatheringKind,
  GatheringMode,
  GatheringQuestionKind,
  type GuestRegistrationDto,
  type SaveGatheringRequest,
} from '@blup/contracts';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { tokenOf } from './support/mail';
import { signInThroughApi } from './support/ui';
import { uniqueEmail, uniqueSuffix } from './support/unique';

const VILLAGE = 'Glumsø og Omegn';
const DAY = 24 * 60 * 60 * 1000;

test.describe('Gatherings', () => {
  test(
    'a resident registers for the future workshop as a guest and the facilitator checks them in on a phone',
    { tag: '@phone' },
    async ({ page, api, mail, demo }) => {
      test.setTimeout(180_000); // three people, three mails and eight pages on a shared machine
      // The future workshop for the whole village, a month ahead, asking how many come and diet.
      const secretariat = await api.as(demo.secretariat);
      const village = await secretariat.village(VILLAGE);
      const start = new Date(Date.now() + 30 * DAY);
      start.setUTCHours(9, 0, 0, 0);
      const title = `Fremtidsværksted i Glumsø ${uniqueSuffix()}`;
      const body: SaveGatheringRequest = {
        kind: GatheringKind.FutureWorkshop,
        title,
        description: 'Vi tegner landsbyens fremtid sammen. Der er kaffe og frokost.',
        mode: GatheringMode.InPerson,
        address: 'Glumsø Hallen, Rådhusvej 3, 4171 Glumsø',
        audience: GatheringAudience.VillagePanel,
        villageId: village.id,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 5 * 60 * 60 * 1000).toISOString(),
        capacity: 60,
        questions: [
          {
            id: 'antal',
            kind: GatheringQuestionKind.Number,
            label: 'Hvor mange kommer I?',
            required: true,
            countsPeople: true,
          },
          {
            id: 'kost',
            kind: GatheringQuestionKind.Text,
            label: 'Mad og allergi (kan udelades)',
            required: false,
          },
        ],
      };
      const gathering = await secretariat.post<GatheringDto>('/api/gatherings', body);

      // A link to a gathering not open to guests (or gone) says so, not a blank page.
      await page.goto('/moede/00000000-0000-4000-8000-000000000000');
      await expect(page.getByTestId('not-found')).toBeVisible();

      // The resident, no account, on the public page.
      const name = `Ane Borger ${uniqueSuffix()}`;
      const email = uniqueEmail('ane');
      const since = new Date();
      await page.goto(`/moede/${gathering.id}`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByTestId('address')).toHaveText(body.address ?? '');
      await expectAccessible(page, { label: 'the public gathering page' });

      await page.getByLabel('Dit navn').fill(name);
      await page.getByLabel('Din mail').fill(email);
      await page.getByLabel('Hvor mange kommer I?').selectOption('2');
      await page.getByLabel('Mad og allergi (kan udelades)').fill('Vegetar');
      await page.getByRole('button', { name: 'Meld mig til' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Tjek din mail' })).toBeVisible();
      await expect(page.getByTestId('check-mail')).toContainText(email);
      await expectAccessible(page, { label: 'the check-your-mail page' });

      // The link in the mail; opening it changes nothing, the button confirms.
      await page.goto(await mail.linkTo(email, '/moede/bekraeft', { since }));
      await expect(
        page.getByRole('heading', { level: 1, name: 'Bekræft din tilmelding' }),
      ).toBeVisible();
      await page.getByRole('button', { name: 'Bekræft min tilmelding' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Du er tilmeldt' })).toBeVisible();
      await expect(page.getByRole('img', { name: /QR-kode til indtjekning/ })).toBeVisible();
      await expect(page.getByTestId('calendar')).toHaveAttribute('href', /^data:text\/calendar/);
      const code = (await page.getByTestId('code-text').textContent())?.trim() ?? '';
      expect(code).toMatch(/^[A-Z0-9]{8}$/);
      await expectAccessible(page, { label: 'the confirmed page' });

      // A second resident registers and confirms through the API: checked in by the code.
      const guest = await api.anonymous();
      const otherName = `Bo Nabo ${uniqueSuffix()}`;
      const otherEmail = uniqueEmail('bo');
      const otherSince = new Date();
      await guest.post(`/api/public/gatherings/${gathering.id}/registrations`, {
        name: otherName,
        email: otherEmail,
        answers: { antal: 1 },
      });
      const other = await guest.post<GuestRegistrationDto>(
        '/api/public/gatherings/registrations/confirm',
        { token: tokenOf(await mail.linkTo(otherEmail, '/moede/bekraeft', { since: otherSince })) },
      );
      expect(other.checkInCode).toBeTruthy();

      // The facilitator (the secretariat) at the door, on the same phone.
      await signInThroughApi(page, demo.secretariat);
      await page.goto(`/moeder/${gathering.id}/check-in`);
      await expect(page.getByRole('heading', { level: 1, name: 'Indtjekning' })).toBeVisible();
      await expect(page.getByTestId('check-in-count')).toHaveText('0 af 3 tjekket ind');
      await expectAccessible(page, { label: 'the check-in page' });

      // By search: type part of the name, tap "Tjek ind".
      await page.getByLabel('Søg på navn eller mail').fill(name.split(' ')[2]);
      await expect(page.getByTestId('people').getByRole('listitem')).toHaveCount(1);
      await page.getByRole('button', { name: `Tjek ind: ${name}` }).click();
      await expect(page.getByTestId('result')).toHaveText(`${name} er tjekket ind`);
      await expect(page.getByTestId('check-in-count')).toHaveText('2 af 3 tjekket ind');

      // By the code, typed in lower case with a space, as people say it.
      const typed = `${other.checkInCode?.slice(0, 4)} ${other.checkInCode?.slice(4)}`;
      await page.getByLabel('Kode fra bekræftelsen').fill(typed.toLowerCase());
      await page.getByRole('button', { name: 'Tjek koden ind' }).click();
      await expect(page.getByTestId('result')).toHaveText(`${otherName} er tjekket ind`);
      await expect(page.getByTestId('check-in-count')).toHaveText('3 af 3 tjekket ind');

      // The QR code opens the page with the code: a second scan says when they came.
      await page.goto(`/moeder/${gathering.id}/check-in?code=${code}`);
      await expect(page.getByTestId('result')).toContainText(/allerede tjekket ind kl\./i);
      await expectAccessible(page, { label: 'the check-in result' });

      // The organiser's page shows the numbers.
      await page.goto(`/moeder/${gathering.id}`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByTestId('numbers')).toContainText('Tjekket ind');
      await expect(page.getByTestId('registrations')).toContainText(name);
      await expectAccessible(page, { label: 'the gathering page' });

      // The list and the form, as the organiser sees them.
      await page.goto('/moeder');
      await expect(page.getByRole('heading', { level: 1, name: 'Møder' })).toBeVisible();
      await expect(page.getByTestId(`gathering-${gathering.id}`)).toContainText(title);
      await expectAccessible(page, { label: 'the gatherings list' });
      await page.getByTestId('create').click();
      await expect(page.getByRole('heading', { level: 1, name: 'Opret møde' })).toBeVisible();
      await expectAccessible(page, { label: 'the gathering form' });

      // The cancel link in the confirmation mail shows what it cancels before anything happens.
      await page.goto(await mail.linkTo(otherEmail, '/moede/afmeld', { since: otherSince }));
      await expect(page.getByRole('heading', { level: 1, name: 'Meld fra' })).toBeVisible();
      await expect(page.getByText(title)).toBeVisible();
      await expectAccessible(page, { label: 'the cancel page' });
    },
  );
});
