import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { HomeResponse } from '@blup/contracts';
import { firstValueFrom } from 'rxjs';
import { HomeApi } from './home.api';

describe(HomeApi.name, () => {
  let sut: HomeApi;
  let http: HttpTestingController;
  const home = { cards: [], nextSession: null } as unknown as HomeResponse;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    sut = TestBed.inject(HomeApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('fetches the home page on every get', async () => {
    const first = firstValueFrom(sut.get());
    http.expectOne('/api/home').flush(home);
    await expect(first).resolves.toEqual(home);
    void firstValueFrom(sut.get());
    http.expectOne('/api/home').flush(home);
  });

  it('hands a prefetched answer to the next get only, without asking again', async () => {
    sut.prefetch();
    http.expectOne('/api/home').flush(home);
    await expect(firstValueFrom(sut.get())).resolves.toEqual(home);
    http.expectNone('/api/home');
    void firstValueFrom(sut.get());
    http.expectOne('/api/home').flush(home);
  });

  it('hands a get made while the prefetch is under way that same request', async () => {
    sut.prefetch();
    const answer = firstValueFrom(sut.get());
    http.expectOne('/api/home').flush(home);
    await expect(answer).resolves.toEqual(home);
  });

  it('drops a prefetch that failed, so the next get asks again', async () => {
    sut.prefetch();
    http.expectOne('/api/home').flush(null, { status: 401, statusText: 'Unauthorized' });
    const answer = firstValueFrom(sut.get());
    http.expectOne('/api/home').flush(home);
    await expect(answer).resolves.toEqual(home);
  });

  it('asks again when the prefetch a get took fails', async () => {
    sut.prefetch();
    const answer = firstValueFrom(sut.get());
    http.expectOne('/api/home').flush(null, { status: 401, statusText: 'Unauthorized' });
    http.expectOne('/api/home').flush(home);
    await expect(answer).resolves.toEqual(home);
  });
});
