/**
 * The load generator of `bench-api.ts`, run in a child process of its own so
 * that the clients and the server do not share one event loop (and one
 * core's worth of JavaScript). It gets its job as a JSON message from the
 * parent, runs autocannon against the server, and sends the result back.
 */
import autocannon from 'autocannon';

export interface LoadJob {
  readonly url: string;
  readonly token: string;
  readonly paths: readonly string[];
  readonly connections: number;
  readonly seconds: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
}

async function run(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    headers: { authorization: `Bearer ${job.token}` },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          path: job.paths[next++ % job.paths.length] ?? '/',
        }),
      },
    ],
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

process.once('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
