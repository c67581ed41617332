import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ErrorCode } from '@blup/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../auth/auth.store';
import { I18nService } from '../i18n/i18n.service';
import { ApiError, HANDLES_UNAUTHORIZED } from './api-error';
import { acceptLanguageInterceptor, apiErrorInterceptor } from './api-error.interceptor';

describe(apiErrorInterceptor.name, () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let router: Router;
  const clear = jest.fn();

  beforeEach(() => {
    localStorage.clear();
    clear.mockClear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([acceptLanguageInterceptor, apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: AuthStore, useValue: { clear } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  async function fail(
    flush: (req: ReturnType<HttpTestingController['expectOne']>) => void,
    context?: HttpContext,
  ): Promise<ApiError> {
    const request = firstValueFrom(client.get('/api/villages', { context }));
    flush(http.expectOne('/api/villages'));
    return request.then(
      () => {
        throw new Error('expected a failure');
      },
      (error: ApiError) => error,
    );
  }

  it("turns the API's ErrorBody into an ApiError with its message, request id and field details", async () => {
    const error = await fail((req) =>
      req.flush(
        {
          statusCode: 409,
          error: 'Conflict',
          message: 'A village with that name exists.',
          requestId: 'req-7',
          details: { name: ['taken'] },
        },
        { status: 409, statusText: 'Conflict' },
      ),
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      message: 'A village with that name exists.',
      requestId: 'req-7',
      details: { name: ['taken'] },
    });
  });

  it('says a coded error in the current language and keeps the code, params and request id', async () => {
    const body = {
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many failed sign-ins for this account. Try again in 10 minutes.',
      code: ErrorCode.SignInRateLimited,
      params: { minutes: 10 },
      requestId: 'req-8',
    };

    const danish = await fail((req) =>
      req.flush(body, { status: 429, statusText: 'Too Many Requests' }),
    );
    TestBed.inject(I18nService).setLocale('en');
    const english = await fail((req) =>
      req.flush(body, { status: 429, statusText: 'Too Many Requests' }),
    );

    expect(danish).toMatchObject({
      status: 429,
      message: 'For mange forsøg. Prøv igen om 10 minutter, eller log ind med et link.',
      code: ErrorCode.SignInRateLimited,
      params: { minutes: 10 },
      requestId: 'req-8',
    });
    expect(english.message).toBe(
      'Too many attempts. Try again in 10 minutes, or sign in with a link.',
    );
  });

  it("falls back to the API's message when the code has no text here", async () => {
    const error = await fail((req) =>
      req.flush(
        {
          statusCode: 409,
          error: 'Conflict',
          message: 'Something only a newer client can say.',
          code: 'from_the_future',
          requestId: 'r',
        },
        { status: 409, statusText: 'Conflict' },
      ),
    );

    expect(error.message).toBe('Something only a newer client can say.');
    expect(error.code).toBe('from_the_future');
  });

  it('says the connection failed, in the current language, when the server cannot be reached', async () => {
    TestBed.inject(I18nService).setLocale('en');

    const error = await fail((req) => req.error(new ProgressEvent('error')));

    expect(error.status).toBe(0);
    expect(error.message).toMatch(/cannot connect/);
  });

  it('replaces a server error with a calm message but keeps the request id', async () => {
    const error = await fail((req) =>
      req.flush(
        { statusCode: 500, error: 'Internal Server Error', message: 'stack…', requestId: 'req-9' },
        { status: 500, statusText: 'Server Error' },
      ),
    );

    expect(error.message).toBe('Der gik noget galt hos os. Prøv igen om lidt.');
    expect(error.requestId).toBe('req-9');
  });

  it('uses a translated message when the body is not an ErrorBody', async () => {
    const error = await fail((req) =>
      req.flush('<html>', { status: 429, statusText: 'Too Many Requests' }),
    );

    expect(error.message).toBe('For mange forsøg. Vent lidt, og prøv igen.');
  });

  it('sends an unexpected 401 to sign in and forgets the session', async () => {
    await router.navigateByUrl('/');
    await fail((req) => req.flush(null, { status: 401, statusText: 'Unauthorized' }));

    expect(clear).toHaveBeenCalled();
    expect(router.navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/' } });
  });

  it('leaves a 401 alone when the caller handles it', async () => {
    const error = await fail(
      (req) =>
        req.flush(
          {
            statusCode: 401,
            error: 'Unauthorized',
            message: 'Wrong email or password.',
            requestId: 'r',
          },
          { status: 401, statusText: 'Unauthorized' },
        ),
      new HttpContext().set(HANDLES_UNAUTHORIZED, true),
    );

    expect(error.message).toBe('Wrong email or password.');
    expect(clear).not.toHaveBeenCalled();
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it('tells the API the current language', () => {
    TestBed.inject(I18nService).setLocale('en');

    client.get('/api/home').subscribe();

    expect(http.expectOne('/api/home').request.headers.get('Accept-Language')).toBe('en');
  });
});
