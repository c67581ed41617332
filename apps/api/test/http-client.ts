import { CSRF_COOKIE, CSRF_HEADER } from '@blup/contracts';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like client for one person: keeps cookies, and sends the CSRF header the way the
 * Angular client does.
 */
export class TestClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  dropCookie(name: string): void {
    this.cookies.delete(name);
  }

  get<T = unknown>(path: string): Promise<TestResponse<T>> {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown): Promise<TestResponse<T>> {
    return this.request<T>('POST', path, body);
  }
  patch<T = unknown>(path: string, body?: unknown): Promise<TestResponse<T>> {
    return this.request<T>('PATCH', path, body);
  }
  put<T = unknown>(path: string, body?: unknown): Promise<TestResponse<T>> {
    return this.request<T>('PUT', path, body);
  }
  delete<T = unknown>(path: string): Promise<TestResponse<T>> {
    return this.request<T>('DELETE', path);
  }

  /** Sends exactly what it is given: no CSRF help, for testing the defence itself. */
  async raw(
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> {
    const res = await fetch(this.baseUrl + path, {
      method,
      body: init.body,
      headers: { cookie: this.cookieHeader(), ...this.extraHeaders, ...init.headers },
      redirect: 'manual',
    });
    this.store(res);
    return { status: res.status, headers: res.headers, body: await this.parse(res) };
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<TestResponse<T>> {
    if (method !== 'GET' && !this.cookies.has(CSRF_COOKIE)) await this.raw('GET', '/api/auth/csrf');
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (method !== 'GET' && csrf) headers[CSRF_HEADER] = csrf;
    const res = await this.raw(method, path, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers,
    });
    return res as TestResponse<T>;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      const expired =
        attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) ||
        attrs.some((a) => /^\s*max-age=0\b/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private async parse(res: Response): Promise<unknown> {
    const text = await res.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
}
