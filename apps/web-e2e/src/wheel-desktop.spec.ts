import { Role } from '@blup/contracts';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';

test.describe('Annual wheel on a wide screen', () => {
  test('a steering member reads the year as a wheel beside the months', async ({ page, demo }) => {
    const member = await signInThroughApi(page, demo[Role.SteeringMember]);
    await page.goto(`/villages/${member.villageId}/wheel`);
    const wheel = page.getByTestId('year-wheel');
    await expect(wheel).toBeVisible();
    // A dot per activity in June: the steering group's meeting, the running club and Sankthans.
    await expect(wheel.locator('g[data-wheel-month="6"] circle')).toHaveCount(3);
    await expect(page.locator('blup-month-grid [data-month="6"]')).toContainText(
      'Sankthans ved søen',
    );
    await expectAccessible(page, { label: 'the wheel on a wide screen' });
  });
});
