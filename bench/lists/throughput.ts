/** Requests a second at 50 concurrent connections (autocannon), for the API and for its floor. */
import autocannon from 'autocannon';

export async function throughput(url: string, cookie: string, durationSeconds: number) {
  const result = await autocannon({ url, connections: 50, duration: durationSeconds, headers: { cookie } });
  if (result.non2xx) throw new Error(`${url}: ${result.non2xx} answers other than 2xx`);
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, timeouts: result.timeouts };
}
