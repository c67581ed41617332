import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HomeResponse } from '@blup/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly http = inject(HttpClient);

  get(): Observable<HomeResponse> {
    return this.http.get<HomeResponse>('/api/home');
  }
}
