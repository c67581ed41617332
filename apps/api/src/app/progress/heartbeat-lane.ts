import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { signIn } from '../auth/session.guard';
import { SessionService } from '../auth/session.service';
import { notSignedIn } from '../auth/current-user.decorator';
import type { GlobalExceptionFilter } from '../common/global-exception.filter';
import { idPipe } from '../common/id-param';
import { createValidationPipe } from '../common/validation';
import { HeartbeatBody } from './progress.dto';
import { ProgressService } from './progress.service';

/**
 * `/{lesson id}/heartbeats` under the lane's mount point, `/api/lessons`. An id with a percent
 * escape is left to Nest's router, which decodes (or refuses) it as for every route.
 */
const HEARTBEAT_PATH = /^\/([^/%]+)\/heartbeats$/;

/**
 * `POST /api/lessons/:id/heartbeats` answered ahead of Nest's router. Every viewer's player sends
 * one every few seconds, so it is the API's busiest write; Nest's per-request machinery (the
 * router's walk over every route, the guard's metadata lookups, the parameter pipeline) cost more
 * than the heartbeat's own statement, which heartbeats arriving together share.
 *
 * It answers exactly what ProgressController.heartbeat (which documents the route) would, with
 * the same parts in the same order: the session guard's sign-in (401), the lesson id's pipe (400
 * `invalid_id`), the global validation pipe on the body (400 with details), then
 * ProgressService.heartbeat, and errors through the global exception filter. It runs after the
 * security headers, the body and cookie parsers and the CSRF check, like every route.
 * Mounted at `/api/lessons`; any other method or path (a trailing slash, other letter case)
 * passes on to Nest, which answers it as before.
 */
export function heartbeatLane(app: INestApplication, errors: GlobalExceptionFilter) {
  const sessions = app.get(SessionService);
  const progress = app.get(ProgressService);
  const lessonId = idPipe('lesson');
  const validation = createValidationPipe();

  const answer = async (req: Request, res: Response, id: string): Promise<void> => {
    const user = await signIn(sessions, req);
    if (!user) throw notSignedIn();
    const lesson = await lessonId.transform(id, { type: 'param', data: 'id' });
    const body: HeartbeatBody = await validation.transform(req.body, {
      type: 'body',
      metatype: HeartbeatBody,
    });
    res.status(200).json(await progress.heartbeat(user, lesson, body));
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    const match = req.method === 'POST' ? HEARTBEAT_PATH.exec(req.path) : null;
    if (!match) return next();
    answer(req, res, match[1]).catch((err: unknown) => errors.respond(err, req, res));
  };
}
