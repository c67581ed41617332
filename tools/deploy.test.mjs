// node --test tools/deploy.test.mjs (part of `npm run test:unit`): the deployment files
// (issue 18) as the real tools read them. docker-compose checks both compose files and the
// parsed result; nginx checks deploy/nginx/blup.conf; the Dockerfile's final stage is read for
// what production needs; the image's health check runs against real servers.
//
// No container engine is needed. Off CI, the compose and nginx checks are skipped (with a
// message) when docker-compose or nginx is missing; on CI (.ci/run installs both) they fail.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
// js-yaml comes with @nestjs/swagger, a dependency of the API.
import { load as parse } from 'js-yaml';
import { runningRole } from '../deploy/healthcheck.mjs';
import { WORKER_NODE_FLAGS } from './lib/api.mjs';
import { ROOT } from './lib/paths.mjs';

const execFileAsync = promisify(execFile);
const CI = Boolean(process.env['CI']);
const APP_SERVICES = ['migrate', 'api-1', 'api-2', 'worker'];
const HEALTHCHECK = join(ROOT, 'deploy/healthcheck.mjs');

/** What a deployment's .env must hold at least (docker-compose.yml marks them required). */
const REQUIRED_ENV = {
  POSTGRES_PASSWORD: 'e3b0c44298fc1c149afbf4c8996fb924',
  PUBLIC_URL: 'https://blup.example.dk',
  SIGNING_SECRET: 'a'.repeat(43),
  SMTP_URL: 'smtp://mail.example.dk:587',
  MAIL_FROM: 'BLUP Akademiet <no-reply@blup.example.dk>',
};

/**
 * The full path of `command`, or null: on the PATH, or in the sbin folders a non-root PATH
 * leaves out (Debian's nginx). Asking the tool itself costs seconds for docker-compose.
 */
function which(command) {
  const folders = [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/sbin'];
  const found = folders.find((folder) => folder && existsSync(join(folder, command)));
  return found ? join(found, command) : null;
}

/** Why a check cannot run here, or null when it can; on CI a missing tool is a failure. */
function missing(tool, present) {
  if (present) return null;
  if (CI) throw new Error(`${tool} is missing on CI (.ci/run installs it)`);
  return `${tool} is not installed (apt-get install ${tool}); skipped off CI`;
}

const tmp = mkdtempSync(join(tmpdir(), 'blup-deploy-test-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Runs docker-compose on a copy of `file` in its own folder with `env` as its .env (compose
 * wants the env_file to exist); resolves with { code, stdout, stderr, dir }.
 */
async function compose(file, env, ...args) {
  const dir = mkdtempSync(join(tmp, 'compose-'));
  writeFileSync(join(dir, 'docker-compose.yml'), readFileSync(join(ROOT, file)));
  const dotenv = Object.entries(env).map(([name, value]) => `${name}=${value}\n`);
  writeFileSync(join(dir, '.env'), dotenv.join(''));
  // Only the variables given count: none leaks in from the shell that runs the tests.
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !(name in REQUIRED_ENV)),
  );
  try {
    const { stdout, stderr } = await execFileAsync(
      which('docker-compose'),
      ['--no-ansi', ...args],
      {
        cwd: dir,
        env: clean,
      },
    );
    return { code: 0, stdout, stderr, dir };
  } catch (error) {
    return { code: error.code ?? 1, stdout: error.stdout, stderr: error.stderr, dir };
  }
}

const composeSkip = missing('docker-compose', which('docker-compose'));

describe('docker-compose.yml', { skip: composeSkip ?? false }, () => {
  const { SIGNING_SECRET: _left, ...withoutSecret } = REQUIRED_ENV;
  let config;
  let dir;
  let noSecret;
  let dev;

  before(async () => {
    // Each run of docker-compose takes a second or two to start: all three at once. `config`
    // checks the file as `config -q` does, and prints the result.
    let printed;
    [printed, noSecret, dev] = await Promise.all([
      compose('docker-compose.yml', REQUIRED_ENV, 'config'),
      compose('docker-compose.yml', withoutSecret, 'config', '-q'),
      compose('docker-compose.dev.yml', {}, 'config'),
    ]);
    assert.equal(printed.code, 0, printed.stderr);
    config = parse(printed.stdout);
    dir = printed.dir;
  });

  test('every service has a health check, a restart policy and rotated logs', () => {
    const services = Object.keys(config.services).sort();
    assert.deepEqual(services, [
      'api-1',
      'api-2',
      'migrate',
      'nginx',
      'postgres',
      'redis',
      'worker',
    ]);
    for (const [name, service] of Object.entries(config.services)) {
      assert.ok(service.healthcheck?.test?.length, `${name} has no healthcheck`);
      assert.ok(service.restart, `${name} has no restart policy`);
      assert.ok(service.logging?.options?.['max-size'], `${name}'s log file is not rotated`);
    }
    assert.equal(config.services.migrate.restart, 'no', 'migrate runs once');
  });

  test('the app roles run one image, after the migration, with time to drain', () => {
    const [first, ...others] = APP_SERVICES.map((name) => config.services[name]);
    for (const [index, service] of others.entries()) {
      const name = APP_SERVICES[index + 1];
      assert.deepEqual(service.build, first.build, `${name} builds another image`);
      assert.equal(service.image, first.image, `${name} runs another image`);
    }
    assert.equal(relative(dir, first.build.context), '', 'the image builds from the repo root');
    const commands = Object.fromEntries(
      APP_SERVICES.map((name) => [name, config.services[name].command]),
    );
    assert.deepEqual(commands, {
      migrate: ['migrate'],
      'api-1': ['api'],
      'api-2': ['api'],
      worker: ['worker'],
    });
    for (const name of ['api-1', 'api-2', 'worker']) {
      const service = config.services[name];
      assert.equal(service.depends_on.migrate.condition, 'service_completed_successfully', name);
      assert.equal(service.restart, 'unless-stopped', name);
      // The app drains for SHUTDOWN_GRACE_SECONDS (default 25) before compose kills it.
      const grace = Number(/^(\d+)s$/.exec(service.stop_grace_period)?.[1]);
      const drain = Number(service.environment.SHUTDOWN_GRACE_SECONDS ?? 25);
      assert.ok(grace > drain, `${name}: stop_grace_period ${grace}s ≤ drain ${drain}s`);
      assert.equal(service.environment.NODE_ENV, 'production');
      assert.equal(service.environment.TRUST_PROXY, 'uniquelocal');
      assert.match(service.environment.DATABASE_URL, /@postgres:5432\//);
      assert.equal(service.environment.REDIS_URL, 'redis://redis:6379');
      const storage = service.volumes.map(String).find((v) => v.includes('/data/storage'));
      assert.ok(storage?.startsWith('storage:'), `${name} shares the storage volume`);
    }
    // The worker runs with the heap caps the tools use wherever they start one.
    assert.equal(config.services.worker.environment.NODE_OPTIONS, WORKER_NODE_FLAGS.join(' '));
  });

  test('Redis keeps queued jobs on disk; nginx sends to the API services it names', () => {
    const redis = config.services.redis.command.join(' ');
    assert.match(redis, /--appendonly yes/);
    assert.match(redis, /--maxmemory-policy noeviction/);

    const nginx = config.services.nginx;
    const site = nginx.volumes.map(String).find((v) => v.includes('/etc/nginx/conf.d'));
    assert.equal(relative(dir, site.split(':')[0]), 'deploy/nginx/blup.conf');
    const conf = readFileSync(join(ROOT, 'deploy/nginx/blup.conf'), 'utf8');
    // Every API service is an upstream, and every upstream an API service.
    const upstreams = [...conf.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)];
    const apis = Object.keys(config.services).filter(
      (name) => config.services[name].command?.[0] === 'api',
    );
    // Each once as a server and once as a backup (the last resort when both are held out).
    const backups = [...conf.matchAll(/^\s*server\s+([\w.-]+):\d+\s+backup\b/gm)];
    assert.deepEqual(backups.map(([, host]) => host).sort(), apis.sort());
    assert.deepEqual(upstreams.map(([, host]) => host).sort(), [...apis, ...apis].sort());
    assert.ok(apis.length >= 2, 'two API processes at least, so one can restart');
    for (const [, host, port] of upstreams) {
      assert.equal(config.services[host].environment.PORT, port, `${host} listens on ${port}`);
      assert.equal(nginx.depends_on[host].condition, 'service_healthy');
    }
    const listen = /^\s*listen\s+(\d+);/m.exec(conf)[1];
    // Short syntax from docker-compose 1 (`127.0.0.1:8080:8080/tcp`), long from compose 2.
    const published = nginx.ports.map((p) => String(p.target ?? /:(\d+)(\/tcp)?$/.exec(p)[1]));
    assert.deepEqual(published, [listen]);
  });

  test('a missing secret stops compose with a message naming it', () => {
    assert.notEqual(noSecret.code, 0);
    assert.match(noSecret.stderr, /set SIGNING_SECRET in \.env/);
  });

  test('docker-compose.dev.yml: only PostgreSQL and Redis, on 127.0.0.1', () => {
    assert.equal(dev.code, 0, dev.stderr);
    const { services } = parse(dev.stdout);
    assert.deepEqual(Object.keys(services).sort(), ['postgres', 'redis']);
    for (const [name, service] of Object.entries(services)) {
      assert.ok(service.healthcheck?.test?.length, `${name} has no healthcheck`);
      for (const port of service.ports) {
        assert.equal(port.host_ip ?? String(port).split(':')[0], '127.0.0.1', name);
      }
    }
  });
});

const nginxBin = which('nginx');
const nginxSkip = missing('nginx', nginxBin);

test('nginx accepts deploy/nginx/blup.conf', { skip: nginxSkip ?? false }, () => {
  // The site as compose mounts it, in a minimal nginx.conf that writes only under a temp
  // folder (so any user can run it), with the container names swapped for local addresses.
  const prefix = join(tmp, 'nginx');
  mkdirSync(prefix);
  let port = 13000;
  const site = readFileSync(join(ROOT, 'deploy/nginx/blup.conf'), 'utf8').replace(
    /^(\s*server\s+)[\w.-]+:\d+/gm,
    (_, head) => `${head}127.0.0.1:${++port}`,
  );
  assert.ok(port > 13000, 'the site names no upstream servers');
  writeFileSync(join(prefix, 'blup.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${join(prefix, kind)};`)
    .join('\n');
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'error.log')};`,
      'events {}',
      'http {',
      `  access_log off;`,
      temp,
      `  include ${join(prefix, 'blup.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-t', '-p', `${prefix}/`, '-e', join(prefix, 'error.log')];
  const result = spawnSync(nginxBin, [...args, '-c', join(prefix, 'nginx.conf')], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /test is successful/);
});

test('Dockerfile: multi-stage; the final stage runs production dependencies as non-root', () => {
  const lines = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = lines.flatMap((line, index) => (/^FROM\s/i.test(line) ? [index] : []));
  assert.ok(stages.length >= 2, 'one stage builds, another runs');
  assert.match(lines[stages[0]], /node:\$\{NODE_VERSION\}-bookworm-slim/);
  const nodeVersion = /^ARG NODE_VERSION=(\S+)/m.exec(lines.join('\n'))?.[1];
  assert.equal(nodeVersion, readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim(), 'the .nvmrc Node');
  const final = lines.slice(stages.at(-1));
  const instruction = (name) => final.filter((line) => line.split(/\s/)[0].toUpperCase() === name);

  const user = instruction('USER').at(-1);
  assert.ok(user, 'the final stage sets a USER');
  assert.doesNotMatch(user, /^USER\s+(root|0)(:|$)/, 'the final stage runs as root');
  assert.ok(
    instruction('RUN').some((line) => /npm ci\b.*--omit=dev/.test(line)),
    'the final stage installs production dependencies only',
  );
  assert.ok(
    !instruction('RUN').some((line) => /npm (ci|install)\b(?!.*--omit=dev)/.test(line)),
    'the final stage installs development dependencies too',
  );
  assert.deepEqual(instruction('STOPSIGNAL'), ['STOPSIGNAL SIGTERM']);
  const [healthcheck] = instruction('HEALTHCHECK');
  assert.match(healthcheck ?? '', /CMD \["node", "healthcheck\.mjs"\]/);
  // Files taken from the repository (not from the build stage) exist and are sent to the build.
  const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8');
  for (const line of lines.filter((l) => /^COPY\s/i.test(l) && !/--from=/.test(l))) {
    const sources = line.split(/\s+/).slice(1, -1);
    for (const source of sources.filter((s) => s !== '.')) {
      assert.ok(existsSync(join(ROOT, source)), `COPY ${source}: no such file`);
      assert.ok(!ignored.split('\n').includes(source), `.dockerignore leaves out ${source}`);
    }
  }
  assert.ok(final.some((line) => /^COPY deploy\/healthcheck\.mjs \.\/$/.test(line)));
  assert.deepEqual(instruction('ENTRYPOINT'), ['ENTRYPOINT ["node", "main.js"]']);
});

describe('the image health check', () => {
  /** Runs deploy/healthcheck.mjs from outside a container; resolves with { status, stderr }. */
  function healthcheck(role, env) {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [HEALTHCHECK, role],
        {
          env: {
            ...process.env,
            HEALTHCHECK_SKIP_PROCESS: '1',
            HEALTHCHECK_TIMEOUT_MS: '2000',
            ...env,
          },
        },
        (error, stdout, stderr) => resolve({ status: error ? error.code : 0, stdout, stderr }),
      );
    });
  }

  test('api: 200 from /api/health/live is healthy, anything else is not', async () => {
    let status = 200;
    const server = createServer((req, res) => {
      res.statusCode = req.url === '/api/health/live' ? status : 404;
      res.end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const PORT = String(server.address().port);
    try {
      assert.equal((await healthcheck('api', { PORT })).status, 0);
      status = 503;
      const down = await healthcheck('api', { PORT });
      assert.equal(down.status, 1);
      assert.match(down.stderr, /unhealthy: \/api\/health\/live answered 503/);
    } finally {
      server.close();
    }
  });

  test('worker: healthy when PostgreSQL and Redis answer, else names the one that does not', async (t) => {
    const local = {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      REDIS_URL: 'redis://127.0.0.1:6379',
    };
    const answers = (port) =>
      new Promise((resolve) => {
        const socket = createConnection({ host: '127.0.0.1', port });
        socket.once('connect', () => resolve(socket.end() && true));
        socket.once('error', () => resolve(false));
      });
    if (!CI && !((await answers(5432)) && (await answers(6379)))) {
      t.skip('no PostgreSQL on 127.0.0.1:5432 or Redis on 127.0.0.1:6379');
      return;
    }
    const up = await healthcheck('worker', local);
    assert.equal(up.status, 0, up.stderr);
    // Port 9 (discard) has no listener here: a refused connection, at once.
    const down = await healthcheck('worker', { ...local, REDIS_URL: 'redis://127.0.0.1:9' });
    assert.equal(down.status, 1);
    assert.match(down.stderr, /unhealthy: Redis: /);
  });

  test('the role is read from the running `node main.js <role>` process', () => {
    const proc = join(tmp, 'proc');
    const fake = (pid, argv) => {
      mkdirSync(join(proc, pid), { recursive: true });
      writeFileSync(join(proc, pid, 'cmdline'), `${argv.join('\0')}\0`);
    };
    fake('self', ['ignored']);
    fake('1', ['/sbin/docker-init', '--', 'node', 'main.js', 'worker']);
    assert.equal(runningRole(proc), null, 'tini is not the app');
    fake('7', ['node', 'main.js', 'worker']);
    assert.equal(runningRole(proc), 'worker');
    rmSync(join(proc, '7'), { recursive: true });
    fake('8', ['/usr/local/bin/node', '/app/main.js']);
    assert.equal(runningRole(proc), 'all');
  });
});
