import { createReadStream, type Stats, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** Content types of the files an Angular build and its `public/` folder contain. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Requests for these are files that do not exist, not client routes: a 404, not index.html. */
const ASSET_EXTENSIONS = new Set([...Object.keys(CONTENT_TYPES), '.br', '.gz']);

/** Encodings the build writes beside each compressible file, best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Whether a built file's name carries a hash of its content, so its bytes never change and a
 * browser may keep it for a year. Angular names its output (outputHashing "all"):
 * - shared and lazy chunks `chunk-<hash>.js`, where the hash is base64url (letters, digits, `-`
 *   and `_`, 8 characters, sometimes one more to tell apart equal hashes): `chunk-Da4-SChG.js`;
 * - entry bundles `<name>-<hash>.js|css` with an 8-character upper-case hash: `main-ABCD1234.js`,
 *   `styles-XXXXXXXX.css`, `polyfills-…`;
 * - files referenced from CSS (fonts, images) `media/<name>-<hash>.<ext>`, hashed the same way.
 * Everything else (index.html, favicon.ico, files copied from public/) is revalidated.
 */
export function isContentHashed(relativePath: string): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
  return (
    /^chunk-[\w-]{8,9}\.js$/.test(path) ||
    /^[a-z][\w.-]*-[A-Z0-9]{8}\.(?:js|css)$/.test(path) ||
    /^media\/[^/]+-[A-Z0-9]{8}\.[a-z0-9]+$/.test(path)
  );
}

/**
 * The encodings the client accepts, from its Accept-Encoding header: a coding listed with q=0
 * (or left to a `*;q=0`) is refused; one that is not listed is refused unless `*` allows it.
 */
export function acceptedEncodings(header: string | string[] | undefined): Set<Encoding> {
  const qualities = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    const quality = q ? Number(q[1]) : 1;
    qualities.set(coding === 'x-gzip' ? 'gzip' : coding, Number.isNaN(quality) ? 0 : quality);
  }
  const accepted = new Set<Encoding>();
  for (const { name } of ENCODINGS) {
    const quality = qualities.get(name) ?? qualities.get('*') ?? 0;
    if (quality > 0) accepted.add(name);
  }
  return accepted;
}

/** `If-None-Match` matches the current ETag (weak comparison, as RFC 9110 asks for GET). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

function fileAt(path: string): Stats | null {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats?.isFile() ? stats : null;
}

type Next = (error?: unknown) => void;

/**
 * Serves the built web client from `root`: files precompressed at build time (`.br`, `.gz`) by
 * the client's Accept-Encoding, long-lived caching for content-hashed files and revalidation
 * (ETag → 304) for the rest, and index.html for client routes. `/api` and anything but GET and
 * HEAD pass through to `next`. A plain Node handler, so it does not depend on the HTTP framework.
 */
export function serveStaticFiles(
  root: string,
): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const base = resolve(root);
  const index = join(base, 'index.html');

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const rawPath = (req.url ?? '/').split('?')[0].split('#')[0];
    if (rawPath === '/api' || rawPath.startsWith('/api/')) return next();

    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return fail(res, 400);
    }
    const segments = path.split(/[/\\]/);
    if (path.includes('\0') || segments.includes('..')) return fail(res, 400);
    if (segments.some((segment) => segment.startsWith('.'))) return fail(res, 404);

    const relative = path.replace(/^\/+/, '');
    const candidate = resolve(base, relative);
    if (candidate !== base && !candidate.startsWith(base + sep)) return fail(res, 400);

    const extension = extname(candidate).toLowerCase();
    const stats = relative === '' ? null : fileAt(candidate);
    if (stats && extension !== '.br' && extension !== '.gz') {
      return send(req, res, candidate, stats, isContentHashed(relative) ? IMMUTABLE : REVALIDATE);
    }
    if (ASSET_EXTENSIONS.has(extension) && relative !== 'index.html') return fail(res, 404);
    const page = fileAt(index);
    if (!page) return fail(res, 404);
    return send(req, res, index, page, REVALIDATE); // a client route: the app decides
  };
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  stats: Stats,
  cacheControl: string,
): void {
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  let body = { path, size: stats.size, encoding: null as Encoding | null };
  let hasVariants = false;
  for (const { name, suffix } of ENCODINGS) {
    const variant = fileAt(path + suffix);
    if (!variant) continue;
    hasVariants = true;
    if (body.encoding === null && accepted.has(name)) {
      body = { path: path + suffix, size: variant.size, encoding: name };
    }
  }

  const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${
    body.encoding ? `-${body.encoding}` : ''
  }"`;
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', stats.mtime.toUTCString());
  if (hasVariants) res.setHeader('Vary', 'Accept-Encoding');

  if (matches(req.headers['if-none-match'], etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }

  res.statusCode = 200;
  res.setHeader(
    'Content-Type',
    CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
  );
  res.setHeader('Content-Length', body.size);
  if (body.encoding) res.setHeader('Content-Encoding', body.encoding);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(body.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function fail(res: ServerResponse, status: 400 | 404): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', REVALIDATE);
  res.end(status === 400 ? 'Bad Request' : 'Not Found');
}
