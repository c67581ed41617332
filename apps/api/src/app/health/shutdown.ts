import { type INestApplication, Logger } from '@nestjs/common';
import { flushLogs } from '../common/logger';
import { HealthService } from './health.service';
import { type DrainResult, HttpDrain } from './http-drain';

const logger = new Logger('Shutdown');

/** Each HTTP app's drain, attached when the app is built (see createHttpApp). */
const drains = new WeakMap<INestApplication, HttpDrain>();

/** Starts watching the app's connections and requests, so a later `stopHttpApp` can drain them. */
export function watchForDrain(app: INestApplication): void {
  drains.set(app, new HttpDrain(app.getHttpServer()));
}

/** The drain watching an HTTP app built by createHttpApp (tests read its counts). */
export function httpDrainOf(app: INestApplication): HttpDrain | undefined {
  return drains.get(app);
}

/**
 * The part of the grace kept for closing the app once HTTP has drained (the database pool,
 * Redis, and in the `all` role the queue jobs still running), so the process exits within it.
 */
export function closeReserveMs(graceMs: number): number {
  return Math.min(2000, Math.floor(graceMs / 4));
}

/**
 * Stops an HTTP process in the right order: readiness says 503 (draining), the listener closes,
 * idle connections close, the requests under way finish (or are cut at the grace), and only then
 * the app closes, with the database and Redis its last requests needed.
 */
export async function stopHttpApp(
  app: INestApplication,
  graceMs: number,
  reason = 'Stop',
): Promise<DrainResult> {
  const drain = drains.get(app);
  if (!drain) throw new Error('stopHttpApp: the app was not built by createHttpApp');
  app.get(HealthService).startDraining();
  logger.log(
    `${reason}: draining HTTP, ${drain.inFlight} requests under way on ` +
      `${drain.connections} connections (grace ${graceMs / 1000} s).`,
  );
  const result = await drain.drain(graceMs - closeReserveMs(graceMs));
  logger.log(
    `Drained HTTP in ${result.ms} ms: ${result.answered} requests answered, ` +
      `${result.cut} connections cut.`,
  );
  await app.close();
  return result;
}

/** Where signals come from: the process, or in tests an emitter of their own. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/**
 * On the first SIGTERM or SIGINT runs `stop` and exits 0 when it is done. Exits 1 if it is not
 * done within `graceMs` (requests still open are cut; jobs still running are left to Bull, whose
 * stalled-job check gives them to another worker) or on a second signal. Returns a function
 * that stops listening (for tests).
 */
export function exitOnShutdownSignal(
  stop: (signal: NodeJS.Signals) => Promise<unknown>,
  graceMs: number,
  exit: (code: number) => void = exitNow,
  signals: SignalSource = process,
): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`${signal} again: exiting at once.`);
      return exit(1);
    }
    stopping = true;
    const started = performance.now();
    const graceOver = setTimeout(() => {
      logger.error(`Not stopped within the grace of ${graceMs / 1000} s: exiting.`);
      exit(1);
    }, graceMs);
    graceOver.unref();
    stop(signal).then(
      () => {
        clearTimeout(graceOver);
        logger.log(`Stopped in ${Math.round(performance.now() - started)} ms.`);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(graceOver);
        logger.error({ msg: 'Shutdown failed', error: String(error) });
        exit(1);
      },
    );
  };
  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
  return () => {
    signals.off('SIGTERM', onSignal);
    signals.off('SIGINT', onSignal);
  };
}

function exitNow(code: number): void {
  flushLogs();
  process.exit(code);
}
