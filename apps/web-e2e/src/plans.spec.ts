import { Role } from '@blup/contracts';
import sharp from 'sharp';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

test.describe('The village’s development plan', () => {
  test('a coordination-group member edits and publishes the plan, then opens the public page signed out @phone', async ({
    page,
    demo,
  }) => {
    test.setTimeout(90_000);
    const member = await signInThroughApi(page, demo[Role.SteeringMember]);
    expect(member.coordinationGroup, 'the demo steering member is in the coordination group').toBe(
      true,
    );
    const heading = `Energi ${uniqueSuffix()}`;
    const text = 'Solceller på hallen og skolen, og et fælles energifællesskab.';

    await page.goto(`/villages/${member.villageId}`);
    const documents = page.getByTestId('village-documents');
    await expect(documents).toContainText('Offentliggjort');
    await documents.getByTestId('village-plan').click();
    await expect(page).toHaveURL(new RegExp(`/villages/${member.villageId}/plan$`));
    await expect(
      page.getByRole('heading', { level: 1, name: /^Udviklingsplan for / }),
    ).toBeVisible();
    await expect(page.getByTestId('plan-goals')).toContainText('Samkørsel til Næstved og Ringsted');
    // The focus areas and initiatives below the goals, read-only, each linking to its page.
    const initiatives = page.getByTestId('plan-initiatives');
    await expect(initiatives).toContainText('Mobilitet og forbindelser');
    await expect(
      initiatives.getByRole('link', { name: 'Faste samkørselsruter med opsamlingssteder' }),
    ).toHaveAttribute('href', /^\/initiatives\//);
    await expectAccessible(page, { label: 'the plan editor' });

    const sections = page.getByTestId('sections').locator('> li');
    const before = await sections.count();
    await page.getByTestId('add-section').click();
    await expect(sections).toHaveCount(before + 1);
    const added = sections.last();
    await added.getByTestId('section-title').fill(heading);
    await added.getByTestId('section-text').fill(text);
    // Move it up one place: it now stands before the last of the old sections.
    await added.getByRole('button', { name: `Flyt »${heading}« op` }).click();
    await expect(sections.nth(before - 1).getByTestId('section-title')).toHaveValue(heading);
    await expect(page.getByTestId('publish')).toBeDisabled();

    await page.getByTestId('save-draft').click();
    await expect(page.getByTestId('notice')).toHaveText('Kladden er gemt.');
    await expect(page.getByTestId('history')).toContainText(`Afsnittet »${heading}« tilføjet`);
    await expect(page.getByTestId('document-status')).toContainText('Offentliggjort');

    await page.getByTestId('publish').click();
    await expect(page.getByTestId('notice')).toHaveText(/^Version \d+ er offentliggjort\.$/);
    await expect(page.getByTestId('history')).toContainText(/Version \d+ offentliggjort/);
    await expect(page.getByTestId('versions')).toContainText('Version');
    await expectAccessible(page, { label: 'the plan editor after publishing' });
    const publicPath = await page.getByTestId('public-link').getAttribute('href');
    expect(publicPath).toBe('/landsby/glumsoe-og-omegn');

    // Signed out, in a fresh browser context: the public page shows the published plan.
    await page.context().clearCookies();
    await page.goto(publicPath ?? '/');
    await expect(page.getByTestId('public-village')).toHaveText('Glumsø og Omegn');
    const plan = page.getByTestId('public-plan');
    await expect(plan.getByRole('heading', { level: 3, name: heading })).toBeVisible();
    await expect(plan).toContainText(text);
    await expect(page.getByTestId('public-goals')).toContainText(
      'Samkørsel til Næstved og Ringsted',
    );
    const publicInitiatives = page.getByTestId('public-initiatives');
    await expect(publicInitiatives).toContainText('Mobilitet og forbindelser');
    await expect(publicInitiatives).toContainText('Faste samkørselsruter med opsamlingssteder');
    await expect(publicInitiatives.getByRole('progressbar').first()).toBeVisible();
    // No people on the public page: not the contact person, not the members.
    for (const personal of ['Jonas Friis', 'Lene Dahl', 'Peter Lund', '+45', 'example.dk']) {
      await expect(page.locator('main.page')).not.toContainText(personal);
    }
    await expect(page.getByTestId('public-story')).toContainText('stationsby');
    await expect(page.getByTestId('public-pdf')).toHaveAttribute(
      'href',
      '/api/public/villages/glumsoe-og-omegn/plan.pdf',
    );
    await expectAccessible(page, { label: 'the public plan page' });

    // Printed, the buttons go and the page lays out on A4.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('public-pdf')).toBeHidden();
    await expect(plan.getByRole('heading', { level: 3, name: heading })).toBeVisible();
    const printed = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(printed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });

    const pdf = await page.request.get('/api/public/villages/glumsoe-og-omegn/plan.pdf');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // A village that has only a draft has no public page.
    await page.goto('/landsby/kegnaes');
    await expect(page.getByTestId('not-published')).toBeVisible();
  });

  test('a coordination-group member adds a picture to the story and publishes it @phone', async ({
    page,
    demo,
  }) => {
    test.setTimeout(90_000);
    const member = await signInThroughApi(page, demo[Role.SteeringMember]);
    const line = `Hallen fik nyt tag i ${uniqueSuffix()}.`;
    const photo = await sharp({
      create: { width: 2400, height: 1600, channels: 3, background: '#3f7e44' },
    })
      .jpeg()
      .toBuffer();

    await page.goto(`/villages/${member.villageId}/story`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Landsbyfortælling for Glumsø og Omegn' }),
    ).toBeVisible();
    await expectAccessible(page, { label: 'the story editor' });

    const area = page.getByTestId('body');
    await area.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
    page.once('dialog', (dialog) => void dialog.accept('Hallen med det nye tag'));
    await page.getByTestId('image-file').setInputFiles({
      name: 'hallen.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    const inserted = area.locator('img[alt="Hallen med det nye tag"]');
    await expect(inserted).toHaveAttribute('src', /^\/api\/document-images\/[0-9a-f-]{36}$/);

    await page.getByTestId('save-draft').click();
    await expect(page.getByTestId('notice')).toHaveText('Kladden er gemt.');
    await expect(page.getByTestId('history')).toContainText('Et billede tilføjet');
    await page.getByTestId('publish').click();
    await expect(page.getByTestId('notice')).toHaveText(/^Version \d+ er offentliggjort\.$/);

    await page.context().clearCookies();
    await page.goto('/landsby/glumsoe-og-omegn');
    const story = page.getByTestId('public-story');
    await expect(story).toContainText(line);
    await expect(story).toContainText('stationsby');
    const picture = story.locator('img[alt="Hallen med det nye tag"]');
    await expect(picture).toBeVisible();
    // Shown to a visitor without an account, shrunk to at most 1600 px wide.
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(1600);
  });
});
