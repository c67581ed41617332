import type { PrivacyExportDto } from '@blup/contracts';
import { type Observable, exhaustMap, of, retry, startWith, takeWhile, timer } from 'rxjs';
import { isExportActive } from './privacy-labels';

/** How often an export still being made is asked about again. */
export const EXPORT_POLL_MS = 2000;

/**
 * `first`, then the export as `load` sees it every `every` ms while it is queued or running;
 * completes with the first answer that is neither. Unsubscribing (leaving the page) stops it.
 * A failed ask is tried again a few times before the failure is passed on.
 */
export function followExport(
  first: PrivacyExportDto,
  load: (id: string) => Observable<PrivacyExportDto>,
  every = EXPORT_POLL_MS,
): Observable<PrivacyExportDto> {
  if (!isExportActive(first)) return of(first);
  return timer(every, every).pipe(
    exhaustMap(() => load(first.id).pipe(retry({ count: 2, delay: every }))),
    takeWhile((item) => isExportActive(item), true),
    startWith(first),
  );
}
