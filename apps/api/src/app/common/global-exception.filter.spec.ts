import {
  ArgumentsHost,
  BadRequestException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { ErrorCode, type ErrorBody } from '@blup/contracts';
import { AppException, fieldError } from './app-exception';
import {
  GlobalExceptionFilter,
  SERVER_ERROR_MESSAGE,
  UNAVAILABLE_MESSAGE,
} from './global-exception.filter';
import { requestContext } from './request-context';

/** Runs the filter on one exception and returns the status and body it answered with. */
function answer(exception: unknown): {
  status: number;
  body: ErrorBody;
  headers: Record<string, unknown>;
} {
  const sent: { status?: number; body?: ErrorBody } = {};
  const headers: Record<string, unknown> = {};
  const res = {
    headersSent: false,
    setHeader(name: string, value: unknown) {
      headers[name] = value;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: ErrorBody) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getResponse: () => res,
      getRequest: () => ({ method: 'POST', path: '/api/things' }),
    }),
  } as unknown as ArgumentsHost;
  requestContext.run({ requestId: 'req-1' }, () =>
    new GlobalExceptionFilter().catch(exception, host),
  );
  return { status: sent.status ?? 0, body: sent.body as ErrorBody, headers };
}

describe(GlobalExceptionFilter.name, () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  it("copies an AppException's code and params into the body", () => {
    const { status, body } = answer(
      new AppException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.SignInRateLimited, 'Wait.', {
        params: { minutes: 10 },
      }),
    );

    expect(status).toBe(429);
    expect(body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Wait.',
      code: ErrorCode.SignInRateLimited,
      params: { minutes: 10 },
      requestId: 'req-1',
    });
  });

  it('keeps the per-field details of a field error', () => {
    const { body } = answer(
      fieldError(ErrorCode.CurrentPasswordWrong, 'currentPassword', 'Not right.'),
    );

    expect(body).toMatchObject({
      statusCode: 400,
      code: ErrorCode.CurrentPasswordWrong,
      message: 'Not right.',
      details: { currentPassword: ['Not right.'] },
    });
    expect(body).not.toHaveProperty('params');
  });

  it('gives a plain 404 (an unknown route) the not_found code', () => {
    expect(answer(new NotFoundException('Cannot GET /api/nothing')).body).toMatchObject({
      statusCode: 404,
      code: ErrorCode.NotFound,
      message: 'Cannot GET /api/nothing',
    });
  });

  it('leaves a plain 400 without a code, so its message is what the person reads', () => {
    const { body } = answer(new BadRequestException('Something specific.'));

    expect(body.message).toBe('Something specific.');
    expect(body).not.toHaveProperty('code');
  });

  it('answers JSON the body parser could not read with invalid_json', () => {
    const parserError = Object.assign(new Error('Unexpected end of JSON input'), {
      status: 400,
      type: 'entity.parse.failed',
    });

    expect(answer(parserError).body).toMatchObject({
      statusCode: 400,
      code: ErrorCode.InvalidJson,
      message: 'The request body is not valid JSON.',
    });
  });

  it('answers an unknown error with a 500 that leaks nothing', () => {
    const { status, body } = answer(new Error('connection refused at 10.0.0.3'));

    expect(status).toBe(500);
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: SERVER_ERROR_MESSAGE,
      code: ErrorCode.ServerError,
      requestId: 'req-1',
    });
  });

  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    [
      'PostgreSQL shutting down, inside a query error',
      Object.assign(new Error('terminating connection'), {
        driverError: Object.assign(new Error('terminating connection'), { code: '57P01' }),
      }),
    ],
    ['a dropped PostgreSQL connection', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect', new Error('timeout exceeded when trying to connect')],
    ['a closed Redis connection', new Error('Connection is closed.')],
    [
      'a cause two levels down',
      new Error('enqueue failed', {
        cause: new Error('x', { cause: Object.assign(new Error('y'), { code: '08006' }) }),
      }),
    ],
  ])('answers %s with a 503 to try again, not a 500', (_label, error) => {
    const { status, body, headers } = answer(error);
    expect(status).toBe(503);
    expect(body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: UNAVAILABLE_MESSAGE,
      code: ErrorCode.Unavailable,
      requestId: 'req-1',
    });
    expect(headers['Retry-After']).toBe(5);
  });

  it('keeps a wrong statement a 500 (SQLSTATE 42703, not a connection class)', () => {
    const error = Object.assign(new Error('column does not exist'), {
      driverError: Object.assign(new Error('column does not exist'), { code: '42703' }),
    });
    expect(answer(error).status).toBe(500);
  });
});
