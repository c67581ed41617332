import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/**
 * How long idle keep-alive connections stay open once a drain begins (at most a quarter of the
 * grace). A proxy may be sending a request on one at this very moment; closing it under that
 * request loses a POST (the proxy may not send it again). Requests that come on them meanwhile
 * are answered with `Connection: close`, so a busy proxy gives each one up itself; what is still
 * idle afterwards is closed. tools/bench-scale.mjs saw 2 POSTs lost in a rolling restart without it.
 */
export const IDLE_LINGER_MS = 1500;

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
 * connections, closes the idle ones after a moment (IDLE_LINGER_MS), answers what is under way with `Connection: close` (so a
 * keep-alive client such as nginx opens its next connection to another process), and cuts
 * whatever is still open when the grace is over. Attach it before the server listens, so it
 * sees every connection and request.
 */
export class HttpDrain {
  private readonly sockets = new Set<Socket>();
  private readonly responses = new Set<ServerResponse>();
  private draining = false;
  /** During a drain's first moments idle connections are left open (IDLE_LINGER_MS). */
  private lingering = false;
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
  async drain(
    graceMs: number,
    lingerMs = Math.min(IDLE_LINGER_MS, graceMs / 4),
  ): Promise<DrainResult> {
    const started = performance.now();
    this.draining = true;
    this.lingering = true;
    const inFlight = this.responses.size;
    const connections = this.sockets.size;
    for (const res of this.responses) closeAfter(res);
    // net.Server's close, not http.Server's: it stops listening but leaves the idle connections
    // (http.Server's closes them at once since Node 19); they go when the linger is over.
    const closed = new Promise<void>((resolve) =>
      NetServer.prototype.close.call(this.server, () => resolve()),
    );
    const linger = setTimeout(() => {
      this.lingering = false;
      this.server.closeIdleConnections();
    }, lingerMs);
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
    clearTimeout(linger);
    this.lingering = false;
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
      // is idle (and the linger is over), close it; a pipelined request behind it still gets
      // its answer first.
      if (!this.lingering) setImmediate(() => this.server.closeIdleConnections());
    });
  }
}

/** Asks Node to close the connection once this response is sent, if its headers are not out. */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}
