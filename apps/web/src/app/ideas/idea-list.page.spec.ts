import { IdeaListStatus, type IdeaListDto } from '@blup/contracts';
import { CONFLICT, openPage } from '../shared/form-page-test';
import { IdeaListPage } from './idea-list.page';

const list = (voterCount: number): IdeaListDto => ({
  id: 'l1',
  villageId: 'v1',
  villageName: 'Glumsø',
  title: 'Idéer fra borgermødet',
  intro: '',
  dotsPerPerson: 3,
  status: IdeaListStatus.Open,
  publicUrl: 'http://blup.test/stem/abc',
  publicToken: 'abc',
  ideaCount: 0,
  voterCount,
  version: 3,
  updatedAt: '2026-12-01T10:00:00Z',
  updatedBy: null,
  canEdit: true,
});

async function openList(voterCount: number) {
  const page = await openPage(IdeaListPage, 'ideas', { id: 'l1' });
  page.fixture.detectChanges();
  page.http.expectOne('/api/idea-lists/l1').flush(list(voterCount));
  page.http
    .expectOne('/api/idea-lists/l1/ranking?pageSize=100')
    .flush({ items: [], total: 0, page: 1, pageSize: 100 });
  await page.settle();
  return page;
}

describe(IdeaListPage.name, () => {
  it('changes dots per person, and explains the 409 when people voted meanwhile', async () => {
    const page = await openList(0);
    const select = page.byTestId('dots-per-person') as HTMLSelectElement;
    select.value = '5';
    select.dispatchEvent(new Event('change'));
    page.fixture.detectChanges();
    page.byTestId('dots-save')?.click();
    const save = page.http.expectOne('/api/idea-lists/l1');
    expect(save.request.method).toBe('PATCH');
    expect(save.request.body).toEqual({ dotsPerPerson: 5, version: 3 });
    save.flush(
      {
        statusCode: 409,
        error: 'Conflict',
        code: 'idea_list_has_votes',
        message: 'People have voted.',
      },
      CONFLICT,
    );
    await page.settle();
    expect(page.byTestId('dots-form')?.textContent).toContain(
      'Der er allerede stemt, så antallet af prikker kan ikke ændres længere',
    );
  });

  it('says why the dots are fixed once people have voted', async () => {
    const page = await openList(2);
    expect(page.byTestId('dots-per-person')).toBeNull();
    expect(page.byTestId('dots-locked')?.textContent).toContain('start en ny idéliste');
  });
});
