import { ErrorCode, type IdeaDto } from '@blup/contracts';
import { CONFLICT, changedBody, openPage } from '../shared/form-page-test';
import { IdeaEditorList } from './idea-editor-list';

const idea = (id: string, title: string, position: number, version = 1): IdeaDto => ({
  id,
  listId: 'l1',
  title,
  description: '',
  version,
  source: null,
  position,
  onlineDots: 0,
  paperDots: 0,
  totalDots: 0,
  rank: 1,
  voterCount: 0,
  helperCount: 0,
  initiativeId: null,
  canEdit: true,
});

describe(IdeaEditorList.name, () => {
  it('shows the voting page’s order, swaps neighbours, and changes an idea’s words', async () => {
    const ideas = [idea('b', 'Madklub', 2), idea('a', 'Shelter', 1), idea('c', 'Legeplads', 3)];
    const view = await openPage(IdeaEditorList, 'ideas', { ideas });
    const changed = jest.fn();
    view.fixture.componentInstance.changed.subscribe(changed);
    await view.settle();
    const rows = () =>
      [...view.element.querySelectorAll('[data-testid="managed-idea"] .title')].map((e) =>
        e.textContent?.trim(),
      );
    expect(rows()).toEqual(['1. Shelter', '2. Madklub', '3. Legeplads']);
    const ups = view.element.querySelectorAll<HTMLButtonElement>('[data-testid="idea-up"]');
    expect(ups[0].disabled).toBe(true);
    expect(ups[1].getAttribute('aria-label')).toBe('Flyt Madklub op');

    view.element.querySelectorAll<HTMLButtonElement>('[data-testid="idea-down"]')[0].click();
    const moves = view.http.match((r) => r.method === 'PATCH');
    expect(moves.map((r) => [r.request.url, r.request.body])).toEqual([
      ['/api/ideas/a', { position: 2 }],
      ['/api/ideas/b', { position: 1 }],
    ]);
    moves.forEach((r) => r.flush({}));
    await view.settle();
    expect(changed).toHaveBeenCalledTimes(1);

    view.element.querySelectorAll<HTMLButtonElement>('[data-testid="edit-idea"]')[2].click();
    await view.settle();
    const title = view.byTestId('edit-idea-title') as HTMLInputElement;
    expect(title.value).toBe('Legeplads');
    title.value = '  Legeplads ved hallen ';
    title.dispatchEvent(new Event('input'));
    view.submit();
    const save = view.http.expectOne('/api/ideas/c');
    expect(save.request.body).toEqual({
      title: 'Legeplads ved hallen',
      description: '',
      version: 1,
    });
    save.flush({});
    await view.settle();
    expect(changed).toHaveBeenCalledTimes(2);
    expect(view.byTestId('edit-idea-title')).toBeNull();
  });

  it('keeps one’s text after a 409, shows their words once read again, and starts from them', async () => {
    const view = await openPage(IdeaEditorList, 'ideas', { ideas: [idea('c', 'Legeplads', 1)] });
    const changed = jest.fn();
    view.fixture.componentInstance.changed.subscribe(changed);
    await view.settle();
    view.byTestId('edit-idea')?.click();
    await view.settle();
    const title = () => view.byTestId('edit-idea-title') as HTMLInputElement;
    title().value = 'Legeplads med bænke';
    title().dispatchEvent(new Event('input'));
    view.submit();
    view.http
      .expectOne('/api/ideas/c')
      .flush(changedBody(ErrorCode.IdeaChanged, 'Birthe changed the idea', 'Birthe', 2), CONFLICT);
    await view.settle();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(view.element.textContent).toContain('Birthe har ændret idéen, mens du skrev.');
    expect(view.byTestId('their-idea')).toBeNull();

    view.fixture.componentRef.setInput('ideas', [idea('c', 'Legeplads ved hallen', 1, 2)]);
    await view.settle();
    expect(view.byTestId('their-idea')?.textContent).toContain('Nu står der: Legeplads ved hallen');
    expect(title().value).toBe('Legeplads med bænke');
    view.byTestId('load-their-idea')?.click();
    await view.settle();
    expect(title().value).toBe('Legeplads ved hallen');
    expect(view.byTestId('their-idea')).toBeNull();
    title().value = 'Legeplads ved hallen, med bænke';
    title().dispatchEvent(new Event('input'));
    view.submit();
    const save = view.http.expectOne('/api/ideas/c');
    expect(save.request.body).toMatchObject({
      title: 'Legeplads ved hallen, med bænke',
      version: 2,
    });
  });
});
