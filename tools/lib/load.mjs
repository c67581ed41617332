// A small HTTP load generator: N concurrent keep-alive connections, each sending its next
// request as soon as the last one's response has been read, for a fixed time. Every
// latency is recorded, so the percentiles are exact (nearest rank), not estimated. The requests
// go out through Node's own client, or with BENCH_CLIENT=lean through lean-http.mjs, which
// leaves more of the machine's CPU to the servers being measured.
import { openConnection, prepareRequest } from './lean-http.mjs';

const REQUEST_TIMEOUT_MS = 10_000;

/** Keeps `connections` requests in flight for `durationMs`. */
async function drive({ request, connections, durationMs }) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const connection = async () => {
    const link = openConnection(request.url, { timeoutMs: REQUEST_TIMEOUT_MS });
    try {
      while (performance.now() < deadline) {
        const sent = performance.now();
        // A 2xx whose whole body was read counts; anything else (status, socket, timeout) is an error.
        const ok = await link.send(request).then(
          ({ status }) => status >= 200 && status < 300,
          () => false,
        );
        if (ok) latencies.push(performance.now() - sent);
        else errors += 1;
      }
    } finally {
      link.close();
    }
  };
  await Promise.all(Array.from({ length: connections }, connection));
  // Requests still in flight at the deadline are counted, so the time runs until the last ends.
  return { latencies, errors, elapsedMs: performance.now() - started };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Warms up for `warmupMs` (results dropped), then measures for `durationMs`.
 * Resolves with { requests, errors, rps, p50, p95, p99 } (latencies in ms).
 */
export async function measure({ url, headers = {}, connections, durationMs, warmupMs }) {
  const request = prepareRequest(url, { headers });
  await drive({ request, connections, durationMs: warmupMs });
  const { latencies, errors, elapsedMs } = await drive({ request, connections, durationMs });
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: sorted.length,
    errors,
    rps: sorted.length / (elapsedMs / 1000),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}
