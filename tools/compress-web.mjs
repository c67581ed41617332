// Finishes the built web client for serving, after the Angular build (the `web:build` target
// runs it):
//   node tools/compress-web.mjs [dist/apps/web/browser]
// 1. Inlines the global stylesheet into index.html (a <style>, which the API's CSP allows), so
//    the first paint waits for no request: the "BLUP Akademiet …" placeholder shows as soon as
//    the page arrives, while the scripts are still on their way.
// 2. Writes a Brotli (`.br`, max quality) and a gzip (`.gz`, level 9) sibling next to every
//    compressible file, so the API serves them without compressing per request.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** The `<link rel="stylesheet">` Angular writes into index.html for the global styles. */
const STYLESHEET_LINK = /<link rel="stylesheet" href="(styles-[\w-]+\.css)"\s*\/?>/;

/**
 * Replaces index.html's link to the global stylesheet by the stylesheet itself. A render-blocking
 * stylesheet holds back the first paint one round trip (on a slow connection, past the time the
 * scripts arrive), and the global styles are small. The file itself stays for anyone linking it.
 * Returns the inlined file's name, or null when index.html links none (already inlined).
 */
export function inlineGlobalStyles(root) {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return null;
  const html = readFileSync(index, 'utf8');
  const match = STYLESHEET_LINK.exec(html);
  if (!match) return null;
  const css = readFileSync(join(root, match[1]), 'utf8')
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '')
    .trim();
  if (css.includes('</style')) throw new Error(`${match[1]} holds "</style": not inlined`);
  writeFileSync(
    index,
    html.replace(match[0], () => `<style>${css}</style>`),
  );
  return match[1];
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
  const inlined = inlineGlobalStyles(root);
  if (inlined) console.log(`compress-web: ${inlined} inlined into index.html`);
  const { count, raw, brotli } = compressTree(root);
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(
    `compress-web: ${count} files in ${relative(process.cwd(), root) || '.'} ` +
      `(${kb(raw)} → ${kb(brotli)} brotli), each with .br and .gz`,
  );
}
