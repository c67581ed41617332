import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { acceptedEncodings, isContentHashed, serveStaticFiles } from './static-files';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request, so paths such as `/../x` reach the server as written. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Reply>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serveStaticFiles', () => {
  const INDEX = '<!doctype html><title>BLUP</title>'.repeat(20);
  const MAIN = 'console.log("main");'.repeat(50);
  let root: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blup-static-'));
    root = join(dir, 'browser');
    mkdirSync(join(root, 'media'), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), 'outside the root');
    const withSiblings = (name: string, body: string) => {
      writeFileSync(join(root, name), body);
      writeFileSync(join(root, `${name}.br`), brotliCompressSync(body));
      writeFileSync(join(root, `${name}.gz`), gzipSync(body));
    };
    withSiblings('index.html', INDEX);
    withSiblings('main-NRYVP5R3.js', MAIN);
    withSiblings('chunk-Da4-SChG.js', 'export const a = 1;');
    withSiblings('styles-CNVSRUET.css', 'body{margin:0}');
    writeFileSync(
      join(root, 'media', 'font-ABCD1234.woff2'),
      Buffer.from([0x77, 0x4f, 0x46, 0x32]),
    );
    writeFileSync(join(root, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));

    const handler = serveStaticFiles(root);
    server = createServer((req, res) =>
      handler(req, res, () => {
        res.statusCode = 418; // what the API would answer: the handler passed the request on
        res.end('next');
      }),
    );
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(join(root, '..'), { recursive: true, force: true });
  });

  it('sends Brotli when the browser takes it, with the original type and a Vary header', async () => {
    const res = await get(port, '/main-NRYVP5R3.js', { 'accept-encoding': 'gzip, deflate, br' });

    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(brotliDecompressSync(res.body).toString()).toBe(MAIN);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to gzip when Brotli is refused with q=0, and to the plain file without either', async () => {
    const gz = await get(port, '/main-NRYVP5R3.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(MAIN);

    const plain = await get(port, '/main-NRYVP5R3.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(MAIN);
    expect(plain.headers['vary']).toBe('Accept-Encoding');

    const none = await get(port, '/main-NRYVP5R3.js');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(Number(none.headers['content-length'])).toBe(MAIN.length);
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const first = await get(port, '/index.html', { 'accept-encoding': 'br' });
    const etag = String(first.headers['etag']);

    const again = await get(port, '/index.html', {
      'accept-encoding': 'br',
      'if-none-match': etag,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['etag']).toBe(etag);

    // Another encoding is another representation with another ETag.
    const gz = await get(port, '/index.html', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(gz.status).toBe(200);
    expect(gz.headers['etag']).not.toBe(etag);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await get(port, '/styles-CNVSRUET.css', { 'accept-encoding': 'gzip' }, 'HEAD');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.body.length).toBe(0);
  });

  it('gives client routes index.html, never cached without revalidation', async () => {
    for (const path of ['/', '/sign-in', '/villages/v1/goals?tab=2']) {
      const res = await get(port, path, { 'accept-encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(res.body).toString()).toBe(INDEX);
    }
  });

  it('revalidates files without a content hash', async () => {
    const res = await get(port, '/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['vary']).toBeUndefined();
  });

  it('keeps hashed media for a year', async () => {
    const res = await get(port, '/media/font-ABCD1234.woff2');
    expect(res.headers['content-type']).toBe('font/woff2');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing built file with 404 rather than the app page', async () => {
    expect((await get(port, '/chunk-GONEGONE.js')).status).toBe(404);
    expect((await get(port, '/main-NRYVP5R3.js.br')).status).toBe(404);
  });

  it('passes /api and other methods on untouched', async () => {
    expect((await get(port, '/api/health')).status).toBe(418);
    expect((await get(port, '/api')).status).toBe(418);
    expect((await get(port, '/index.html', {}, 'POST')).status).toBe(418);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/media/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s with 400', async (path) => {
    const res = await get(port, path);
    expect(res.status).toBe(400);
    expect(res.body.toString()).not.toContain('outside the root');
  });

  it('does not serve dotfiles', async () => {
    writeFileSync(join(root, '.env'), 'SECRET=1');
    expect((await get(port, '/.env')).status).toBe(404);
  });
});

describe(isContentHashed.name, () => {
  it.each([
    // Names from a production build of apps/web (outputHashing "all").
    'chunk-Da4-SChG.js',
    'chunk-CnunSTL-2.js',
    'chunk-o-juED1Y.js',
    'chunk-CL98cW0t2.js',
    'chunk-49G6xRjy2.js',
    'chunk-BeWE-zzD2.js',
    'chunk-0mU5yt1d.js',
    'chunk-D_IrcoZP.js',
    'main-EXVPK6IO.js',
    'main-NRYVP5R3.js',
    'styles-H65NB3Z7.css',
    'polyfills-FFHMD2TL.js',
    'media/roboto-latin-400-normal-QZKVDAHC.woff2',
  ])('%s carries a content hash', (name) => {
    expect(isContentHashed(name)).toBe(true);
  });

  it.each([
    'index.html',
    'favicon.ico',
    'robots.txt',
    'manifest.webmanifest',
    'main.js',
    'chunk-short.js',
    'styles-lowercase.css',
    'icons/logo-192.png',
    'media/logo.svg',
  ])('%s does not', (name) => {
    expect(isContentHashed(name)).toBe(false);
  });
});

describe(acceptedEncodings.name, () => {
  it.each([
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['br;q=0, gzip;q=0.5', ['gzip']],
    ['*', ['br', 'gzip']],
    ['*;q=0, br', ['br']],
    ['gzip;q=0', []],
    ['identity', []],
    ['', []],
    ['x-gzip', ['gzip']],
  ])('%s → %j', (header, expected) => {
    expect([...acceptedEncodings(header)].sort()).toEqual([...expected].sort());
  });
});
