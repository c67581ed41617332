import { type APIRequestContext, type APIResponse, request } from '@playwright/test';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  type LoginRequest,
  type Page,
  type SessionUser,
  type VillageDto,
} from '@blup/contracts';

/**
 * Talks to the API as one person, the way the web app does, to arrange data for a test: its
 * own cookie jar (Playwright's request context) and the double-submit CSRF header on every
 * state-changing call. Dispose it when done; the `api` fixture does that for you.
 */
export class ApiClient {
  /** Who this client is signed in as; null for an anonymous client. */
  user: SessionUser | null = null;

  private constructor(private readonly context: APIRequestContext) {}

  /** A client with no session yet, holding a CSRF cookie. */
  static async anonymous(baseUrl: string): Promise<ApiClient> {
    const client = new ApiClient(await request.newContext({ baseURL: baseUrl }));
    await client.expectOk(await client.context.get('/api/auth/csrf'), 'GET /api/auth/csrf');
    return client;
  }

  /** A client signed in as `account`. */
  static async signedIn(baseUrl: string, account: LoginRequest): Promise<ApiClient> {
    const client = await ApiClient.anonymous(baseUrl);
    const { email, password } = account; // a DemoSignIn carries more, which the API refuses
    client.user = await client.post<SessionUser>('/api/auth/login', { email, password });
    return client;
  }

  get<T>(path: string, params?: Record<string, string | number>): Promise<T> {
    return this.send<T>('GET', path, { params });
  }

  post<T>(path: string, data?: unknown): Promise<T> {
    return this.send<T>('POST', path, { data });
  }

  patch<T>(path: string, data: unknown): Promise<T> {
    return this.send<T>('PATCH', path, { data });
  }

  put<T>(path: string, data: unknown): Promise<T> {
    return this.send<T>('PUT', path, { data });
  }

  /** The one village whose name is `name` exactly. */
  async village(name: string): Promise<VillageDto> {
    const page = await this.get<Page<VillageDto>>('/api/villages', { q: name, pageSize: 100 });
    const village = page.items.find((item) => item.name === name);
    if (!village) throw new Error(`No village named "${name}" among ${page.total} found`);
    return village;
  }

  dispose(): Promise<void> {
    return this.context.dispose();
  }

  private async send<T>(
    method: string,
    path: string,
    options: { params?: Record<string, string | number>; data?: unknown },
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (method !== 'GET') headers[CSRF_HEADER] = await this.csrfToken();
    const response = await this.context.fetch(path, { method, headers, ...options });
    await this.expectOk(response, `${method} ${path}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async csrfToken(): Promise<string> {
    const { cookies } = await this.context.storageState();
    const cookie = cookies.find((candidate) => candidate.name === CSRF_COOKIE);
    if (!cookie) throw new Error(`No ${CSRF_COOKIE} cookie; GET /api/auth/csrf first`);
    return decodeURIComponent(cookie.value);
  }

  private async expectOk(response: APIResponse, what: string): Promise<void> {
    if (!response.ok()) {
      throw new Error(`${what} answered HTTP ${response.status()}: ${await response.text()}`);
    }
  }
}
