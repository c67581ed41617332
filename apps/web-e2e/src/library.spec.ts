import {
  Role,
  type LibraryDocumentDetailDto,
  type LibraryDocumentDto,
  type Page,
} from '@blup/contracts';
import { readFile } from 'node:fs/promises';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { signInThroughApi } from './support/ui';

test.describe('Phase library', () => {
  test('a steering member finds the future-workshop guide by search and downloads it @phone', async ({
    page,
    demo,
  }) => {
    test.setTimeout(90_000);
    await signInThroughApi(page, demo[Role.SteeringMember]);
    await page.goto('/bibliotek');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Skabeloner og manualer' }),
    ).toBeVisible();
    await expect(page.getByTestId('library-document')).toHaveCount(6);
    await expectAccessible(page, { label: 'the phase library' });

    await page.getByTestId('phase-organisation').click();
    await expect(page.getByTestId('phase-organisation')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('library-document')).toHaveCount(2);
    await page.getByTestId('phase-all').click();

    await page.getByTestId('search').fill('fremtidsværksted');
    const guide = page.getByTestId('library-document');
    await expect(guide.first().getByRole('heading', { level: 2 })).toHaveText(
      'Guide til fremtidsværkstedet',
    );
    await expect(guide.first()).toContainText('PDF');
    await expectAccessible(page, { label: 'the library search' });

    const downloading = page.waitForEvent('download');
    await guide.first().getByTestId('download-document').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Guide til fremtidsværkstedet.pdf');
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The guide is also shown on the village's "Forbered fremtidsværkstedet" session.
    const found = (await (
      await page.request.get('/api/library/documents?q=fremtidsv%C3%A6rksted')
    ).json()) as Page<LibraryDocumentDto>;
    const detail = (await (
      await page.request.get(`/api/library/documents/${found.items[0].id}`)
    ).json()) as LibraryDocumentDetailDto;
    let sessionId: string | undefined;
    for (const link of detail.links.filter((l) => l.target === 'session')) {
      if ((await page.request.get(`/api/sessions/${link.targetId}`)).ok()) {
        sessionId = link.targetId;
        break;
      }
    }
    expect(sessionId).toBeDefined();
    await page.goto(`/sessions/${sessionId}`);
    const linked = page.getByTestId('linked-documents');
    await expect(linked.getByTestId('linked-document')).toContainText(
      'Hent Guide til fremtidsværkstedet',
    );
    await expectAccessible(page, { label: 'a session with a linked template' });
  });
});
