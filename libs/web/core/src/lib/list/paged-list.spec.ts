import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Page } from '@blup/contracts';
import { Subject } from 'rxjs';
import { ApiError } from '../http/api-error';
import { type ListQuery, pagedList } from './paged-list';

interface Filters {
  municipalityId: string;
}

describe(pagedList.name, () => {
  const calls: ListQuery<Filters>[] = [];
  let answer: Subject<Page<string>>;

  function create() {
    return TestBed.runInInjectionContext(() =>
      pagedList<string, Filters>((query) => {
        calls.push(query);
        answer = new Subject();
        return answer;
      }),
    );
  }

  beforeEach(() => (calls.length = 0));

  const settled = () => TestBed.inject(ApplicationRef).whenStable();

  it('loads page 1 and exposes items and total', async () => {
    const sut = create();
    TestBed.tick();
    expect(calls).toEqual([{ page: 1, pageSize: 20, q: '' }]);
    expect(sut.loading()).toBe(true);

    answer.next({ items: ['Glumsø'], total: 41, page: 1, pageSize: 20 });
    answer.complete();
    await settled();

    expect(sut.items()).toEqual(['Glumsø']);
    expect(sut.total()).toBe(41);
    expect(sut.loading()).toBe(false);
  });

  it('goes back to page 1 on a new search or filter', () => {
    const sut = create();
    sut.goTo(3, 50);
    TestBed.tick();
    sut.search('  tyb ');
    TestBed.tick();
    sut.filter({ municipalityId: 'm1' });
    TestBed.tick();

    expect(calls).toEqual([
      { page: 3, pageSize: 50, q: '' },
      { page: 1, pageSize: 50, q: 'tyb' },
      { page: 1, pageSize: 50, q: 'tyb', municipalityId: 'm1' },
    ]);
  });

  it('does not reload for the same search text', () => {
    const sut = create();
    TestBed.tick();
    sut.search('');
    TestBed.tick();

    expect(calls).toHaveLength(1);
  });

  it('keeps the error of a failed load', async () => {
    const sut = create();
    TestBed.tick();

    answer.error(new ApiError(403, 'Not yours'));
    await settled();

    expect(sut.error()?.message).toBe('Not yours');
    expect(sut.items()).toEqual([]);
  });
});
