import { ErrorCode, type ErrorBody, type HealthResponse } from '@blup/contracts';
import { startTestApp, TestApp } from './harness';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports PostgreSQL and Redis healthy', async () => {
    const res = await t.client().get<HealthResponse>('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('answers unknown routes with the one error body and a request id', async () => {
    const res = await t.client().get<ErrorBody>('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      code: ErrorCode.NotFound,
    });
    expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('sends security headers with a content security policy', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers the health checks ahead of Express exactly as through it', async () => {
    // The paths as written go to the lane (health/health-lane.ts); another spelling, which
    // Express's mount matches regardless of case, goes through Express's middleware chain.
    const VARYING = new Set(['date', 'x-request-id', 'keep-alive', 'connection']);
    const answer = async (method: string, path: string) => {
      const res = await fetch(`${t.url}${path}`, {
        method,
        headers: { 'x-request-id': 'probe-1234' },
      });
      const headers = [...res.headers].filter(([name]) => !VARYING.has(name));
      return {
        status: res.status,
        body: await res.text(),
        headers: Object.fromEntries(headers.sort()),
        requestId: res.headers.get('x-request-id'),
      };
    };
    for (const method of ['GET', 'HEAD']) {
      for (const path of ['/api/health', '/api/health/live', '/api/health/ready?probe=1']) {
        const lane = await answer(method, path);
        const express = await answer(method, path.replace('/api/health', '/API/Health'));
        expect([method, path, lane]).toEqual([method, path, express]);
        expect(lane.requestId).toBe('probe-1234');
        expect(lane.status).toBe(200);
        expect(lane.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      }
    }
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const res = await t.client().raw('POST', '/api/auth/logout', {
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect((res.body as ErrorBody).message).toMatch(/security token/);
    expect((res.body as ErrorBody).code).toBe(ErrorCode.CsrfTokenInvalid);
    expect((res.body as ErrorBody).requestId).toBe(res.headers.get('x-request-id'));
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const c = t.client();
    await c.get('/api/auth/csrf');
    const res = await c.raw('POST', '/api/auth/login', {
      headers: { 'content-type': 'application/json', 'x-xsrf-token': c.cookie('XSRF-TOKEN') ?? '' },
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).message).toBe('The request body is not valid JSON.');
    expect((res.body as ErrorBody).code).toBe(ErrorCode.InvalidJson);
    expect((res.body as ErrorBody).requestId).toBe(res.headers.get('x-request-id'));
  });

  it('publishes the OpenAPI document', async () => {
    const res = await t
      .client()
      .get<{ openapi: string; paths: Record<string, unknown> }>('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/health');
  });
});
