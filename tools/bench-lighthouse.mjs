// The lighthouse scenario of `npm run bench`: Lighthouse (its Node API, the default mobile
// preset: a mid-range phone on slow 4G, simulated) on the web client the API serves, signed out
// on the sign-in page and signed in (the secretariat's cookie) on the home page. Prints the
// performance score, FCP, LCP, TBT, CLS and the JavaScript transferred, and the first bundle's
// sizes from the build against its budget. Fails when a score is below MIN_SCORE.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { log } from './lib/log.mjs';
import { ROOT, WEB_DIST } from './lib/paths.mjs';

export const MIN_SCORE = 95;
/** Lighthouse's own advice against run-to-run noise: several runs, the median. */
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const size = (path) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

/**
 * The first bundle as the browser loads it: the scripts and styles index.html names (Angular
 * lists every initial chunk there as a module preload), raw and as sent (.br, .gz siblings),
 * and the styles inlined into index.html (`tools/compress-web.mjs`), compressed on their own.
 */
export function initialBundle() {
  const dist = join(ROOT, WEB_DIST);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const names = new Set(
    [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
      (m) => m[1],
    ),
  );
  const files = [...names].map((name) => {
    const path = join(dist, name);
    return { name, raw: size(path), br: size(`${path}.br`), gz: size(`${path}.gz`) };
  });
  for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    files.push({
      name: 'index.html <style>',
      raw: Buffer.byteLength(css),
      br: brotliCompressSync(css).length,
      gz: gzipSync(css, { level: 9 }).length,
    });
  }
  const sum = (list, key) => list.reduce((total, file) => total + file[key], 0);
  const js = files.filter((file) => file.name.endsWith('.js'));
  const budget = JSON.parse(readFileSync(join(ROOT, 'apps/web/project.json'), 'utf8')).targets[
    'build-app'
  ].configurations.production.budgets.find((b) => b.type === 'initial');
  return {
    js: { count: js.length, raw: sum(js, 'raw'), br: sum(js, 'br'), gz: sum(js, 'gz') },
    all: { raw: sum(files, 'raw'), br: sum(files, 'br'), gz: sum(files, 'gz') },
    budget,
  };
}

/** The cookies of a Cookie header, for the browser's cookie store on `url`'s host. */
function cookiesFor(header, url) {
  return header
    .split(/;\s*/)
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
    });
}

/**
 * One Lighthouse run. Signed in, the session cookie goes into the browser's cookie store (and
 * Lighthouse keeps the store), so the page sends it the way a signed-in browser does.
 */
async function audit(browser, port, url, cookie) {
  const page = await browser.newPage();
  try {
    if (cookie) {
      // Lighthouse leaves storage alone here (to keep the cookie), so empty the cache ourselves:
      // every run loads the page cold.
      const cdp = await page.createCDPSession();
      await cdp.send('Network.clearBrowserCache');
      await cdp.detach();
      await browser.setCookie(...cookiesFor(cookie, new URL(url).origin));
    }
    const result = await lighthouse(
      url,
      {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        disableStorageReset: Boolean(cookie),
      },
      undefined,
      page,
    );
    return summary(url, result);
  } finally {
    await page.close();
    await browser.deleteCookie?.(...(cookie ? cookiesFor(cookie, new URL(url).origin) : []));
  }
}

function summary(url, result) {
  const { lhr } = result;
  const reports = process.env.BENCH_LIGHTHOUSE_REPORTS; // a folder for the full JSON reports
  if (reports) {
    mkdirSync(reports, { recursive: true });
    const file = join(reports, `${new URL(url).pathname.replace(/\W+/g, '_') || 'root'}.json`);
    writeFileSync(file, JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const value = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const scripts = requests.filter((item) => item.resourceType === 'Script');
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    jsTransferred: scripts.reduce((total, item) => total + (item.transferSize ?? 0), 0),
    jsFiles: scripts.length,
    finalUrl: lhr.finalDisplayedUrl,
  };
}

const median = (runs) => {
  const sorted = [...runs].sort((a, b) => a.score - b.score);
  return { ...sorted[Math.floor(sorted.length / 2)], scores: runs.map((run) => run.score) };
};

/** Runs Lighthouse RUNS times on both pages in one headless Chromium; the median run of each. */
export async function benchLighthouse({ baseUrl, cookie }) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  try {
    const pages = [
      { name: 'sign-in (signed out)', url: `${baseUrl}/sign-in`, cookie: null, expect: '/sign-in' },
      { name: 'home (secretariat)', url: `${baseUrl}/`, cookie, expect: '/' },
    ];
    const results = [];
    for (const page of pages) {
      log.info(`Lighthouse: ${page.name}, ${RUNS} runs …`);
      const runs = [];
      for (let i = 0; i < RUNS; i++)
        runs.push(await audit(browser, chrome.port, page.url, page.cookie));
      const landed = new URL(runs[0].finalUrl).pathname;
      if (landed !== page.expect) throw new Error(`Lighthouse on ${page.url} landed on ${landed}`);
      results.push({ ...page, ...median(runs) });
    }
    return { pages: results, bundle: initialBundle() };
  } finally {
    await browser.disconnect();
    chrome.kill();
  }
}

/** Prints the figures; false when a score is below MIN_SCORE. */
export function printLighthouse({ pages, bundle }) {
  log.heading('\nWeb client: first bundle (production build)');
  const { js, all, budget } = bundle;
  log.info(
    `  initial JS: ${js.count} files, ${kb(js.raw)} raw, ${kb(js.br)} brotli, ${kb(js.gz)} gzip`,
  );
  log.info(
    `  initial JS + CSS: ${kb(all.raw)} raw, ${kb(all.br)} brotli; budget (initial): warning ` +
      `${budget?.maximumWarning ?? '–'}, error ${budget?.maximumError ?? '–'}`,
  );
  log.heading(
    `\nLighthouse (mobile preset, performance; median of ${RUNS} runs; below ${MIN_SCORE} fails)`,
  );
  let ok = true;
  for (const page of pages) {
    const line =
      `  ${page.name.padEnd(22)} score ${String(page.score).padStart(3)}  ` +
      `FCP ${(page.fcp / 1000).toFixed(2)} s  LCP ${(page.lcp / 1000).toFixed(2)} s  ` +
      `TBT ${Math.round(page.tbt)} ms  CLS ${page.cls.toFixed(3)}  ` +
      `JS transferred ${kb(page.jsTransferred)} (${page.jsFiles} files); ` +
      `scores of the ${page.scores.length} runs ${page.scores.join(', ')}`;
    if (page.score >= MIN_SCORE) log.ok(line);
    else {
      log.error(line);
      ok = false;
    }
  }
  log.note(
    '  Simulated throttling (slow 4G, 4× CPU slowdown) on this shared machine; scores move a few ' +
      'points between runs.',
  );
  return ok;
}
