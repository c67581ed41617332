import {
  type ErasureRequestDto,
  type PanelConfirmResponse,
  type PanelEraseResponse,
  Role,
} from '@blup/contracts';
import { request } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { tokenOf } from './support/mail';
import { createSteeringMember } from './support/people';
import { signInThroughApi } from './support/ui';
import { uniqueEmail } from './support/unique';

/** "21. december 2026", as the profile writes the erasure date. */
function danishDate(iso: string): string {
  return new Intl.DateTimeFormat('da-DK', {
    dateStyle: 'long',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(iso));
}

test.describe('Personal data', () => {
  test(
    'a member downloads their data and asks for erasure, undoes it, asks again; the secretariat approves',
    { tag: '@phone' },
    async ({ page, browser, stack, demo, api, mail }) => {
      test.setTimeout(180_000);
      // A member of their own (a retry, or a later test, never meets an erased demo account).
      const member = await createSteeringMember(api, mail, demo.secretariat, 'Glumsø og Omegn');
      await signInThroughApi(page, { email: member.email, password: member.password });
      await page.goto('/profile');
      await expect(page.getByRole('heading', { level: 2, name: 'Dine data' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Slet min konto' })).toBeVisible();
      await expect(page.getByTestId('my-erasure')).toContainText('uden dit navn');
      await expectAccessible(page, { label: 'the profile' });

      // A copy of everything: progress, then a link that works without a session.
      await page.getByRole('button', { name: 'Hent mine data' }).click();
      const link = page.getByTestId('export-download');
      await expect(link).toBeVisible({ timeout: 90_000 });
      await expect(page.getByTestId('export-status')).toHaveText('Dine data er klar.');
      await expect(page.getByTestId('export-valid-until')).toContainText('virker til');
      await expect(page.getByTestId('my-export').first()).toContainText('Klar');
      await expectAccessible(page, { label: 'the profile with the export ready' });
      const href = await link.getAttribute('href');
      expect(href, 'the download link').toBeTruthy();
      const outsider = await request.newContext({ baseURL: stack.baseUrl });
      try {
        const response = await outsider.get(href ?? '');
        expect(response.status(), `GET ${href} without a session`).toBe(200);
        const bytes = await response.body();
        expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
        const files = unzipSync(new Uint8Array(bytes));
        expect(Object.keys(files).length).toBeGreaterThan(0);
        const text = Object.values(files)
          .map((file) => strFromU8(file))
          .join('\n');
        expect(text).toContain(member.email);
      } finally {
        await outsider.dispose();
      }

      // Asking for erasure: a confirm step, then the date and an undo button.
      const askErasure = async (): Promise<ErasureRequestDto> => {
        await page.getByRole('button', { name: 'Slet min konto' }).click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toContainText('Din konto bliver slettet om');
        const answer = page.waitForResponse(
          (r) => r.url().endsWith('/api/me/privacy/erasure') && r.request().method() === 'POST',
        );
        await dialog.getByRole('button', { name: 'Ja, slet min konto' }).click();
        const response = await answer;
        expect(response.status(), 'POST /api/me/privacy/erasure').toBe(201);
        const asked = (await response.json()) as ErasureRequestDto;
        await expect(page.getByTestId('erasure-state')).toContainText(
          `Din konto bliver slettet den ${danishDate(asked.eraseAfter)}.`,
        );
        return asked;
      };
      await askErasure();
      await expectAccessible(page, { label: 'the profile with erasure asked' });
      await page.getByRole('button', { name: 'Fortryd' }).click();
      await expect(page.getByRole('button', { name: 'Slet min konto' })).toBeVisible();
      await expect(page.getByTestId('erasure-state')).not.toContainText('bliver slettet');
      const asked = await askErasure();
      await page.reload();
      await expect(page.getByTestId('erasure-state')).toContainText(
        `Din konto bliver slettet den ${danishDate(asked.eraseAfter)}.`,
      );
      await expect(page.getByRole('button', { name: 'Fortryd' })).toBeVisible();

      // The secretariat sees the request on /persondata and approves it.
      const desk = await browser.newContext({
        baseURL: stack.baseUrl,
        viewport: page.viewportSize(),
      });
      try {
        const secretariat = await desk.newPage();
        await signInThroughApi(secretariat, demo[Role.Secretariat]);
        await secretariat.goto('/persondata');
        await expect(
          secretariat.getByRole('heading', { level: 1, name: 'Persondata' }),
        ).toBeVisible();
        await secretariat.getByTestId('erasure-filter-cooling_off').click();
        const row = secretariat.locator(`[data-id="${asked.id}"]`);
        await expect(row).toBeVisible();
        await expect(row.getByTestId('erasure-request-state')).toHaveText('Kan fortrydes');
        await expect(row).toContainText(`Slettes ${danishDate(asked.eraseAfter)}`);
        await expectAccessible(secretariat, { label: 'the personal-data desk' });

        // A copy of another member's data, picked from the people search.
        await secretariat.getByLabel('Søg efter en person med konto').fill('Niels Brandt');
        await secretariat.getByTestId('person-result').filter({ hasText: 'Niels Brandt' }).click();
        await expect(secretariat.getByTestId('subject-chosen')).toContainText(
          'Valgt: Niels Brandt',
        );
        await secretariat.getByRole('button', { name: 'Lav en kopi af data' }).click();
        await expect(secretariat.getByTestId('export-download')).toBeVisible({ timeout: 90_000 });
        await expect(
          secretariat.getByTestId('export-row').filter({ hasText: 'Niels Brandt' }).first(),
        ).toContainText('Klar');

        await row.getByRole('button', { name: 'Slet nu' }).click();
        await secretariat.getByRole('dialog').getByTestId('confirm').click();
        await expect(secretariat.getByText('Godkendt. Sletningen går i gang.')).toBeVisible();
        await secretariat.getByTestId('erasure-filter-all').click();
        await expect(row.getByTestId('erasure-request-state')).toHaveText(
          /Godkendt|I gang|Slettet/,
        );
        await row.getByTestId('erasure-audit-toggle').click();
        await expect(row.getByTestId('erasure-audit')).toContainText('Godkendt');
        await expect(row.getByTestId('erasure-audit')).toContainText('Bedt om sletning');
        await expectAccessible(secretariat, { label: 'the desk with the audit log open' });
      } finally {
        await desk.close();
      }
    },
  );

  test(
    'a panel member erases everything about their address from the preferences page',
    { tag: '@phone' },
    async ({ page, api, mail, demo }) => {
      const secretariat = await api.as(demo.secretariat);
      const village = await secretariat.village('Glumsø og Omegn');
      const email = uniqueEmail('slet-mig');
      const since = new Date();
      const citizen = await api.anonymous();
      await citizen.post(`/api/panel/villages/${village.id}/sign-up`, { email, consent: true });
      const confirmLink = await mail.linkTo(email, '/panel/confirm', { since });
      const confirmed = await citizen.post<PanelConfirmResponse>('/api/panel/confirm', {
        token: tokenOf(confirmLink),
      });

      await page.goto(`/panel/preferences?token=${encodeURIComponent(confirmed.preferencesToken)}`);
      await expect(page.getByRole('heading', { level: 2, name: 'Slet mig helt' })).toBeVisible();
      await page.getByRole('button', { name: 'Slet mig helt' }).click();
      await expect(page.getByTestId('panel-erase-text')).toHaveText(
        'Vi sletter din tilmelding og alt, vi har om din e-mail: tilmeldinger, svar og modtagne nyhedsbreve.',
      );
      await expectAccessible(page, { label: 'the erase-me confirm step' });
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/panel/preferences/erase'));
      await page.getByRole('button', { name: 'Ja, slet alt om mig' }).click();
      expect(((await (await answer).json()) as PanelEraseResponse).erased).toBe(true);
      await expect(page.getByRole('heading', { level: 1, name: 'Du er slettet' })).toBeVisible();
      await expectAccessible(page, { label: 'the erased page' });
    },
  );
});
