// A small HTTP load generator: N concurrent keep-alive connections, each sending its next
// request as soon as the last one's response has been read, for a fixed time. Every
// latency is recorded, so the percentiles are exact (nearest rank), not estimated. The requests
// go out through Node's own client, or with BENCH_CLIENT=lean through lean-http.mjs, which
// leaves more of the machine's CPU to the servers being measured.
import { openConnection, prepareRequest } from './lean-http.mjs';

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Runs `step(i)` (resolving true when it succeeded) in `concurrency` loops, each starting its
 * next step as soon as the last ended, for `durationMs`. Resolves with { requests, errors, rps,
 * p50, p95, p99 }: every successful step's latency kept, percentiles by nearest rank (ms).
 */
export async function driveLoops(concurrency, durationMs, step) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        if (await step(i)) latencies.push(performance.now() - sent);
        else errors += 1;
      }
    }),
  );
  // Steps still under way at the deadline are counted, so the time runs until the last ends.
  const elapsedMs = performance.now() - started;
  const sorted = Float64Array.from(latencies).sort();
  const rank = (p) =>
    sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
  return {
    requests: sorted.length,
    errors,
    rps: sorted.length / (elapsedMs / 1000),
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
  };
}

/**
 * Warms up for `warmupMs` (results dropped), then measures for `durationMs`, with `connections`
 * keep-alive connections. Resolves as driveLoops does.
 */
export async function measure({ url, headers = {}, connections, durationMs, warmupMs }) {
  const request = prepareRequest(url, { headers });
  const links = Array.from({ length: connections }, () =>
    openConnection(url, { timeoutMs: REQUEST_TIMEOUT_MS }),
  );
  // A 2xx whose whole body was read counts; anything else (status, socket, timeout) is an error.
  const get = (i) =>
    links[i].send(request).then(
      ({ status }) => status >= 200 && status < 300,
      () => false,
    );
  try {
    await driveLoops(connections, warmupMs, get);
    return await driveLoops(connections, durationMs, get);
  } finally {
    for (const link of links) link.close();
  }
}
