import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HomeResponse } from '@blup/contracts';
import { type Observable, catchError, shareReplay } from 'rxjs';
import { OWN_401 } from '../http/api-error';

@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly http = inject(HttpClient);
  /** A request started ahead of the home page, for its first `get()`. */
  private early: Observable<HomeResponse> | null = null;

  /** The home page's cards: the prefetched answer when there is one, else (or if it failed) asked now. */
  get(): Observable<HomeResponse> {
    const early = this.early;
    this.early = null;
    const asked = this.http.get<HomeResponse>('/api/home');
    return early ? early.pipe(catchError(() => asked)) : asked;
  }

  /**
   * Starts fetching the home page's cards now, while the session is looked up and the page's
   * code loads (the app opens on the home page), so a weak connection waits for one round trip
   * less; the next `get()` takes them. A prefetch that fails (a 401 when nobody is signed in) is
   * dropped quietly, and a `get()` that took it asks again.
   */
  prefetch(): void {
    // Its 401 (nobody signed in after all) is nobody's to show: no redirect to sign-in.
    const early = this.http.get<HomeResponse>('/api/home', OWN_401).pipe(shareReplay(1));
    early.subscribe({
      error: () => {
        if (this.early === early) this.early = null;
      },
    });
    this.early = early;
  }
}
