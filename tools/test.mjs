// `npm test`: every check, stopping at the first that fails.
//
//   npm test                           all steps
//   npm test -- --only=lint,unit       just these
//   npm test -- --skip=e2e             all but these
//   npm test -- --lanes                the integration tests beside the build and browser tests
//
// Each step is the npm script of the same purpose, so `npm run lint` runs exactly what the
// lint step runs. The steps run one after another. With `--lanes` (or TEST_LANES=1) the
// integration tests run beside the build and the browser tests instead (they share nothing:
// each makes its own database, Redis prefix and ports), their lines prefixed with the step's
// name; on two cores that saves little and the timing-sensitive tests (a worker killed
// mid-send, leases of seconds) get starved, so it is not the default. The last line is
// `N passed, N failed`, counting the steps that ran.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { formatDuration, log } from './lib/log.mjs';
import { ROOT } from './lib/paths.mjs';

/** Steps in order; those with the same `lane` letter after the first run beside each other. */
const STEPS = [
  { name: 'format', script: 'format:check', about: 'Prettier' },
  { name: 'lint', script: 'lint', about: 'ESLint, --max-warnings 0' },
  { name: 'typecheck', script: 'typecheck', about: 'tsc --noEmit per tsconfig' },
  { name: 'unit', script: 'test:unit', about: 'Jest unit tests' },
  {
    name: 'integration',
    script: 'test:integration',
    about: 'API on real PostgreSQL and Redis',
    lane: 'a',
  },
  { name: 'build', script: 'build', about: 'production build of api and web', lane: 'b' },
  { name: 'e2e', script: 'test:e2e', about: 'Playwright in Chromium', lane: 'b' },
];

function parse(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      skip: { type: 'string' },
      lanes: { type: 'boolean', default: false },
    },
  });
  const names = (list) =>
    (list ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
  const only = names(values.only);
  const skip = names(values.skip);
  const unknown = [...only, ...skip].filter((name) => !STEPS.some((step) => step.name === name));
  if (unknown.length > 0) {
    const known = STEPS.map((step) => step.name).join(', ');
    throw new Error(`Unknown step(s): ${unknown.join(', ')}. Steps: ${known}`);
  }
  const steps = STEPS.filter(
    (step) => (only.length === 0 || only.includes(step.name)) && !skip.includes(step.name),
  );
  return { steps, serial: !(values.lanes || process.env['TEST_LANES'] === '1') };
}

/**
 * The steps as stages run in order: each stage is a list of lanes run side by side, each lane a
 * list of steps run in order. Steps without a lane are stages of their own.
 */
function stagesOf(steps, serial) {
  const stages = [];
  for (const step of steps) {
    const last = stages.at(-1);
    if (!serial && step.lane && last?.parallel) {
      const lane = last.lanes.find((candidate) => candidate[0].lane === step.lane);
      if (lane) lane.push(step);
      else last.lanes.push([step]);
      continue;
    }
    stages.push({ parallel: Boolean(step.lane) && !serial, lanes: [[step]] });
  }
  return stages;
}

// Child processes see no terminal UI from Nx and no daemon; CI=true passes through.
const env = { ...process.env, NX_TUI: 'false', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

/** Runs one step; with a `prefix`, each line of its output is printed behind it. */
function runStep(step, prefix) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', step.script], {
      cwd: ROOT,
      env: prefix ? { ...env, FORCE_COLOR: '0' } : env,
      stdio: prefix ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    });
    if (prefix) {
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) =>
          out.write(`${prefix}${line}\n`),
        );
      }
    }
    child.once('error', (error) => resolve({ code: 1, error }));
    child.once('close', (code, signal) => resolve({ code: code ?? 1, signal }));
  });
}

async function runLane(lane, { prefixed, results, steps }) {
  for (const step of lane) {
    const number = steps.indexOf(step) + 1;
    const total = steps.length;
    const prefix = prefixed ? `[${step.name}] ` : '';
    log.heading(
      `\n▶ [${number}/${total}] ${step.name}: ${step.about} (npm run ${step.script})${
        prefixed ? ', beside the other lane' : ''
      }`,
    );
    const started = performance.now();
    const { code, signal, error } = await runStep(step, prefix);
    const ms = performance.now() - started;
    const ok = code === 0;
    results.push({ step, ok, ms });
    if (ok) {
      log.ok(`✔ ${step.name} passed in ${formatDuration(ms)}`);
      continue;
    }
    const why = error?.message ?? (signal ? `signal ${signal}` : `exit code ${code}`);
    log.error(`✘ ${step.name} FAILED in ${formatDuration(ms)} (${why})`);
    return false;
  }
  return true;
}

function printSummary(results, steps, ms) {
  log.heading('\nSummary');
  for (const step of steps) {
    const result = results.find((entry) => entry.step === step);
    if (!result) {
      log.note(`  - ${step.name.padEnd(12)} not run`);
      continue;
    }
    const line = `  ${result.ok ? '✔' : '✘'} ${step.name.padEnd(12)} ${formatDuration(result.ms)}`;
    if (result.ok) log.ok(line);
    else log.error(line);
  }
  log.note(`  (all steps: ${formatDuration(ms)})`);
}

async function main() {
  const { steps, serial } = parse(process.argv.slice(2));
  const results = [];
  const started = performance.now();
  for (const stage of stagesOf(steps, serial)) {
    const prefixed = stage.lanes.length > 1;
    const outcomes = await Promise.all(
      stage.lanes.map((lane) => runLane(lane, { prefixed, results, steps })),
    );
    if (outcomes.includes(false)) {
      log.error('stopping here');
      break;
    }
  }
  printSummary(results, steps, performance.now() - started);
  const passed = results.filter((result) => result.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  log.error(error.message);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
