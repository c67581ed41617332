import { Role } from '@blup/contracts';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';

test.describe('Prioritising ideas', () => {
  test('a resident puts dots on ideas without an account and offers help; the steering group sees the ranking @phone', async ({
    page,
    demo,
  }) => {
    test.setTimeout(60_000);
    await page.goto('/stem/glumsoe-borgermoede-demo');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Idéer fra borgermødet i forsamlingshuset' }),
    ).toBeVisible();
    const ideas = page.getByTestId('vote-idea');
    await expect(ideas).toHaveCount(8);
    await expect(page.getByTestId('dots-left')).toHaveText('3 prikker tilbage');
    const shelter = ideas.filter({ hasText: 'Shelter og bålplads ved Suså' });
    await shelter.getByTestId('add-dot').click();
    await shelter.getByTestId('add-dot').click();
    await ideas.filter({ hasText: 'Repair café' }).getByTestId('add-dot').click();
    await expect(page.getByTestId('dots-left')).toHaveText('Ingen prikker tilbage');
    await expect(shelter.getByTestId('add-dot')).toBeDisabled();
    await expect(shelter.getByTestId('my-dots')).toContainText('2 prikker fra dig');
    await shelter.getByText('Jeg vil gerne hjælpe').click();
    await page.getByTestId('submit-votes').click();
    await expect(page.getByText('Skriv dit navn', { exact: true })).toBeVisible();
    await page.getByTestId('helper-name').fill('Karen Bech');
    await page.getByTestId('helper-phone').fill('+45 30 11 22 33');
    await page.getByTestId('helper-consent').check();
    await expectAccessible(page, { label: 'the voting page' });
    await page.getByTestId('submit-votes').click();
    await expect(page.getByTestId('votes-saved')).toBeVisible();

    // Coming back on the same phone shows its dots.
    await page.reload();
    await expect(shelter.getByTestId('my-dots')).toContainText('2 prikker fra dig');
    await expect(page.getByTestId('dots-left')).toHaveText('Ingen prikker tilbage');

    const member = await signInThroughApi(page, demo[Role.SteeringMember]);
    await page.goto(`/villages/${member.villageId}/ideas`);
    await page.getByTestId('idea-list-card').first().click();
    const ranked = page.getByTestId('ranked-idea');
    await expect(ranked).toHaveCount(8);
    await expect(page.getByTestId('public-link')).toHaveValue(/\/stem\/glumsoe-borgermoede-demo$/);
    const row = ranked.filter({ hasText: 'Shelter og bålplads ved Suså' });
    const before = Number(await row.getByTestId('paper-dots').textContent());
    await row.getByTestId('paper-more').click();
    await expect(row.getByTestId('paper-dots')).toHaveText(String(before + 1));
    await row.getByTestId('toggle-helpers').click();
    await expect(row.getByTestId('helpers')).toContainText('Karen Bech (+45 30 11 22 33)');
    await expectAccessible(page, { label: 'the idea list with its ranking' });
  });
});
