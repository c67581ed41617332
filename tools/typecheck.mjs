// `npm run typecheck`: `tsc --noEmit -p` for every project tsconfig under apps/ and libs/
// (tsconfig.app/lib/spec/e2e.json, and tsconfig.json unless it is a solution-style file
// with "files": []), two at a time.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { formatDuration, log } from './lib/log.mjs';
import { ROOT } from './lib/paths.mjs';

const CONFIG_NAME = /^tsconfig(\.(app|lib|spec|e2e))?\.json$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out-tsc', 'coverage', '.angular', '.nx']);
const CONCURRENCY = 2;
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

function findConfigs(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // apps/ or libs/ not there
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : findConfigs(path);
    return CONFIG_NAME.test(entry.name) ? [path] : [];
  });
}

function isSolutionStyle(path) {
  const { config, error } = ts.readConfigFile(path, ts.sys.readFile);
  if (error) return false; // let tsc report it
  return Array.isArray(config.files) && config.files.length === 0;
}

function typecheck(path) {
  return new Promise((resolve) => {
    const started = performance.now();
    const pretty = String(Boolean(process.stdout.isTTY));
    const args = [TSC, '--noEmit', '--pretty', pretty, '-p', path];
    const child = spawn(process.execPath, args, { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      resolve({ path, ok: code === 0, output, ms: performance.now() - started });
    });
  });
}

function report({ path, ok, output, ms }) {
  const name = relative(ROOT, path);
  if (ok) return log.ok(`✔ ${name} (${formatDuration(ms)})`);
  log.error(`✘ ${name} (${formatDuration(ms)})`);
  process.stdout.write(output);
}

async function main() {
  const configs = ['apps', 'libs']
    .flatMap((dir) => findConfigs(join(ROOT, dir)))
    .filter((path) => !isSolutionStyle(path))
    .sort();
  const queue = [...configs];
  const results = [];
  const worker = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      const result = await typecheck(path);
      report(result);
      results.push(result);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  const failed = results.filter((result) => !result.ok).length;
  if (failed > 0) {
    log.error(`Type errors in ${failed} of ${results.length} tsconfig files.`);
    process.exit(1);
  }
  log.ok(`Type-checked ${results.length} tsconfig files: no errors.`);
}

await main();
