// A lean HTTP/1.1 client for the bench's load: one keep-alive TCP connection that sends a request
// written out once as bytes, and reads the answer with no more parsing than the bench needs (the
// status, the length of the body, and one header when asked). Node's own client (http.request
// with an Agent) spent about 250 µs of CPU per request on the bench's 2-core machine, a sixth of
// what the API, PostgreSQL and the load generator spent together, and that CPU was taken from the
// servers being measured; this one spends about 90 µs (issue 14). `npm run bench -- --client=lean`.
//
// It understands what the API and the bare servers send: a body sized by Content-Length or sent
// chunked, on a connection kept alive or closed after the answer. One request at a time per
// connection (no pipelining), as a browser or Node's Agent does.
import http from 'node:http';
import net from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');
/** ResponseReader's body length when there is none to read: sent chunked, or until the close. */
const CHUNKED = -1;
const UNTIL_CLOSE = -2;

/**
 * One request, ready to send as often as needed: its bytes for LeanConnection, its parts for
 * NodeConnection. `headers` is a plain object; a body (string or Buffer) gets its Content-Length.
 */
export function prepareRequest(url, { method = 'GET', headers = {}, body } = {}) {
  return { url, method, headers, body, bytes: requestBytes(url, { method, headers, body }) };
}

function requestBytes(url, { method, headers, body }) {
  const { host, pathname, search } = new URL(url);
  const lines = [`${method} ${pathname}${search} HTTP/1.1`, `Host: ${host}`];
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'content-length') lines.push(`${name}: ${value}`);
  }
  const payload = body === undefined ? null : Buffer.from(body);
  if (payload) lines.push(`Content-Length: ${payload.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return payload ? Buffer.concat([head, payload]) : head;
}

/**
 * Reads one HTTP/1.1 answer from the chunks it arrives in. `push(chunk)` returns null while the
 * answer is incomplete, else { status, head, close, rest } (`head`: the status line and headers as
 * text; `close`: the server ends the connection; `rest`: bytes past the answer).
 */
export class ResponseReader {
  #buffer = null;
  #head = null;
  #status = 0;
  #close = false;
  #length = 0; // the body's length (Content-Length), or CHUNKED, or UNTIL_CLOSE

  push(chunk) {
    this.#buffer = this.#buffer ? Buffer.concat([this.#buffer, chunk]) : chunk;
    if (this.#head === null) {
      const end = this.#buffer.indexOf(HEADER_END);
      if (end < 0) return null;
      this.#head = this.#buffer.latin1Slice(0, end);
      this.#buffer = this.#buffer.subarray(end + 4);
      this.#status = Number(this.#head.slice(9, 12));
      this.#close = /\r\nconnection:[ \t]*close/i.test(this.#head);
      const chunked = /\r\ntransfer-encoding:[^\r]*chunked/i.test(this.#head);
      const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(this.#head);
      const bodiless = this.#status === 204 || this.#status === 304;
      this.#length = chunked ? CHUNKED : bodiless ? 0 : length ? Number(length[1]) : UNTIL_CLOSE;
    }
    if (this.#length === CHUNKED) return this.#chunks();
    // No length and not chunked: the body runs until the server closes (not used by the API).
    if (this.#length === UNTIL_CLOSE) return null;
    if (this.#buffer.length < this.#length) return null;
    return this.#done(this.#length);
  }

  /** The answer to a body that runs until the connection closes, when it does. */
  end() {
    if (this.#head === null || this.#length !== UNTIL_CLOSE) return null;
    return this.#done(this.#buffer.length);
  }

  #chunks() {
    // Walks the chunk sizes from the start each time: answers here are a few chunks at most.
    let at = 0;
    for (;;) {
      const lineEnd = this.#buffer.indexOf(CRLF, at);
      if (lineEnd < 0) return null;
      const size = parseInt(this.#buffer.latin1Slice(at, lineEnd), 16);
      if (Number.isNaN(size)) throw new Error('malformed chunk size');
      if (size === 0) {
        // The last chunk, then trailers (none expected) and an empty line.
        const end = this.#buffer.indexOf(HEADER_END, lineEnd - 2);
        return end < 0 ? null : this.#done(end + 4);
      }
      at = lineEnd + 2 + size + 2;
      if (this.#buffer.length < at) return null;
    }
  }

  #done(consumed) {
    const answer = {
      status: this.#status,
      head: this.#head,
      close: this.#close,
      rest: this.#buffer.subarray(consumed),
    };
    this.#buffer = null;
    this.#head = null;
    return answer;
  }
}

/**
 * One keep-alive connection to `url`'s host. `send(request)` resolves with { status, header } or
 * rejects when the connection fails or `timeoutMs` passes; after a failure or a `Connection:
 * close` the next send opens a new connection.
 */
export class LeanConnection {
  #host;
  #port;
  #timeoutMs;
  #socket = null;
  #reader = null;
  #pending = null;
  #timer = null;

  constructor(url, { timeoutMs = 10_000 } = {}) {
    const { hostname, port } = new URL(url);
    this.#host = hostname.replace(/^\[|\]$/g, '');
    this.#port = Number(port) || 80;
    this.#timeoutMs = timeoutMs;
  }

  send(request) {
    if (this.#pending) return Promise.reject(new Error('a request is already in flight'));
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#timer = setTimeout(() => this.#fail(new Error('timeout')), this.#timeoutMs);
      this.#connected().write(request.bytes);
    });
  }

  close() {
    this.#socket?.destroy();
    this.#socket = null;
  }

  #connected() {
    if (this.#socket) return this.#socket;
    const socket = net.connect({ host: this.#host, port: this.#port, noDelay: true });
    this.#socket = socket;
    this.#reader = new ResponseReader();
    socket.on('data', (chunk) => {
      let answer;
      try {
        answer = this.#reader.push(chunk);
      } catch (error) {
        this.#fail(error);
        return;
      }
      if (answer) this.#finish(answer);
    });
    socket.on('error', (error) => this.#drop(socket, error));
    socket.on('close', () => {
      const answer = this.#socket === socket ? this.#reader.end() : null;
      if (answer) this.#finish(answer);
      this.#drop(socket, new Error('connection closed before the answer ended'));
    });
    return socket;
  }

  #finish(answer) {
    if (answer.close || answer.rest.length > 0) this.close();
    const { status, head } = answer;
    this.#take()?.resolve({ status, header: (name) => headerValue(head, name) });
  }

  #drop(socket, error) {
    if (this.#socket !== socket) return;
    this.#socket = null;
    if (this.#pending) this.#fail(error);
  }

  #fail(error) {
    this.close();
    this.#take()?.reject(error);
  }

  /** The request in flight, no longer waited for. */
  #take() {
    const pending = this.#pending;
    this.#pending = null;
    clearTimeout(this.#timer);
    return pending;
  }
}

/**
 * The same connection through Node's own client (http.request with a keep-alive Agent of one
 * socket): what the bench used before, kept to compare runs with earlier ones
 * (`npm run bench -- --client=node`).
 */
export class NodeConnection {
  #agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  #timeoutMs;

  constructor(_url, { timeoutMs = 10_000 } = {}) {
    this.#timeoutMs = timeoutMs;
  }

  send({ url, method, headers, body }) {
    return new Promise((resolve, reject) => {
      const outgoing = body === undefined ? {} : { 'content-length': Buffer.byteLength(body) };
      const request = http.request(
        url,
        {
          method,
          agent: this.#agent,
          headers: { ...headers, ...outgoing },
          timeout: this.#timeoutMs,
        },
        (response) => {
          response.resume(); // read and drop the body
          response.on('end', () =>
            resolve({
              status: response.statusCode,
              header: (name) => response.headers[name.toLowerCase()],
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', reject);
      request.end(body);
    });
  }

  close() {
    this.#agent.destroy();
  }
}

/** The bench's HTTP clients by name (`--client`). */
export const CLIENTS = { lean: LeanConnection, node: NodeConnection };

/** A connection with the client BENCH_CLIENT names (Node's own unless it says lean). */
export function openConnection(url, options) {
  const Client = CLIENTS[process.env.BENCH_CLIENT ?? 'node'] ?? NodeConnection;
  return new Client(url, options);
}

/** The value of header `name` in an answer's `head`, or undefined. */
function headerValue(head, name) {
  const match = new RegExp(`\\r\\n${name}:[ \\t]*([^\\r]*)`, 'i').exec(head);
  return match ? match[1] : undefined;
}
