/** The one body every failed API call answers with. */
export interface ErrorBody {
  statusCode: number;
  /** The HTTP reason phrase, e.g. "Bad Request". */
  error: string;
  /** What went wrong, in words a person can act on. */
  message: string;
  /** Quote this when asking the secretariat for help; it is in the server logs too. */
  requestId: string;
  /** Per-field problems, when the input failed validation. */
  details?: Record<string, string[]>;
}

export interface PageQuery {
  /** 1-based. */
  page?: number;
  /** 1 to MAX_PAGE_SIZE. */
  pageSize?: number;
  /** Free-text filter, where a list supports it. */
  q?: string;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Every list the API returns is a page. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface HealthResponse {
  status: 'ok' | 'error';
  checks: { database: 'up' | 'down'; redis: 'up' | 'down' };
}

/** Header and cookie names of the double-submit CSRF defence. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
export const REQUEST_ID_HEADER = 'X-Request-Id';
