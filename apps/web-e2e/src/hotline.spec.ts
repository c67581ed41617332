import { Role } from '@blup/contracts';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

test.describe('Hotline', () => {
  test('a steering member asks from a page, the secretariat answers, the member reads the answer @phone', async ({
    page,
    browser,
    stack,
    demo,
  }) => {
    test.setTimeout(150_000);
    const member = await signInThroughApi(page, demo[Role.SteeringMember]);
    const subject = `Hvordan inviterer vi nye medlemmer? ${uniqueSuffix()}`;

    // From the village's goals page, the button that is on every signed-in page.
    await page.goto(`/villages/${member.villageId}/goals`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('hotline-ask-button')).toHaveAttribute(
      'href',
      new RegExp(`fra=%2Fvillages%2F${member.villageId}%2Fgoals`),
    );
    // In a landmark of its own (axe: region), so a screen reader's list of regions finds it.
    await expect(page.getByRole('complementary', { name: 'Spørg sekretariatet' })).toContainText(
      'Spørg sekretariatet',
    );
    await page.getByTestId('hotline-ask-button').click();
    await expect(page).toHaveURL(/\/hjaelp\/spoerg\?fra=/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Spørg sekretariatet' }),
    ).toBeVisible();
    await page.getByTestId('hotline-subject').fill(subject);
    // Before asking: a published FAQ entry that may answer it.
    await expect(page.getByTestId('hotline-faq-suggestion').first()).toContainText(
      'Hvordan inviterer vi nye medlemmer til styregruppen?',
    );
    await page.getByTestId('hotline-body').fill('To naboer vil gerne være med. Hvad gør vi?');
    await expect(page.getByTestId('hotline-context')).toContainText(
      `/villages/${member.villageId}/goals`,
    );
    await expect(page.getByTestId('hotline-context')).toContainText('Glumsø og Omegn');
    await expectAccessible(page, { label: 'the ask form' });
    await page.getByTestId('hotline-send').click();

    await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
    await expect(page).toHaveURL(/\/hjaelp\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() ?? '';
    await expect(page.getByTestId('hotline-state')).toHaveText(
      'Sendt. Sekretariatet har ikke svaret endnu.',
    );

    // The secretariat, in a browser of its own: the queue, the question, the answer.
    const desk = await browser.newContext({
      baseURL: stack.baseUrl,
      viewport: page.viewportSize(),
    });
    try {
      const secretariat = await desk.newPage();
      await signInThroughApi(secretariat, demo[Role.Secretariat]);
      await secretariat.goto('/hotline');
      await expect(secretariat.getByTestId('hotline-stats')).toContainText('Næstved');
      await expectAccessible(secretariat, { label: 'the secretariat’s queue' });
      await secretariat.getByTestId('hotline-tab-new').click();
      await secretariat.getByTestId('hotline-queue-item').filter({ hasText: subject }).click();
      await expect(secretariat).toHaveURL(new RegExp(`/hotline/${id}$`));
      await expect(secretariat.getByText('Glumsø og Omegn').first()).toBeVisible();
      await secretariat
        .getByTestId('hotline-reply-body')
        .fill('Koordinationsgruppen inviterer dem under Personer. De får en mail med et link.');
      await secretariat.getByTestId('hotline-reply-send').click();
      await expect(secretariat.getByTestId('hotline-state')).toHaveText('Venter på svar');
      await expect(secretariat.getByTestId('hotline-first-response')).toContainText(
        'Første svar efter',
      );
      await expectAccessible(secretariat, { label: 'the secretariat’s thread' });
    } finally {
      await desk.close();
    }

    // The member reads the answer, sees the first response time, and replies.
    await page.goto('/hjaelp');
    await page.getByTestId('hotline-my-question').filter({ hasText: subject }).click();
    await expect(page.getByTestId('hotline-state')).toHaveText('Sekretariatet har svaret.');
    const answer = page.getByTestId('hotline-message').last();
    await expect(answer).toContainText('Sekretariatet');
    await expect(answer).toContainText('Koordinationsgruppen inviterer dem under Personer.');
    await expect(page.getByTestId('hotline-first-response')).toContainText('Første svar efter');
    await expectAccessible(page, { label: 'the asker’s thread' });
    await page.getByTestId('hotline-reply-body').fill('Tak, det prøver vi!');
    await page.getByTestId('hotline-reply-send').click();
    await expect(page.getByTestId('hotline-state')).toHaveText('Sekretariatet ser på det.');
    await expect(page.getByTestId('hotline-message')).toHaveCount(3);

    // A question that is gone (or not theirs) says so instead of loading for ever.
    await page.goto('/hjaelp/00000000-0000-4000-8000-000000000000');
    await expect(page.getByText('Vi kunne ikke finde det, du leder efter.')).toBeVisible();
  });
});
