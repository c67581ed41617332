import type { Page as PwPage } from '@playwright/test';
import {
  type NewsletterCardOption,
  type NewsletterSummaryDto,
  type NewsletterTargetOption,
  type Page,
  Role,
  type SessionUser,
} from '@blup/contracts';
import { expectAccessible } from './support/axe';
import type { DemoAccounts } from './support/demo';
import { type ApiClients, expect, test } from './support/fixtures';
import { linkIn } from './support/mail';
import { signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

/** `text` as a regular expression that matches it literally. */
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Screenshots for people to look at, when SHOTS_DIR is set. */
async function shot(page: PwPage, name: string): Promise<void> {
  const dir = process.env['SHOTS_DIR'];
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** The editor and its phone preview on a 360 px wide screen, when SHOTS_DIR is set. */
async function phoneShots(page: PwPage): Promise<void> {
  if (!process.env['SHOTS_DIR']) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload(); // the shell picks its phone layout on start
  await expect(page.getByTestId('newsletter-form')).toBeVisible();
  await shot(page, 'newsletter-editor-360');
  await page.getByTestId('preview').click();
  await page.getByTestId('width-phone').click();
  await expect(page.getByTestId('newsletter-frame')).toHaveAttribute('data-width', 'phone');
  await page.waitForTimeout(500);
  await shot(page, 'newsletter-preview-360');
  const dir = process.env['SHOTS_DIR'];
  await page.getByTestId('blocks').screenshot({ path: `${dir}/newsletter-blocks-360.png` });
  await page
    .getByTestId('preview-section')
    .screenshot({ path: `${dir}/newsletter-preview-section-360.png` });
  if (size) await page.setViewportSize(size);
  await page.reload();
  await expect(page.getByTestId('newsletter-form')).toBeVisible();
}

/**
 * The letter's sandboxed frame runs no script, so axe cannot look inside it (it would wait for
 * it until the test times out): pages that show a letter are checked around it.
 */
const LETTER_FRAME = '[data-testid="newsletter-frame"]';

/** Waits until the snackbar has gone again (axe would judge its fading colours). */
/** Signs the secretariat in and opens the demo's draft newsletter ("Næste studiekreds: …"). */
async function openDemoDraft(page: PwPage, api: ApiClients, demo: DemoAccounts): Promise<void> {
  const secretariat = await api.as(demo.secretariat);
  const drafts = await secretariat.get<Page<NewsletterSummaryDto>>('/api/newsletters', {
    status: 'draft',
    q: 'Næste studiekreds:',
    pageSize: 100,
  });
  const draft = drafts.items.find((n) => n.subject.startsWith('Næste studiekreds:'));
  if (!draft) throw new Error('The demo needs its draft newsletter');
  await signInThroughApi(page, demo.secretariat);
  await page.goto(`/newsletters/${draft.id}`);
  await expect(page.getByTestId('newsletter-form')).toBeVisible({ timeout: 30_000 });
}

async function snackBarGone(page: PwPage): Promise<void> {
  await expect(page.locator('.mat-mdc-snack-bar-container')).toHaveCount(0, { timeout: 10_000 });
}

/** Picks `name` in the Material select labelled `label`. */
async function choose(page: PwPage, testId: string, name: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name }).first().click();
}

test.describe('Newsletters', () => {
  test('the secretariat writes a newsletter for a session, previews it, sends it now and watches it go out; a member reads it in the archive and gets the mail', async ({
    page,
    api,
    demo,
    mail,
    stack,
  }) => {
    test.setTimeout(240_000);
    const suffix = uniqueSuffix();
    const secretariat = await api.as(demo.secretariat);
    const member = await api.as(demo[Role.SteeringMember]);
    const memberUser = member.user as SessionUser;

    // An upcoming planned session of the member's cohort: their village gets a copy.
    const targets = await secretariat.get<Page<NewsletterTargetOption>>(
      '/api/newsletters/targets',
      {
        pageSize: 100,
      },
    );
    const target = targets.items.find(
      (t) => t.kind === 'plan' && t.villages.some((v) => v.villageId === memberUser.villageId),
    );
    if (!target) throw new Error('The demo needs an upcoming planned session for the member');
    const village = target.villages.find((v) => v.villageId === memberUser.villageId);
    const videos = await secretariat.get<Page<NewsletterCardOption>>(
      '/api/newsletters/card-options',
      { inspiration: 'true', pageSize: 100 },
    );
    const video = videos.items[0];
    if (!video) throw new Error('The demo needs a published inspiration video');

    // Write: pick the session and a subject with the village's merge field.
    await signInThroughApi(page, demo.secretariat);
    await page.goto('/newsletters');
    await expect(page.getByRole('heading', { level: 1, name: 'Nyhedsbreve' })).toBeVisible();
    await page.getByTestId('write').click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Skriv et nyt nyhedsbrev' }),
    ).toBeVisible();
    await choose(page, 'cohort', new RegExp(`^${escaped(target.cohortName ?? '')}$`));
    await choose(page, 'target', new RegExp(`^${escaped(target.title)}`));
    await expect(page.getByTestId('target')).toContainText(target.title);

    // The same choice made from the cohort's plan: its "Nyhedsbrev" link picks the session.
    await page.goto(`/cohorts/${target.cohortId}/plan`);
    await page
      .getByTestId('plan')
      .getByRole('row')
      .filter({ hasText: target.title })
      .getByTestId('write-newsletter')
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/newsletters/new\\?for=${target.id}$`));
    await expect(page.getByTestId('cohort')).toContainText(target.cohortName ?? '');
    await expect(page.getByTestId('target')).toContainText(target.title);
    const subject = `E2E nyhedsbrev ${suffix}`;
    await page.getByTestId('subject').fill(`${subject} til {{landsby}}`);
    await expectAccessible(page, { label: 'the new newsletter page' });
    await page.getByTestId('create').click();
    await expect(
      page.getByRole('heading', { level: 1, name: `${subject} til {{landsby}}` }),
    ).toBeVisible();

    // The content: a text with the recipient's name, a video card moved up, next steps.
    const text = page.getByTestId('block-text');
    await text.getByRole('textbox').click();
    await page.keyboard.type('Kære ');
    await text.getByTestId('merge-name').click();
    await page.keyboard.type(', vi ses snart.');
    await expect(text.getByRole('textbox')).toContainText('Kære {{navn}}, vi ses snart.');
    await page.getByTestId('add-video').click();
    await page.getByTestId('block-video').getByTestId('card-pick').click();
    await page
      .getByRole('option', { name: new RegExp(`^${escaped(video.title)}`) })
      .first()
      .click();
    await page.getByTestId('block-video').getByTestId('move-up').click(); // above the session box
    await page.getByTestId('add-next_steps').click();
    await page.getByTestId('block-next_steps').getByTestId('step').fill('Se videoen før mødet');
    await expect(page.getByTestId('blocks').locator('> li')).toHaveCount(4);
    await expect(page.getByTestId('blocks').locator('> li').nth(1)).toHaveAttribute(
      'data-testid',
      'block-video',
    );
    await page.getByTestId('save').click();
    await expect(page.getByText('Kladden er gemt.')).toBeVisible();
    await snackBarGone(page);
    await expectAccessible(page, { label: 'the newsletter editor' });

    // Preview at desktop and phone width, personalised for the member's village.
    await page.getByTestId('preview').click();
    const frame = page.getByTestId('newsletter-frame');
    await expect(frame).toBeVisible();
    await choose(page, 'preview-village', village?.villageName ?? '');
    await expect(page.getByTestId('preview-subject')).toContainText(
      `${subject} til ${village?.villageName}`,
    );
    await expect(frame).toHaveAttribute('data-width', 'desktop');
    expect(await frame.evaluate((el) => el.clientWidth)).toBe(600); // inside its border
    const letter = page.frameLocator('[data-testid="newsletter-frame"]');
    await expect(letter.locator('body')).toContainText(
      `Kære ${secretariat.user?.name}, vi ses snart.`,
    );
    await expect(letter.locator('body')).toContainText(video.title);
    await expect(letter.locator('body')).toContainText('Se videoen før mødet');
    await shot(page, 'newsletter-preview-desktop');
    await page.getByTestId('width-phone').click();
    await expect(frame).toHaveAttribute('data-width', 'phone');
    expect(await frame.evaluate((el) => el.clientWidth)).toBe(360);
    await shot(page, 'newsletter-preview-phone');
    await phoneShots(page);

    // A test to oneself.
    const testSince = new Date();
    await page.getByTestId('send-test').click();
    await expect(page.getByText(`Testen er sendt til ${demo.secretariat.email}.`)).toBeVisible();
    const testMail = await mail.newestTo(demo.secretariat.email, { since: testSince });
    expect(testMail.subject).toContain(subject);
    await snackBarGone(page);

    // Send now, and watch the progress reach everyone.
    const since = new Date();
    await page.getByTestId('schedule').click();
    await page.getByRole('radio', { name: 'Nu', exact: true }).check();
    await page.getByTestId('confirm-schedule').click();
    await expect(page).toHaveURL(/\/newsletters\/[^/]+\/progress$/);
    await expect(page.getByTestId('progress-text')).toContainText(
      /Alle \d+ har fået nyhedsbrevet\./,
      {
        timeout: 60_000,
      },
    );
    await expect(page.getByTestId('progress-bar').getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    await expect(page.getByTestId('count-pending')).toHaveText('0');
    await expect(page.getByTestId('count-failed')).toHaveText('0');
    await expect(page.getByTestId('newsletter-status')).toHaveText('Sendt');
    await snackBarGone(page);
    await expectAccessible(page, { label: 'the sending progress' });

    // The member's mail: their village's copy, with their name.
    const delivered = await mail.newestTo(memberUser.email, { since, timeoutMs: 30_000 });
    expect(delivered.subject).toBe(`${subject} til ${village?.villageName}`);
    expect(delivered.text).toContain(`Kære ${memberUser.name}, vi ses snart.`);

    // "Read on the web": the public web version of the village's copy, without signing in.
    const webLink = linkIn(delivered, `${stack.baseUrl}/newsletters/web/`);
    await page.context().clearCookies();
    await page.goto(webLink);
    await expect(
      page.getByRole('heading', { level: 1, name: `${subject} til ${village?.villageName}` }),
    ).toBeVisible();
    await expect(
      page.frameLocator('[data-testid="newsletter-frame"]').locator('body'),
    ).toContainText('Se videoen før mødet');
    await expectAccessible(page, { label: 'the public web version', exclude: LETTER_FRAME });

    // The member reads it in the archive.
    await signInThroughApi(page, demo[Role.SteeringMember]);
    await page.goto('/newsletters');
    await expect(page).toHaveURL(/\/newsletters\/archive$/);
    await page.getByRole('link', { name: new RegExp(`${escaped(subject)} til`) }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `${subject} til ${village?.villageName}` }),
    ).toBeVisible();
    await expect(
      page.frameLocator('[data-testid="newsletter-frame"]').locator('body'),
    ).toContainText('Se videoen før mødet');
    await expectAccessible(page, { label: 'a newsletter in the archive', exclude: LETTER_FRAME });

    // The demo's newsletter for the session before is in the archive too.
    await page.goto('/newsletters/archive');
    await expect(page.getByTestId('archive')).toContainText('Næste studiekreds:');
  });

  test('the demo newsletter keeps its paragraphs and list, and a paragraph typed with Enter, in the newsletter font on a phone @phone', async ({
    page,
    api,
    demo,
  }) => {
    test.setTimeout(90_000);
    await openDemoDraft(page, api, demo);

    // A second text block, typed as a person does: a line, Enter, another line.
    await page.getByTestId('add-text').click();
    const typed = page.getByTestId('block-text').last();
    await typed.getByRole('textbox').click();
    await page.keyboard.type('Hej fra telefonen!');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Andet afsnit her.');
    await page.getByTestId('save').click();
    await expect(page.getByText('Kladden er gemt.').first()).toBeVisible();

    await page.getByTestId('preview').click();
    await page.getByTestId('width-phone').click();
    const letter = page.frameLocator('[data-testid="newsletter-frame"]');
    const paragraph = (text: string) => letter.locator('p', { hasText: text });
    for (const text of [
      'Snart mødes styregruppen',
      'Se den korte video herunder',
      'Hej fra telefonen!',
      'Andet afsnit her.',
    ]) {
      await expect(paragraph(text)).toHaveCount(1);
    }
    // Separate elements, not one glued together.
    await expect(paragraph('Hej fra telefonen!')).not.toContainText('Andet afsnit her.');
    await expect(letter.locator('ul li', { hasText: 'Hvem i landsbyen' })).toHaveCount(1);
    for (const element of [
      paragraph('Snart mødes styregruppen'),
      paragraph('Andet afsnit her.'),
      letter.locator('ul li', { hasText: 'Hvem i landsbyen' }),
    ]) {
      const font = await element.evaluate((el) => getComputedStyle(el).fontFamily);
      expect(font).toContain('Arial');
    }
    await shot(page, 'newsletter-paragraphs-phone');

    // The demo draft as it was, for the other tests.
    await page.getByTestId('block-text').last().getByTestId('remove-block').click();
    await page.getByTestId('save').click();
    await expect(page.getByText('Kladden er gemt.').first()).toBeVisible();
  });

  test('the secretariat puts a village goal card into the demo draft on a phone, and the preview shows it with the village’s public page @phone', async ({
    page,
    api,
    demo,
  }) => {
    test.setTimeout(90_000);
    await openDemoDraft(page, api, demo);

    await page.getByTestId('add-village_card').click();
    const card = page.getByTestId('block-village_card');
    await expect(card).toContainText('Landsbymål / initiativ');
    await card.getByTestId('village-card-pick').click();
    await expect(page.getByRole('group', { name: 'Glumsø og Omegn' })).toBeVisible();
    await page
      .getByRole('option', { name: /^Samkørsel til Næstved og Ringsted/ })
      .first()
      .click();
    await page.getByTestId('save').click();
    await expect(page.getByText('Kladden er gemt.').first()).toBeVisible();
    await snackBarGone(page);
    await expectAccessible(page, { label: 'the newsletter editor with a village card' });

    await page.getByTestId('preview').click();
    await page.getByTestId('width-phone').click();
    const letter = page.frameLocator('[data-testid="newsletter-frame"]');
    await expect(letter.locator('body')).toContainText('Landsbymål i Glumsø og Omegn');
    await expect(letter.locator('body')).toContainText('Samkørsel til Næstved og Ringsted');
    await expect(
      letter.getByRole('link', { name: 'Læs Glumsø og Omegns udviklingsplan' }),
    ).toHaveAttribute('href', /\/landsby\/glumsoe-og-omegn$/);
    await expectAccessible(page, {
      label: 'the preview with a village card',
      exclude: LETTER_FRAME,
    });
    await shot(page, 'newsletter-village-card-phone');

    // The demo draft as it was, for the other tests.
    await page.getByTestId('block-village_card').getByTestId('remove-block').click();
    await page.getByTestId('save').click();
    await expect(page.getByText('Kladden er gemt.').first()).toBeVisible();
  });

  test('a member reads the sent demo newsletter in the archive on a phone @phone', async ({
    page,
    demo,
  }) => {
    await signInThroughApi(page, demo[Role.SteeringMember]);
    await page.goto('/newsletters');
    await expect(page).toHaveURL(/\/newsletters\/archive$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Nyhedsbreve' })).toBeVisible();
    await expectAccessible(page, { label: 'the archive on a phone' });
    await page
      .getByRole('link', { name: /Næste studiekreds:/ })
      .first()
      .click();
    const letter = page.frameLocator('[data-testid="newsletter-frame"]').locator('body');
    await expect(letter).toContainText('Før mødet');
    // The letter fits the screen: no sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      page.viewportSize()?.width ?? 0,
    );
    await expectAccessible(page, { label: 'a newsletter on a phone', exclude: LETTER_FRAME });
    await shot(page, 'newsletter-read-phone');
  });
});
