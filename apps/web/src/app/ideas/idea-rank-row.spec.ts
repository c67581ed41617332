import type { IdeaDto } from '@blup/contracts';
import { CONFLICT, openPage } from '../shared/form-page-test';
import { IdeaRankRow } from './idea-rank-row';

const idea = (initiativeId: string | null = null): IdeaDto => ({
  id: 'i1',
  listId: 'l1',
  title: 'Shelter ved søen',
  description: '',
  source: null,
  position: 1,
  onlineDots: 4,
  paperDots: 2,
  totalDots: 6,
  rank: 1,
  voterCount: 3,
  helperCount: 0,
  initiativeId,
  version: 1,
  canEdit: true,
});

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 100 });

/** Opens "make it an initiative" and answers the focus areas and goals it asks for. */
async function openChooser() {
  const row = await openPage(IdeaRankRow, 'ideas', { idea: idea(), villageId: 'v1' });
  const changed = jest.fn();
  row.fixture.componentInstance.changed.subscribe(changed);
  await row.settle();
  row.byTestId('make-initiative')?.click();
  row.fixture.detectChanges();
  row.http.expectOne('/api/villages/v1/focus-areas?pageSize=100').flush(
    page([
      { id: 'a1', name: 'Natur' },
      { id: 'a2', name: 'Fællesskab' },
    ]),
  );
  row.http.expectOne('/api/villages/v1/goals?pageSize=100').flush(
    page([
      { id: 'g1', title: 'Flere mødesteder' },
      { id: 'g2', title: 'Mere natur' },
    ]),
  );
  await row.settle();
  return { row, changed };
}

describe(IdeaRankRow.name, () => {
  it('sends the chosen focus area and goals, and asks for a goal before sending', async () => {
    const { row, changed } = await openChooser();
    const area = row.byTestId('initiative-area') as HTMLSelectElement;
    area.value = 'a2';
    area.dispatchEvent(new Event('change'));
    row.submit();
    await row.settle();
    row.http.expectNone('/api/ideas/i1/initiative');
    expect(row.element.textContent).toContain('Vælg mindst ét af landsbyens mål');
    const goals = row.element.querySelectorAll<HTMLInputElement>('[data-testid="initiative-goal"]');
    goals[1].click();
    await row.settle();
    row.submit();
    const request = row.http.expectOne('/api/ideas/i1/initiative');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ focusAreaId: 'a2', goalIds: ['g2'] });
    request.flush({ ideaId: 'i1', initiativeId: 'n1' });
    await row.settle();
    expect(changed).toHaveBeenCalled();
    expect(row.byTestId('confirm-initiative')).toBeNull();
  });

  it('says plainly when the idea became an initiative meanwhile, and refreshes', async () => {
    const { row, changed } = await openChooser();
    row.element.querySelector<HTMLInputElement>('[data-testid="initiative-goal"]')?.click();
    await row.settle();
    row.submit();
    row.http.expectOne('/api/ideas/i1/initiative').flush(
      {
        statusCode: 409,
        error: 'Conflict',
        code: 'idea_already_chosen',
        message: 'The idea is an initiative already; open that initiative to change it.',
      },
      CONFLICT,
    );
    await row.settle();
    expect(changed).toHaveBeenCalled();
    // The list refreshes with the idea chosen: the message stays beside the link to it.
    row.fixture.componentRef.setInput('idea', idea('n9'));
    await row.settle();
    expect(row.element.textContent).toContain('Idéen er allerede blevet til et initiativ.');
    expect(row.element.querySelector('a[href="/initiatives/n9"]')).not.toBeNull();
    expect(row.byTestId('make-initiative')).toBeNull();
  });
});
