import { Injectable, LoggerService, OnApplicationShutdown } from '@nestjs/common';
import pino, { DestinationStream, Logger as Pino } from 'pino';
import { requestContext } from './request-context';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Nest's line-per-route and line-per-module start-up messages: useful when debugging only. */
const STARTUP_CHATTER = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader']);

/**
 * Keys whose values never reach a log line, wherever they appear. Pino's own `redact` takes
 * exact paths; this rule is by name at any depth, so it runs as pino's log formatter.
 */
const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|hash|signature|key/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}

let stdout: ReturnType<typeof pino.destination> | undefined;

/** Lines are gathered up to this many bytes per write, and written at least this often. */
const LOG_BUFFER_BYTES = 4096;
const LOG_FLUSH_MS = 250;

/**
 * One stdout stream for the whole process, written asynchronously and in batches: under load a
 * write per line (one per request) costs more than the request's own work, so lines are gathered
 * up to LOG_BUFFER_BYTES and written at least every LOG_FLUSH_MS (pino flushes it on exit;
 * `flushLogs` does it on shutdown). No transports: they run in worker threads, which the webpack
 * bundle cannot start.
 */
function stdoutStream(): DestinationStream {
  if (!stdout) {
    const stream = pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES });
    stdout = stream;
    setInterval(() => {
      try {
        stream.flush();
      } catch {
        // Not open yet: nothing to write.
      }
    }, LOG_FLUSH_MS).unref();
  }
  return stdout;
}

/** Writes out what the stdout stream still holds. */
export function flushLogs(): void {
  try {
    stdout?.flushSync();
  } catch {
    // Not open yet, or already closed: nothing to write.
  }
}

/** One JSON line per entry: time, level, context, requestId of the request being served, msg. */
export function createPino(level: LogLevel, destination = stdoutStream()): Pino {
  return pino(
    {
      level,
      base: undefined,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => ({ requestId: requestContext.get()?.requestId }),
      formatters: {
        level: (label) => ({ level: label }),
        log: (entry) => redact(entry) as Record<string, unknown>,
      },
    },
    destination,
  );
}

/** Nest's logger interface over pino. */
export class PinoLogger implements LoggerService {
  private readonly pino: Pino;

  constructor(level: LogLevel = 'info', destination?: DestinationStream) {
    this.pino = createPino(level, destination);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }

  private emit(wanted: LogLevel, message: unknown, rest: unknown[]): void {
    // Nest passes the context (class name) last, and for errors a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const level = wanted === 'info' && context && STARTUP_CHATTER.has(context) ? 'debug' : wanted;
    if (!this.pino.isLevelEnabled(level)) return;
    const stack = rest.find((r) => typeof r === 'string' && r.includes('\n    at '));
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      this.pino[level]({ context, ...message, stack });
    } else {
      const msg = message instanceof Error ? message.message : String(message);
      this.pino[level]({ context, stack }, msg);
    }
  }
}

/** Writes out buffered log lines when the app closes (SIGTERM does not run exit handlers). */
@Injectable()
export class FlushLogsOnShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    flushLogs();
  }
}
