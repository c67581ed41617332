// Writes a Brotli (`.br`, max quality) and a gzip (`.gz`, level 9) sibling next to every
// compressible file of the built web client, so the API serves them without compressing per
// request. Run after the Angular build (the `web:build` target does):
//   node tools/compress-web.mjs [dist/apps/web/browser]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** File types worth compressing (already-compressed images and fonts are not). */
export const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.webmanifest',
  '.ico',
  '.xml',
]);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Compresses every compressible file under `root`; returns the totals for a summary line. */
export function compressTree(root) {
  let count = 0;
  let raw = 0;
  let brotli = 0;
  for (const path of files(root)) {
    if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue;
    const body = readFileSync(path);
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    count++;
    raw += body.length;
    brotli += br.length;
  }
  return { count, raw, brotli };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(process.argv[2] ?? 'dist/apps/web/browser');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`compress-web: no build at ${root}`);
    process.exit(1);
  }
  const { count, raw, brotli } = compressTree(root);
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(
    `compress-web: ${count} files in ${relative(process.cwd(), root) || '.'} ` +
      `(${kb(raw)} → ${kb(brotli)} brotli), each with .br and .gz`,
  );
}
