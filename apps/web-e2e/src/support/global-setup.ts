import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { STACK_ENV, type Stack } from './stack';

const STACK_SCRIPT = join(__dirname, '../../stack.mjs');
const READY_PREFIX = 'E2E_STACK ';
const STOP_TIMEOUT_MS = 30_000;

/**
 * Starts `stack.mjs` (database, Redis prefix, mail catcher, API: private to this run) and waits
 * until it reports where things are; workers inherit those addresses through the environment.
 * The returned function is the global teardown: it closes the script's stdin, on which it
 * stops everything, drops the database and deletes the Redis keys, and waits for it to exit.
 * Should this process die first, the closed pipe tells the script to clean up all the same.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, [STACK_SCRIPT], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

  const ready = new Promise<Stack>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith(READY_PREFIX))
        resolve(JSON.parse(line.slice(READY_PREFIX.length)) as Stack);
      else process.stdout.write(`${line}\n`);
    });
    void exited.then(([code, signal]) =>
      reject(
        new Error(
          `The e2e stack stopped before it was ready (${signal ?? `exit code ${code}`}); see its output above.`,
        ),
      ),
    );
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const [code] = await exited;
    clearTimeout(timer);
    if (code !== 0) throw new Error(`The e2e stack did not stop cleanly (exit code ${code}).`);
  };

  try {
    const stack = await ready;
    process.env[STACK_ENV.baseUrl] = stack.baseUrl;
    process.env[STACK_ENV.mailUrl] = stack.mailUrl;
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return stop;
}
