// A small HTTP load generator: N concurrent keep-alive connections, each sending its next
// request as soon as the last one's response has been read, for a fixed time. Every
// latency is recorded, so the percentiles are exact (nearest rank), not estimated.
import http from 'node:http';

const REQUEST_TIMEOUT_MS = 10_000;

/** One GET; resolves true when it got a 2xx and read the whole body. */
function get(url, headers, agent) {
  return new Promise((resolve) => {
    const request = http.get(url, { agent, headers, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      response.resume(); // read and drop the body
      response.on('end', () => resolve(response.statusCode >= 200 && response.statusCode < 300));
      response.on('error', () => resolve(false));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve(false));
  });
}

/** Keeps `connections` requests in flight for `durationMs`. */
async function drive({ url, headers, agent, connections, durationMs }) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const connection = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      if (await get(url, headers, agent)) latencies.push(performance.now() - sent);
      else errors += 1;
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
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  try {
    await drive({ url, headers, agent, connections, durationMs: warmupMs });
    const { latencies, errors, elapsedMs } = await drive({
      url,
      headers,
      agent,
      connections,
      durationMs,
    });
    const sorted = Float64Array.from(latencies).sort();
    return {
      requests: sorted.length,
      errors,
      rps: sorted.length / (elapsedMs / 1000),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    };
  } finally {
    agent.destroy();
  }
}
