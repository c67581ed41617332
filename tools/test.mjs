// `npm test`: every check, in order, stopping at the first that fails.
//
//   npm test                           all steps
//   npm test -- --only=lint,unit       just these
//   npm test -- --skip=e2e             all but these
//
// Each step is the npm script of the same purpose, so `npm run lint` runs exactly what the
// lint step runs. The last line is `N passed, N failed`, counting the steps that ran.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { formatDuration, log } from './lib/log.mjs';
import { ROOT } from './lib/paths.mjs';

const STEPS = [
  { name: 'format', script: 'format:check', about: 'Prettier' },
  { name: 'lint', script: 'lint', about: 'ESLint, --max-warnings 0' },
  { name: 'typecheck', script: 'typecheck', about: 'tsc --noEmit per tsconfig' },
  { name: 'unit', script: 'test:unit', about: 'Jest unit tests' },
  { name: 'integration', script: 'test:integration', about: 'API on real PostgreSQL and Redis' },
  { name: 'build', script: 'build', about: 'production build of api and web' },
  { name: 'e2e', script: 'test:e2e', about: 'Playwright in Chromium' },
];

function selectedSteps(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { only: { type: 'string' }, skip: { type: 'string' } },
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
  return STEPS.filter(
    (step) => (only.length === 0 || only.includes(step.name)) && !skip.includes(step.name),
  );
}

// Child processes see no terminal UI from Nx and no daemon; CI=true passes through.
const env = { ...process.env, NX_TUI: 'false', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

function runStep(step) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', step.script], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    });
    child.once('error', (error) => resolve({ code: 1, error }));
    child.once('exit', (code, signal) => resolve({ code: code ?? 1, signal }));
  });
}

function printSummary(results, steps) {
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
}

async function main() {
  const steps = selectedSteps(process.argv.slice(2));
  const results = [];
  for (const [index, step] of steps.entries()) {
    log.heading(
      `\n▶ [${index + 1}/${steps.length}] ${step.name}: ${step.about} (npm run ${step.script})`,
    );
    const started = performance.now();
    const { code, signal, error } = await runStep(step);
    const ms = performance.now() - started;
    const ok = code === 0;
    results.push({ step, ok, ms });
    if (ok) {
      log.ok(`✔ ${step.name} passed in ${formatDuration(ms)}`);
      continue;
    }
    const why = error?.message ?? (signal ? `signal ${signal}` : `exit code ${code}`);
    log.error(`✘ ${step.name} FAILED in ${formatDuration(ms)} (${why}); stopping here`);
    break;
  }
  printSummary(results, steps);
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
