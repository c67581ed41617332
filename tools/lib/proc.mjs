// Child processes: one-shot commands, long-running children, cleanup and signals.
import { spawn } from 'node:child_process';
import { styleText } from 'node:util';
import { ROOT } from './paths.mjs';
import { log, Tail } from './log.mjs';

/** Runs a command with inherited output; rejects when it fails. */
export function run(command, args = [], { env = process.env, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve();
      const error = new Error(
        `\`${[command, ...args].join(' ')}\` failed (${signal ?? `exit ${code}`})`,
      );
      error.exitCode = code ?? 1;
      reject(error);
    });
  });
}

const live = new Set();

// Children run in their own process group (so Ctrl-C reaches only us and we stop them
// in order); if we exit without stopping them, do it here.
process.on('exit', () => {
  for (const child of live) child.process.kill('SIGTERM');
});

/**
 * A long-running child. Its output is kept in `tail` and, with `echo`, printed with a
 * `name │` prefix. `exited` resolves with { code, signal } when it ends.
 */
export class Child {
  constructor(name, command, args, { env = process.env, cwd = ROOT, echo = false } = {}) {
    this.name = name;
    this.echo = echo;
    this.tail = new Tail(60);
    this.running = true;
    this.process = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(this);
    const prefix = styleText('dim', `${name.padEnd(5)}│ `, { stream: process.stdout });
    for (const stream of [this.process.stdout, this.process.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        this.tail.push(chunk);
        if (echo) process.stdout.write(chunk.replace(/^(?=.)/gm, prefix));
      });
    }
    this.exited = new Promise((resolve) => {
      this.process.once('error', (error) => {
        this.tail.push(`${error.message}\n`);
        this.#ended(resolve, { code: null, signal: null, error });
      });
      this.process.once('exit', (code, signal) => this.#ended(resolve, { code, signal }));
    });
  }

  #ended(resolve, result) {
    this.running = false;
    live.delete(this);
    resolve(result);
  }

  /** Sends `signal`, then SIGKILL if it has not exited after `timeoutMs`. */
  async stop({ signal = 'SIGTERM', timeoutMs = 10_000 } = {}) {
    if (!this.running) return;
    this.process.kill(signal);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Cleanup steps, run once in reverse order of registration; failures are logged. */
export class Cleanup {
  #steps = [];
  #done = null;

  add(name, fn) {
    this.#steps.push({ name, fn });
  }

  run() {
    this.#done ??= (async () => {
      for (const { name, fn } of this.#steps.reverse()) {
        try {
          await fn();
        } catch (error) {
          log.warn(`Could not stop ${name}: ${error.message}`);
        }
      }
    })();
    return this.#done;
  }
}

/**
 * `finish(code, message)`: logs `message` as an error, runs `cleanup` and exits with `code`.
 * Only the first call counts, so a child's death and the error it causes elsewhere report
 * once. `onStopped` runs after cleanup, before exiting.
 */
export function finisher(cleanup, { onStopped } = {}) {
  let finishing;
  return (code, message) => {
    finishing ??= (async () => {
      if (message) log.error(message);
      await cleanup.run();
      onStopped?.(code);
      process.exit(code);
    })();
    return finishing;
  };
}

/** Calls `handler(signal)` on the first SIGINT/SIGTERM/SIGHUP; later ones only say so. */
export function onStopSignal(handler) {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (stopping) return log.note(`(${signal} again: still stopping)`);
      stopping = true;
      handler(signal);
    });
  }
}

/**
 * Calls `onExit(child, result)` when one of `children` exits, also when it was stopped on
 * purpose: pair it with a `finisher`, whose first call is the one that counts.
 */
export function watchChildren(children, onExit) {
  for (const child of children) child.exited.then((result) => onExit(child, result));
}

export function describeExit(child, { code, signal }) {
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  const tail = child.tail.text();
  const output = child.echo ? ' (its output is above)' : tail ? `. Last output:\n${tail}` : '';
  return `${child.name} stopped unexpectedly (${how})${output}`;
}
