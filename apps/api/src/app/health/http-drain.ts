import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** What a drain found and did, for the log line at its end. */
export interface DrainResult {
  /** Requests under way when the drain began. */
  inFlight: number;
  /** Connections open when the drain began (busy and idle). */
  connections: number;
  /** Requests answered during the drain (those under way, and any sent on open connections). */
  answered: number;
  /** Connections still open at the end of the grace, and so cut. */
  cut: number;
  ms: number;
}

/**
 * Lets an HTTP server stop without cutting a request: from `drain()` on it takes no new
 * connections, closes the idle ones, answers what is under way with `Connection: close` (so a
 * keep-alive client such as nginx opens its next connection to another process), and cuts
 * whatever is still open when the grace is over. Attach it before the server listens, so it
 * sees every connection and request.
 */
export class HttpDrain {
  private readonly sockets = new Set<Socket>();
  private readonly responses = new Set<ServerResponse>();
  private draining = false;
  private answered = 0;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    // Ahead of the app's own listener, so the header is set before any handler can answer.
    server.prependListener('request', (_req, res: ServerResponse) => this.track(res));
  }

  /** Requests under way now. */
  get inFlight(): number {
    return this.responses.size;
  }

  /** Connections open now, busy or idle. */
  get connections(): number {
    return this.sockets.size;
  }

  /** Resolves once every connection is closed: by itself, or cut after `graceMs`. */
  async drain(graceMs: number): Promise<DrainResult> {
    const started = performance.now();
    this.draining = true;
    const inFlight = this.responses.size;
    const connections = this.sockets.size;
    for (const res of this.responses) closeAfter(res);
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace over'>((resolve) => {
      timer = setTimeout(() => resolve('grace over'), graceMs);
    });
    let cut = 0;
    if ((await Promise.race([closed, graceOver])) === 'grace over') {
      cut = this.sockets.size;
      this.server.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
      await closed;
    }
    clearTimeout(timer);
    return {
      inFlight,
      connections,
      answered: this.answered,
      cut,
      ms: Math.round(performance.now() - started),
    };
  }

  private track(res: ServerResponse): void {
    if (this.draining) closeAfter(res);
    this.responses.add(res);
    res.once('close', () => {
      this.responses.delete(res);
      if (!this.draining) return;
      if (res.writableFinished) this.answered += 1;
      // A response whose headers went out before the drain kept its connection open: once it
      // is idle, close it (a pipelined request behind it still gets its answer first).
      setImmediate(() => this.server.closeIdleConnections());
    });
  }
}

/** Asks Node to close the connection once this response is sent, if its headers are not out. */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}
