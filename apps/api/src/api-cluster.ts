import cluster, { type Worker } from 'node:cluster';

/** A process that dies within this long of starting, before it listened, is a broken start: no retrying. */
const START_GRACE_MS = 60_000;
/** After this long a stopping process is killed, so a stuck one cannot hold the shutdown forever. */
const STOP_TIMEOUT_MS = 30_000;

function log(level: 'info' | 'error', msg: string): void {
  // The same JSON lines the processes' pino logs write, from a process that has no Nest app.
  process.stdout.write(
    `${JSON.stringify({ level: level === 'info' ? 30 : 50, time: Date.now(), pid: process.pid, msg })}\n`,
  );
}

/**
 * The primary of a cluster of `count` api processes: Node hands the listening socket's connections to them in
 * turn. Anything a process keeps for itself is safe with several (docs/operations.md "Processes and sizing"):
 * sessions and sign-in limits are in Redis, caches follow PostgreSQL's notifications in every process.
 * A process that ends unexpectedly once it served is replaced; one that cannot start stops the whole cluster,
 * so a bad database URL does not become a restart loop. SIGTERM or SIGINT stops each process gracefully
 * (each finishes its requests and closes its connections) and then the primary.
 */
export function runApiCluster(count: number): void {
  let stopping = false;
  const listening = new WeakSet<Worker>();

  const start = (): void => {
    const worker = cluster.fork();
    const startedAt = Date.now();
    worker.once('listening', () => listening.add(worker));
    worker.once('exit', (code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) {
          log('info', 'Every api process stopped');
          process.exit();
        }
        return;
      }
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (!listening.has(worker) && Date.now() - startedAt < START_GRACE_MS) {
        log('error', `An api process could not start (${how}): stopping`);
        stop(1);
        return;
      }
      log('error', `An api process ended (${how}): starting another`);
      start();
    });
  };

  const stop = (code = 0): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    if (workers.length === 0) {
      process.exit(code);
    }
    process.exitCode = code;
    for (const worker of workers) {
      worker.process.kill('SIGTERM');
    }
    setTimeout(() => {
      log('error', `Api processes still running after ${STOP_TIMEOUT_MS / 1000} s: killed`);
      for (const worker of Object.values(cluster.workers ?? {})) {
        worker?.process.kill('SIGKILL');
      }
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
  };

  process.on('SIGTERM', () => stop());
  process.on('SIGINT', () => stop());
  log('info', `Starting ${count} api processes`);
  for (let index = 0; index < count; index++) {
    start();
  }
}
