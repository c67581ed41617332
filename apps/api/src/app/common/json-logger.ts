import { LoggerService } from '@nestjs/common';
import { requestContext } from './request-context';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Nest's line-per-route and line-per-module start-up messages: useful when debugging only. */
const STARTUP_CHATTER = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader']);

/** Keys whose values never reach a log line, wherever they appear. */
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

/** One JSON object per line on stdout, carrying the request id of the request being served. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly minLevel: Level = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

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

  private emit(wanted: Level, message: unknown, rest: unknown[]): void {
    // Nest passes the context (class name) last, and for errors a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const level = wanted === 'info' && context && STARTUP_CHATTER.has(context) ? 'debug' : wanted;
    if (ORDER[level] < ORDER[this.minLevel]) return;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      context,
      requestId: requestContext.get()?.requestId,
    };
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      Object.assign(entry, redact(message));
    } else {
      entry['msg'] = message instanceof Error ? message.message : String(message);
    }
    const stack = rest.find((r) => typeof r === 'string' && r.includes('\n    at '));
    if (stack) entry['stack'] = stack;
    this.write(JSON.stringify(entry));
  }
}
