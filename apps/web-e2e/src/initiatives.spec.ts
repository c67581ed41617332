import {
  CircleKind,
  Phase,
  Role,
  type CircleSummaryDto,
  type Page,
  type SessionSummaryDto,
} from '@blup/contracts';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

test.describe('Initiatives', () => {
  test('a steering member sees the focus areas’ progress and adds an initiative with its working group @phone', async ({
    page,
    demo,
  }) => {
    test.setTimeout(60_000);
    const member = await signInThroughApi(page, demo[Role.SteeringMember]);
    const title = `Delebil ved hallen ${uniqueSuffix()}`;

    await page.goto(`/villages/${member.villageId}/goals`);
    await page.getByTestId('goals-initiatives').click();
    await expect(page).toHaveURL(new RegExp(`/villages/${member.villageId}/initiatives$`));
    await expect(
      page.getByRole('heading', { level: 1, name: /^Initiativer i Glumsø og Omegn/ }),
    ).toBeVisible();
    // Mobilitet og forbindelser: (3 × 45 + 1 × 10) / 4 = 36,25 → 36,3
    const mobility = page.getByTestId('focus-area-1');
    await expect(mobility.getByTestId('roll-up').getByRole('progressbar')).toHaveAccessibleName(
      'Samlet fremdrift: 36,3 procent',
    );
    await expect(mobility.getByTestId('initiative-card')).toHaveCount(2);
    await expectAccessible(page, { label: 'the village initiatives page' });

    await page.getByTestId('add-initiative').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nyt initiativ' })).toBeVisible();
    await page.getByTestId('title').fill(title);
    // Saving without a goal says what is missing.
    await page.getByRole('button', { name: 'Opret', exact: true }).click();
    await expect(page.getByText('Vælg mindst ét landsbymål.')).toBeVisible();
    await page
      .getByTestId('goal-choices')
      .getByRole('button', { name: 'Samkørsel til Næstved og Ringsted' })
      .click();
    await page.getByTestId('status-in_progress').click();
    await page.getByTestId('progress').fill('30');
    await page.getByTestId('contact-who').click();
    await page.getByRole('option', { name: 'En uden konto' }).click();
    await page.getByTestId('contact-name').fill('Peter Lund');
    await page.getByTestId('contact-phone').fill('+45 40 12 34 56');
    await page.getByTestId('add-member').click();
    await page.getByTestId('member-0-name').fill('Maja fra borgerpanelet');
    await page.getByTestId('partners').fill('Glumsø Hallen\nGoMore');
    await expectAccessible(page, { label: 'the initiative form' });
    await page.getByRole('button', { name: 'Opret', exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveURL(/\/initiatives\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('initiative-status')).toContainText('I gang');
    await expect(page.getByTestId('initiative-contact')).toHaveText('Peter Lund');
    await expect(page.getByRole('link', { name: /Ring til Peter Lund/ })).toHaveAttribute(
      'href',
      'tel:+4540123456',
    );
    await expect(page.getByTestId('initiative-members')).toContainText(
      'Maja fra borgerpanelet (uden konto)',
    );
    await expect(page.getByTestId('initiative-goals')).toContainText(
      'Samkørsel til Næstved og Ringsted',
    );
    await expectAccessible(page, { label: 'an initiative' });

    await page.getByRole('link', { name: 'Alle initiativer' }).click();
    await expect(mobility.getByTestId('initiative-card')).toHaveCount(3);
    // (3 × 45 + 1 × 10 + 1 × 30) / 5 = 35
    await expect(mobility.getByTestId('roll-up').getByRole('progressbar')).toHaveAccessibleName(
      'Samlet fremdrift: 35 procent',
    );
  });

  test('a next step agreed at a session points at an initiative of the village @phone', async ({
    page,
    demo,
    api,
  }) => {
    const facilitator = await api.as(demo.secretariat);
    const member = await api.as(demo[Role.SteeringMember]);
    const circles = await facilitator.get<Page<CircleSummaryDto>>('/api/circles', {
      kind: CircleKind.Village,
      pageSize: 100,
    });
    const circle = circles.items.find(
      (candidate) => candidate.villageId === member.user?.villageId && !candidate.archived,
    );
    if (!circle) throw new Error('No circle for the demo steering member’s village');
    const title = `Møde om initiativerne ${uniqueSuffix()}`;
    const startsAt = new Date(Date.now() + 60 * 60_000);
    const session = await facilitator.post<SessionSummaryDto>(
      `/api/circles/${circle.id}/sessions`,
      {
        title,
        phase: Phase.Mobilisation,
        topic: 'Browsertest',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 60 * 60_000).toISOString(),
      },
    );

    await signInThroughApi(page, demo.secretariat);
    await page.goto(`/sessions/${session.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await page.getByRole('button', { name: 'Skriv noter og næste skridt' }).click();
    await page.getByRole('button', { name: 'Tilføj næste skridt' }).click();
    await page.getByLabel('Hvad skal gøres?').fill('Sæt skilte op ved opsamlingsstederne');
    await page.getByTestId('step-link-0').click();
    await page.getByRole('option', { name: 'Faste samkørselsruter med opsamlingssteder' }).click();
    await expectAccessible(page, { label: 'the outcome form with a linked step' });
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect(page.getByText('Noter og næste skridt er gemt.')).toBeVisible();
    const link = page.getByTestId('next-steps').getByTestId('step-link');
    await expect(link).toHaveText('Initiativ: Faste samkørselsruter med opsamlingssteder');
    await expectAccessible(page, { label: 'the session page with a linked step' });
    await link.click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Faste samkørselsruter med opsamlingssteder' }),
    ).toBeVisible();
  });
});
