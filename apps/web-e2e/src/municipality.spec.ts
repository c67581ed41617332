import type { MunicipalityOverviewDto } from '@blup/contracts';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { openMenu, signInThroughApi } from './support/ui';

test.describe('Min kommune', () => {
  test(
    'a coordinator sees their villages at a glance on a phone',
    { tag: '@phone' },
    async ({ page, demo, api }) => {
      // Sign-in, the overview and an axe run: more than the default on a busy CI machine.
      test.setTimeout(90_000);
      const user = await signInThroughApi(page, demo.coordinator);
      const coordinator = await api.as(demo.coordinator);
      const overview = await coordinator.get<MunicipalityOverviewDto>(
        `/api/municipalities/${user.municipalityId}/overview`,
      );
      const first = overview.items[0];
      if (!first) throw new Error('The demo coordinator needs a municipality with villages');

      await page.goto('/');
      await openMenu(page);
      await page
        .getByRole('navigation', { name: 'Hovedmenu' })
        .getByRole('link', { name: 'Min kommune' })
        .click();
      await expect(
        page.getByRole('heading', { level: 1, name: overview.municipalityName }),
      ).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Dine landsbyer' })).toBeVisible();
      await expect(
        page.getByRole('heading', { name: 'Næste møde i koordinatorkredsen' }),
      ).toBeVisible();

      const card = page.getByTestId(`village-${first.villageId}`);
      await expect(card).toContainText(first.villageName);
      await expect(card.getByTestId('attendance')).toContainText('Fremmøde');
      await expect(card.getByTestId('next-steps')).toContainText(
        `Næste skridt, der ikke er klaret: ${first.openNextSteps}`,
      );
      if (first.nextSession) {
        await expect(card.getByTestId('next-session')).toContainText('Næste møde:');
      }
      // A large target, and nothing sideways on a phone.
      const box = await card.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page, { label: 'the municipality overview' });

      await card.click();
      await expect(page.getByRole('heading', { level: 1, name: first.villageName })).toBeVisible();
    },
  );
});
