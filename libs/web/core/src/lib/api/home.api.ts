import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HomeResponse } from '@blup/contracts';
import { type Observable, shareReplay } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly http = inject(HttpClient);
  /** A request started ahead of the home page, for its first `get()`. */
  private early: Observable<HomeResponse> | null = null;

  get(): Observable<HomeResponse> {
    const early = this.early;
    this.early = null;
    return early ?? this.http.get<HomeResponse>('/api/home');
  }

  /**
   * Starts fetching the home page's cards now (the app opens on the home page and the session is
   * known), so they are under way while the page's code loads; the next `get()` takes them.
   */
  prefetch(): void {
    const early = this.http.get<HomeResponse>('/api/home').pipe(shareReplay(1));
    early.subscribe({ error: () => undefined }); // the page that takes it sees any error
    this.early = early;
  }
}
