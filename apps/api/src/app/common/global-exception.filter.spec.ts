import {
  ArgumentsHost,
  BadRequestException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { ErrorCode, type ErrorBody } from '@blup/contracts';
import { AppException, fieldError } from './app-exception';
import { GlobalExceptionFilter, SERVER_ERROR_MESSAGE } from './global-exception.filter';
import { requestContext } from './request-context';

/** Runs the filter on one exception and returns the status and body it answered with. */
function answer(exception: unknown): { status: number; body: ErrorBody } {
  const sent: { status?: number; body?: ErrorBody } = {};
  const res = {
    headersSent: false,
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
  return { status: sent.status ?? 0, body: sent.body as ErrorBody };
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
});
