import { CSRF_EXEMPT_PATHS } from './csrf-exempt';
import { INestApplication } from '@nestjs/common';
import {
  ApiExtension,
  ApiProperty,
  ApiPropertyOptional,
  DocumentBuilder,
  OpenAPIObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { ERROR_CODES, type ErrorBody, type ErrorCode, type ErrorParams } from '@blup/contracts';
import { STATUS_CODES } from 'node:http';

/** What GlobalExceptionFilter answers for every failure (see `ErrorBody` in the contracts). */
export class ErrorBodyResponse implements ErrorBody {
  @ApiProperty({ example: 404 }) statusCode: number;
  @ApiProperty({ description: 'The HTTP reason phrase.', example: 'Not Found' }) error: string;
  @ApiProperty({ description: 'What went wrong, in English words a person can act on.' })
  message: string;
  @ApiPropertyOptional({
    enum: ERROR_CODES,
    enumName: 'ErrorCode',
    description: 'What went wrong, for the client to say in the person’s language.',
  })
  code?: ErrorCode;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: 'The values the wording of `code` needs.',
  })
  params?: ErrorParams;
  @ApiProperty({ description: 'Quote this when asking the secretariat for help.' })
  requestId: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Per-field problems, when the input failed validation.',
  })
  details?: Record<string, string[]>;
}

/** Operation extensions that the decorators set and `createOpenApiDocument` turns into rules. */
export const X_PUBLIC = 'x-blup-public';
export const X_ROLES = 'x-blup-roles';

/** Marks an operation (or every one of a controller) as needing no session: `security: []`. */
export const ApiPublic = (): MethodDecorator & ClassDecorator => ApiExtension(X_PUBLIC, true);
/** Marks an operation as limited to some roles: it documents a 403. */
export const ApiRoles = (): MethodDecorator & ClassDecorator => ApiExtension(X_ROLES, true);

/** A file or other non-JSON body, e.g. `ApiOkResponse({ content: binaryContent('text/csv') })`. */
export function binaryContent(
  ...mimeTypes: string[]
): Record<string, { schema: { type: 'string'; format: 'binary' } }> {
  return Object.fromEntries(
    mimeTypes.map((mime) => [mime, { schema: { type: 'string', format: 'binary' } }]),
  );
}

const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };
const DEFAULT_ERROR_TEXT: Record<string, string> = {
  '400': 'The input is not valid; `message` and `details` say what to fix.',
  '401': 'Not signed in, or the session has ended.',
  '403': 'Signed in, but not allowed to do this; or the CSRF header is missing or wrong.',
  '403public': 'The CSRF header (X-XSRF-TOKEN, from GET /api/auth/csrf) is missing or wrong.',
  '404': 'No such thing, or not one you may see.',
};

type Operation = {
  parameters?: Array<{ in?: string }>;
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
  [extension: string]: unknown;
};

/**
 * The API description served at /api/docs and /api/docs-json: OpenAPI 3.0, every operation
 * with its answer and the errors it can give, all in the one `ErrorBody` shape, and the public
 * routes without the session cookie (`security: []`).
 */
export function createOpenApiDocument(app: INestApplication, cookieName: string): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('BLUP Akademiet API')
      .setDescription(
        'Send the XSRF-TOKEN cookie value in the X-XSRF-TOKEN header on every POST, PUT, PATCH and DELETE.',
      )
      .setVersion('1')
      .addCookieAuth(cookieName)
      .addSecurityRequirements('cookie')
      .build(),
    { extraModels: [ErrorBodyResponse] },
  );
  const schemas = document.components?.schemas ?? {};
  schemas['ErrorBody'] = schemas[ErrorBodyResponse.name];
  delete schemas[ErrorBodyResponse.name];

  for (const [path, item] of Object.entries(document.paths)) {
    // The CSRF middleware is mounted on /api and skips these (webhooks, one-click unsubscribe).
    const csrf = !CSRF_EXEMPT_PATHS.some((exempt) => path.startsWith(`/api${exempt}`));
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const op = item[method] as Operation | undefined;
      if (op) describeErrors(method, op, csrf);
    }
  }
  return document;
}

function describeErrors(method: string, op: Operation, csrf: boolean): void {
  const isPublic = op[X_PUBLIC] === true;
  const hasRoles = op[X_ROLES] === true;
  delete op[X_PUBLIC];
  delete op[X_ROLES];
  // Each operation also gets the cookie scheme from @ApiCookieAuth; the global requirement says it.
  delete op.security;
  if (isPublic) op.security = [];

  const statuses = new Set<string>();
  if (op.requestBody || op.parameters?.some((p) => p.in === 'query' || p.in === 'path')) {
    statuses.add('400');
  }
  if (!isPublic) statuses.add('401');
  // Every state-changing request needs the CSRF header, public ones too, but for the exempt.
  if (hasRoles || (method !== 'get' && (csrf || !isPublic))) statuses.add('403');
  if (op.parameters?.some((p) => p.in === 'path')) statuses.add('404');
  for (const status of statuses) {
    const text = status === '403' && isPublic ? '403public' : status;
    op.responses[status] ??= { description: DEFAULT_ERROR_TEXT[text] };
  }
  for (const [status, response] of Object.entries(op.responses)) {
    if (!/^[45]/.test(status)) continue;
    response.description ||= STATUS_CODES[Number(status)] ?? 'Error';
    response.content = { 'application/json': { schema: ERROR_REF } };
  }
}
