import { openPage } from '../shared/form-page-test';
import { IdeaListsPage } from './idea-lists.page';

const NOT_FOUND = { status: 404, statusText: 'Not Found' };
const notFoundBody = {
  statusCode: 404,
  error: 'Not Found',
  code: 'not_found',
  message: 'No such village, or not one you may see.',
  requestId: 'r1',
};

describe(IdeaListsPage.name, () => {
  it('shows another village’s address as plainly not found: no nameless link, no “Idéer i ”', async () => {
    const t = await openPage(IdeaListsPage, 'ideas', { villageId: 'v9' });
    t.fixture.detectChanges();
    for (const req of t.http.match(() => true)) req.flush(notFoundBody, NOT_FOUND);
    await t.settle();
    for (const req of t.http.match(() => true)) req.flush(notFoundBody, NOT_FOUND);
    await t.settle();
    const links = [...t.element.querySelectorAll('a')].filter((a) => !a.textContent?.trim());
    expect(links).toEqual([]);
    expect(t.element.querySelector('h1')?.textContent?.trim()).toBe('Idéer');
    expect(t.element.textContent).toContain('Vi kunne ikke finde det');
  });
});
