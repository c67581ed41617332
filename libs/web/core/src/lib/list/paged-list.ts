import { type Signal, computed, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { DEFAULT_PAGE_SIZE, type Page, type PageQuery } from '@blup/contracts';
import type { Observable } from 'rxjs';
import { ApiError } from '../http/api-error';

export type ListQuery<F> = Required<Pick<PageQuery, 'page' | 'pageSize' | 'q'>> & Partial<F>;

/** One paged, searchable, filterable list: what every list page shares. */
export interface PagedList<T, F> {
  readonly query: Signal<ListQuery<F>>;
  readonly items: Signal<readonly T[]>;
  readonly total: Signal<number>;
  readonly loading: Signal<boolean>;
  readonly error: Signal<ApiError | null>;
  /** New search text; goes back to page 1. */
  search(q: string): void;
  /** Changes filters; goes back to page 1. An empty value removes the filter. */
  filter(patch: Partial<F>): void;
  /** `page` is 1-based, as the API counts. */
  goTo(page: number, pageSize: number): void;
  reload(): void;
}

/**
 * Loads `load(query)` whenever the query changes and keeps the answer in signals.
 * Call it in an injection context (a field initializer of a component).
 */
export function pagedList<T, F extends object = Record<never, never>>(
  load: (query: ListQuery<F>) => Observable<Page<T>>,
  options: {
    filters?: Partial<F>;
    pageSize?: number;
    /** Fixed filters that follow a signal, e.g. the municipality of a detail page. */
    scope?: () => Partial<F>;
  } = {},
): PagedList<T, F> {
  const query = signal<ListQuery<F>>({
    ...options.filters,
    page: 1,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    q: '',
  } as ListQuery<F>);
  const resource = rxResource({
    params: () => ({ ...query(), ...options.scope?.() }),
    stream: ({ params }) => load(params),
  });
  const value = computed(() => (resource.hasValue() ? resource.value() : undefined));

  return {
    query: query.asReadonly(),
    items: computed(() => value()?.items ?? []),
    total: computed(() => value()?.total ?? 0),
    loading: resource.isLoading,
    error: computed(() => {
      const error = resource.error();
      return !error ? null : error instanceof ApiError ? error : new ApiError(0, error.message);
    }),
    search: (q) => {
      const text = q.trim();
      if (text !== query().q) query.update((current) => ({ ...current, q: text, page: 1 }));
    },
    filter: (patch) => query.update((current) => ({ ...current, ...patch, page: 1 })),
    goTo: (page, pageSize) => query.update((current) => ({ ...current, page, pageSize })),
    reload: () => resource.reload(),
  };
}
