import { Role } from '@blup/contracts';
import sharp from 'sharp';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { openMenu, signInThroughApi } from './support/ui';
import { uniqueSuffix } from './support/unique';

test.describe('Village goals', () => {
  test('a steering member adds a goal on two SDGs and records progress @phone', async ({
    page,
    demo,
  }) => {
    test.setTimeout(60_000);
    const member = await signInThroughApi(page, demo[Role.SteeringMember]);
    const title = `Samkørsel til Næstved ${uniqueSuffix()}`;

    await page.goto('/');
    await openMenu(page);
    await page.getByRole('link', { name: 'Vores landsbymål' }).click();
    await expect(page).toHaveURL(new RegExp(`/villages/${member.villageId}/goals$`));
    await expect(page.getByRole('heading', { level: 1, name: /^Landsbymål for / })).toBeVisible();
    await expectAccessible(page, { label: 'the village goals page' });

    await page.getByTestId('add-goal').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nyt landsbymål' })).toBeVisible();
    // Saving without an SDG says what is missing.
    await page.getByTestId('title').fill(title);
    await page.getByRole('button', { name: 'Opret', exact: true }).click();
    await expect(page.getByTestId('sdgs-error')).toHaveText('Vælg mindst ét verdensmål.');
    await page.getByTestId('sdg-11').click();
    await page.getByTestId('sdg-13').click();
    await expect(page.getByTestId('sdg-11')).toHaveAttribute('aria-pressed', 'true');
    // Targets (delmål) are folded away under each chosen SDG until opened.
    const targets11 = page.getByTestId('targets-11');
    await expect(targets11).toBeVisible();
    await expect(page.getByTestId('target-11.2')).toBeHidden();
    await targets11.locator('summary').click();
    await page.getByTestId('target-11.2').getByRole('checkbox').check();
    await expect(targets11.locator('summary')).toContainText('1 valgt');
    await page.getByTestId('indicator').fill('Faste samkørselsruter');
    await page.getByTestId('baseline').fill('0');
    await page.getByTestId('target').fill('5');
    // The owner: a person with an account, a working group, or a name in words.
    await expect(page.getByTestId('owner')).toBeVisible();
    await page.getByRole('radio', { name: 'En person' }).click();
    await expect(page.getByTestId('owner')).toBeHidden();
    await page.getByTestId('owner-person').click();
    await page.getByRole('option', { name: member.name, exact: true }).click();
    await expect(page.getByTestId('owner-person')).toContainText(member.name);
    await expectAccessible(page, { label: 'the goal form' });
    await page.getByRole('button', { name: 'Opret', exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveURL(/\/goals\/[0-9a-f-]{36}$/);
    await expect(page.getByTitle('Verdensmål 11: Bæredygtige byer og lokalsamfund')).toBeVisible();
    await expect(page.getByTestId('goal-status')).toContainText('Idé');
    await expect(page.getByTestId('goal-targets')).toContainText('11.2');
    await expect(page.getByTestId('goal-targets')).toContainText('transport systems for all');
    await expect(page.getByTestId('goal-owner')).toHaveText(`Ansvarlig: ${member.name}`);

    await page.getByTestId('status-in_progress').click();
    await page.getByTestId('progress-note').fill('To ruter kører nu.');
    await page.getByTestId('progress-value').fill('2');
    // A photo from the phone: picked, previewed, removable before saving.
    const photo = await sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: 63, g: 126, b: 68 } },
    })
      .jpeg()
      .toBuffer();
    await expect(page.getByTestId('add-photo')).toHaveText(/Tilføj billede/);
    const input = page.getByTestId('progress-photo-input');
    await expect(input).toHaveAttribute('accept', 'image/*');
    expect(await input.getAttribute('capture')).toBeNull();
    await input.setInputFiles({ name: 'ruten.jpg', mimeType: 'image/jpeg', buffer: photo });
    const preview = page.getByTestId('photo-preview');
    await expect(preview).toBeVisible();
    // The preview really shows the picture (a broken image would be 0 wide).
    await expect
      .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(640);
    await page.getByTestId('remove-photo').click();
    await expect(page.getByTestId('photo-preview')).toBeHidden();
    await input.setInputFiles({ name: 'ruten.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect(page.getByTestId('photo-preview')).toBeVisible();
    await expectAccessible(page, { label: 'the progress form with a photo' });
    await page.getByTestId('save-progress').click();
    await expect(page.getByText('Status er gemt.')).toBeVisible();
    await expect(page.getByTestId('goal-status')).toContainText('I gang');
    await expect(page.getByTestId('goal-measure')).toContainText('Faste samkørselsruter: 2 af 5');
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toContainText(`I gang · ${member.name}`);
    await expect(timeline).toContainText('To ruter kører nu.');
    const thumbnail = timeline.getByRole('img', { name: /^Billede til opdateringen »I gang«/ });
    await expect(thumbnail).toBeVisible();
    await expect(thumbnail).toHaveAttribute('alt', /To ruter kører nu\.$/);
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(480);
    const large = await thumbnail.locator('xpath=ancestor::a').getAttribute('href');
    expect(large).toMatch(/\/api\/goals\/[0-9a-f-]{36}\/updates\/[0-9a-f-]{36}\/photo$/);
    const response = await page.request.get(large ?? '');
    expect(response.status()).toBe(200);
    expect(await sharp(await response.body()).metadata()).toMatchObject({ width: 640 });
    await expect(page.getByTestId('photo-preview')).toBeHidden();
    await expectAccessible(page, { label: 'a goal with its timeline' });

    await page.getByRole('link', { name: 'Alle landsbymål' }).click();
    await expect(
      page.getByTestId('goals').getByRole('link', { name: new RegExp(title) }),
    ).toBeVisible();
  });
});
