import { HttpStatus, INestApplication, INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import type { HelmetOptions } from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule, ProcessRole } from './app.module';
import { csrfMiddleware } from './auth/csrf.middleware';
import { CSRF_EXEMPT_PATHS } from './common/csrf-exempt';
import { SessionCache } from './auth/session-cache';
import { AppException } from './common/app-exception';
import { createOpenApiDocument } from './common/openapi';
import { healthEndpoint } from './health/health-endpoint';
import { answerHealthAhead } from './health/health-lane';
import { helmetHeaders, securityHeaders } from './common/security-headers';
import { HealthService } from './health/health.service';
import { watchForDrain } from './health/shutdown';
import { FRIENDLY_BODY_ERRORS, GlobalExceptionFilter } from './common/global-exception.filter';
import { keepIdleConnectionsLongerThanTheProxy } from './common/http-keep-alive';
import { countQueriesPerRequest } from './common/query-count';
import { verifyJsonDepth } from './common/json-depth';
import { noteSurrogateEscapes, wellFormedBodies } from './common/well-formed-text';
import { PinoLogger } from './common/logger';
import { heartbeatLane } from './progress/heartbeat-lane';
import { requestIdMiddleware } from './common/request-id.middleware';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { rawBodyMiddleware } from './video/raw-body.middleware';
import { serveStaticFiles } from './web-client/static-files';

/** Mux signs the exact bytes of its webhooks: this path gets its body raw, not parsed. */
export const RAW_BODY_PATHS = ['/api/webhooks/mux'];

/**
 * Body-parser errors reach Nest as a bare 400 with the parser's wording (Nest turns the
 * SyntaxError into a BadRequestException); pass on words a person can act on, and a code.
 */
function friendlyBodyParserErrors(
  err: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  const e = err as { type?: string; status?: number } | undefined;
  const friendly = e?.type ? FRIENDLY_BODY_ERRORS[e.type] : undefined;
  next(
    friendly
      ? new AppException(e?.status ?? HttpStatus.BAD_REQUEST, friendly.code, friendly.message)
      : err,
  );
}

/** The security headers helmet puts on every answer. */
function helmetOptions(config: AppConfig): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        // Newsletters may hold images from any https address (the editor only takes https);
        // the preview and the web version show them as the mail does.
        'img-src': ["'self'", 'data:', 'https:'],
        'font-src': ["'self'", 'data:'],
        // Mux: playback manifests and segments, and direct uploads (to Google Cloud Storage).
        'connect-src': ["'self'", 'https://*.mux.com', 'https://storage.googleapis.com'],
        'media-src': ["'self'", 'blob:', 'https://stream.mux.com'],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  };
}

/** Builds the HTTP app exactly as production runs it; tests call this too. */
export async function createHttpApp(
  config: AppConfig,
  role: Exclude<ProcessRole, 'worker'>,
): Promise<INestApplication> {
  const logger = new PinoLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, role), {
    logger,
    bufferLogs: false,
  });
  keepIdleConnectionsLongerThanTheProxy(app.getHttpServer());
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  if (config.countQueries) countQueriesPerRequest(app, config.queryLog);
  app.use(RAW_BODY_PATHS, rawBodyMiddleware(1024 * 1024));
  app.useBodyParser('json', {
    limit: '1mb',
    verify: (req: unknown, res: unknown, buf: Buffer) => {
      verifyJsonDepth(req, res, buf);
      noteSurrogateEscapes(req, buf);
    },
  });
  app.use(friendlyBodyParserErrors);
  app.use(wellFormedBodies);
  const security = securityHeaders(helmetHeaders(helmetOptions(config)));
  app.use(security);
  app.use('/api/health', healthEndpoint(app.get(HealthService)));
  answerHealthAhead(app.getHttpServer(), app.get(HealthService), security);
  app.use(cookieParser());
  app.use('/api', csrfMiddleware(config, CSRF_EXEMPT_PATHS));
  const errors = new GlobalExceptionFilter();
  app.use('/api/lessons', heartbeatLane(app, errors));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(errors);
  // No enableShutdownHooks: on SIGTERM main.ts drains HTTP first (stopHttpApp), then closes the
  // app; Nest's own handler would close the providers under requests still being answered.
  watchForDrain(app);

  const document = createOpenApiDocument(
    app,
    config.secureCookies ? '__Host-blup_session' : 'blup_session',
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (config.webDist) serveWebClient(app, config.webDist);
  // Listening for stale sessions before the first request, so every request can use the cache.
  await app.get(SessionCache).ready();
  return app;
}

/**
 * Serves the built Angular app on the same origin, with index.html for client routes: the
 * build's precompressed files, cached for a year when their names carry a content hash.
 */
function serveWebClient(app: NestExpressApplication, webDist: string): void {
  const index = join(resolve(webDist), 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(
      `WEB_DIST is set but ${index} does not exist; the web client is not served.`,
    );
    return;
  }
  app.use(serveStaticFiles(webDist));
}

/**
 * The worker role: no HTTP, only the queue processors (and the hotline's SMTP listener). On
 * SIGTERM main.ts calls `close()`: the queues stop and finish their running jobs (QueueDrain),
 * then the providers close.
 */
export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(AppModule.forRoot(config, 'worker'), {
    logger: new PinoLogger(config.logLevel),
  });
}

/** The API's modules without HTTP or queue processors, for a one-off command (main.ts). */
export async function createCommandContext(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(AppModule.forRoot(config, 'api'), {
    logger: new PinoLogger(config.logLevel),
  });
}
