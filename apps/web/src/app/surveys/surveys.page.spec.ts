import { openPage } from '../shared/form-page-test';
import { SurveysPage } from './surveys.page';

const NOT_FOUND = { status: 404, statusText: 'Not Found' };
const notFoundBody = {
  statusCode: 404,
  error: 'Not Found',
  code: 'not_found',
  message: 'No such village, or not one you may see.',
  requestId: 'r1',
};

describe(SurveysPage.name, () => {
  it('shows another village’s address as plainly not found: no nameless link, no “… in ”', async () => {
    const errors: unknown[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
    const t = await openPage(SurveysPage, 'surveyAdmin', { villageId: 'v9' });
    t.fixture.detectChanges();
    for (const req of t.http.match(() => true)) req.flush(notFoundBody, NOT_FOUND);
    await t.settle();
    for (const req of t.http.match(() => true)) req.flush(notFoundBody, NOT_FOUND);
    await t.settle();
    const links = [...t.element.querySelectorAll('a')].filter((a) => !a.textContent?.trim());
    expect(links).toEqual([]);
    expect(t.element.querySelector('h1')?.textContent?.trim()).toBe('Spørgeskemaer');
    expect(t.element.textContent).toContain('Vi kunne ikke finde det');
    expect(errors).toEqual([]);
    spy.mockRestore();
  });
});
