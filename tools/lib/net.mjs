// Ports and readiness checks, loopback only.
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeExit } from './proc.mjs';

const HOST = '127.0.0.1';

function tryListen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Listens `server` on the first free port from `first` (up to `first + tries - 1`),
 * or on any free port when `first` is 0. Resolves with the port.
 */
export async function listenOnFreePort(server, first = 0, { host = HOST, tries = 20 } = {}) {
  if (first === 0) return tryListen(server, 0, host);
  for (let port = first; port < first + tries; port += 1) {
    try {
      return await tryListen(server, port, host);
    } catch (error) {
      if (error.code !== 'EADDRINUSE') throw error;
    }
  }
  return tryListen(server, 0, host);
}

/** A port that was free a moment ago: `preferred` if it is, else one the system picks. */
export async function freePort(preferred = 0) {
  const server = net.createServer();
  const port = await listenOnFreePort(server, preferred, { tries: 1 });
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** True when nothing listens on `port` on any interface. */
export async function isPortFree(port) {
  const server = net.createServer();
  try {
    await tryListen(server, port, undefined);
    return true;
  } catch {
    return false;
  } finally {
    server.close();
  }
}

/**
 * Polls `url` until it answers 200. Gives up after `timeoutMs`, or as soon as `child`
 * (a started child, see proc.mjs) exits.
 */
export async function waitForHttp(url, { timeoutMs = 120_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child && !child.running) throw new Error(describeExit(child, await child.exited));
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(250);
  }
  const output = child ? `\n${child.name} output:\n${child.tail.text()}` : '';
  throw new Error(
    `${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})${output}`,
  );
}

/** Sends a raw Redis PING; resolves true on +PONG. */
export function redisPing(port, host = HOST) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('timeout', () => socket.destroy());
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}
