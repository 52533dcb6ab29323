/**
 * `npm run bench:reminders`: plans and sends one reminder step for 30,000 contacts (`--providers`) through
 * the real worker to a local SMTP sink, then sends the very same messages to the same sink with a bare
 * nodemailer loop (same pooled transport settings), and compares the rates.
 *
 * Steps: builds api and worker; creates a fresh database; migrates and seeds the national-scale caseload;
 * makes every provider of the current cycle eligible (no publication, not archived, subscribed); starts the
 * sink (a child process) and the built worker with the clock on the cycle's deadline day (its last step is
 * due); queues one planner job and times it (`planSeconds`); waits for every email at the sink
 * (`sentPerSecond`, first to last arrival); replays the recorded messages through nodemailer
 * (`barePerSecond`, same measure). Prints the figures and ends with one JSON line. The database, the Redis
 * keys and the recording are removed afterwards unless KEEP_TEST_DATABASE is set.
 */
import { Queue, QueueEvents } from 'bullmq';
import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type ParsedMail, simpleParser } from 'mailparser';
import { createTransport, type SendMailOptions } from 'nodemailer';
import pg from 'pg';
import { benchDatabaseUrl, dropBenchDatabase } from './lib/bench-database.ts';
import { stopChild } from './lib/local-services.ts';
import type { SinkCommand, SinkStats } from './lib/smtp-sink.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const providers = Number(option('providers', '30000'));
const concurrency = option('concurrency', '100');
const smtpPoolSize = Number(option('pool', '5'));
/** `--profile DIR`: the worker writes a V8 CPU profile there when it stops. */
const profileDir = option('profile', '');
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const redisPrefix = `dspt-bench-reminders-${randomBytes(3).toString('hex')}`;
const recording = join(tmpdir(), `${redisPrefix}.jsonl`);

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, commandArgs, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`"${command} ${commandArgs.join(' ')}" failed`);
  }
}

function redisConnection() {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    db: Number(url.pathname.slice(1) || 0),
    maxRetriesPerRequest: null,
  };
}

function addresses(value: ParsedMail['to']): string {
  return (Array.isArray(value) ? value : value ? [value] : []).map((entry) => entry.text).join(', ');
}

/** A received email back as the fields it was sent with. */
function toMessage(mail: ParsedMail): SendMailOptions {
  const header = (name: string) =>
    mail.headerLines
      .find((line) => line.key === name)
      ?.line.replace(/^[^:]+:\s*/, '')
      .replace(/\s*\r?\n\s+/g, ' ');
  return {
    from: mail.from?.text,
    to: addresses(mail.to),
    replyTo: mail.replyTo?.text,
    subject: mail.subject,
    text: mail.text,
    html: mail.html || undefined,
    messageId: mail.messageId,
    headers: {
      'List-Unsubscribe': header('list-unsubscribe') ?? '',
      'List-Unsubscribe-Post': header('list-unsubscribe-post') ?? '',
    },
  };
}

class Sink {
  readonly child: ChildProcess;
  readonly port: number;

  private constructor(child: ChildProcess, port: number) {
    this.child = child;
    this.port = port;
  }

  static async start(): Promise<Sink> {
    const child = fork(join(root, 'tools/lib/smtp-sink.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { type: string; port: number }) => resolve(message.port));
      child.once('exit', () => reject(new Error('The SMTP sink stopped')));
    });
    return new Sink(child, port);
  }

  private ask<T>(command: SinkCommand): Promise<T> {
    return new Promise((resolve) => {
      this.child.once('message', (answer: T) => resolve(answer));
      this.child.send(command);
    });
  }

  reset(recordTo?: string): Promise<unknown> {
    return this.ask({ type: 'reset', recordTo });
  }

  stats(): Promise<SinkStats> {
    return this.ask({ type: 'stats' });
  }

  /** Waits until `count` messages arrived; answers their first-to-last seconds. */
  async waitFor(count: number, timeoutMs: number): Promise<{ seconds: number; stats: SinkStats }> {
    const deadline = Date.now() + timeoutMs;
    let stats = await this.stats();
    let lastReport = Date.now();
    while (stats.count < count) {
      if (Date.now() > deadline) {
        throw new Error(`Only ${stats.count} of ${count} emails reached the sink within ${timeoutMs / 1000} s`);
      }
      if (Date.now() - lastReport > 5_000) {
        console.log(`  ... ${stats.count} of ${count}`);
        lastReport = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      stats = await this.stats();
    }
    return { seconds: ((stats.lastAt ?? 0) - (stats.firstAt ?? 0)) / 1000, stats };
  }
}

async function main(): Promise<void> {
  const url = benchDatabaseUrl('dspt_bench_reminders');
  const env = { ...process.env, NODE_ENV: 'development', DATABASE_URL: url, LOG_LEVEL: 'warn' };
  let worker: ChildProcess | undefined;
  let sink: Sink | undefined;
  try {
    console.log('Building api and worker...');
    run('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,worker'], { ...env, NX_DAEMON: 'false' });
    console.log(`Seeding ${providers} providers into ${new URL(url).pathname.slice(1)}...`);
    run(process.execPath, ['dist/apps/api/cli.js', 'migrate'], env);
    run(process.execPath, ['dist/apps/api/cli.js', 'seed', '--providers', String(providers)], env);

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const [cycle] = (
      await db.query(
        `SELECT id, code, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM assessment_cycles ORDER BY deadline DESC LIMIT 1`,
      )
    ).rows;
    // Everyone is due: no publication this cycle, nobody archived or unsubscribed.
    await db.query(`DELETE FROM publications WHERE cycle_id = $1`, [cycle.id]);
    await db.query(`UPDATE providers SET archived_at = NULL WHERE archived_at IS NOT NULL`);
    await db.query(`UPDATE provider_contacts SET unsubscribed_at = NULL WHERE unsubscribed_at IS NOT NULL`);
    const [{ contacts }] = (await db.query(`SELECT count(*)::int AS contacts FROM provider_contacts WHERE is_primary`))
      .rows;

    sink = await Sink.start();
    await sink.reset(recording);
    // Midday on the deadline day: the cycle's last step (7 days before) is the one due.
    const clock = `${cycle.deadline}T11:00:00Z`;
    const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    worker = spawn(process.execPath, [...profile, 'dist/apps/worker/main.js'], {
      cwd: root,
      env: {
        ...env,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: redisPrefix,
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        SMTP_POOL_SIZE: String(smtpPoolSize),
        WORKER_CONCURRENCY: concurrency,
        CLOCK_FIXED_AT: clock,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      worker?.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('worker started')) {
          resolve();
        }
      });
      worker?.once('exit', () => reject(new Error(`The worker stopped:\n${output}`)));
    });

    console.log(`Planning the ${cycle.code} step due on ${clock} for ${contacts} contacts...`);
    const connection = redisConnection();
    const queue = new Queue('reminders', { connection, prefix: redisPrefix });
    const events = new QueueEvents('reminders', { connection, prefix: redisPrefix });
    await events.waitUntilReady();
    const planStarted = performance.now();
    const job = await queue.add('plan-reminders', {}, { attempts: 1 });
    const plan = (await job.waitUntilFinished(events, 120_000)) as { created: number; enqueued: number };
    const planSeconds = (performance.now() - planStarted) / 1000;
    console.log(`Planned ${plan.created} emails and queued ${plan.enqueued} send jobs in ${planSeconds.toFixed(2)} s`);
    await queue.close();
    await events.close();

    const sent = await sink.waitFor(contacts, 900_000);
    const [{ sentRows }] = (
      await db.query(`SELECT count(*)::int AS "sentRows" FROM email_messages WHERE status = 'sent'`)
    ).rows;
    const sentPerSecond = (contacts - 1) / sent.seconds;
    console.log(
      `Worker: ${contacts} emails in ${sent.seconds.toFixed(2)} s = ${sentPerSecond.toFixed(0)} emails/s (${sentRows} rows marked sent)`,
    );
    await stopChild(worker);
    worker = undefined;
    await db.end();

    // The same messages as nodemailer message objects (parsed back from what the sink received), so the
    // bare loop builds the same MIME the worker built: a loop that only pushed ready-made bytes would not
    // be sending messages the way any sender does.
    const recorded = readFileSync(recording, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { envelope: { from: string; to: string[] }; raw: string });
    const averageBytes = Math.round(recorded.reduce((sum, message) => sum + message.raw.length, 0) / recorded.length);
    const messages = await Promise.all(recorded.map(async (message) => toMessage(await simpleParser(message.raw))));
    await sink.reset();
    // The worker's transport settings (libs/server/mail createPooledSmtpTransport), with nothing else around it.
    const transport = createTransport({
      pool: true,
      maxConnections: smtpPoolSize,
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    await Promise.all(messages.map((message) => transport.sendMail(message)));
    const bare = await sink.waitFor(messages.length, 600_000);
    transport.close();
    const barePerSecond = (messages.length - 1) / bare.seconds;
    console.log(
      `Bare nodemailer loop: ${messages.length} emails in ${bare.seconds.toFixed(2)} s = ${barePerSecond.toFixed(0)} emails/s`,
    );
    const ratio = sentPerSecond / barePerSecond;
    console.log(
      `Ratio ${ratio.toFixed(2)} (target >= 0.8); planning ${planSeconds.toFixed(2)} s (target < 10 s); average message ${averageBytes} bytes`,
    );
    console.log(
      JSON.stringify({
        contacts,
        planSeconds: Number(planSeconds.toFixed(2)),
        sentPerSecond: Math.round(sentPerSecond),
        barePerSecond: Math.round(barePerSecond),
        ratio: Number(ratio.toFixed(2)),
        sendSeconds: Number(sent.seconds.toFixed(2)),
        bareSeconds: Number(bare.seconds.toFixed(2)),
        workerConcurrency: Number(concurrency),
        smtpPoolSize,
        averageMessageBytes: averageBytes,
      }),
    );
  } finally {
    if (worker) {
      await stopChild(worker);
    }
    if (sink) {
      await stopChild(sink.child);
    }
    const redis = new Redis(redisConnection());
    for await (const keys of redis.scanStream({ match: `${redisPrefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) {
        await redis.del(...keys);
      }
    }
    redis.disconnect();
    rmSync(recording, { force: true });
    await dropBenchDatabase(url);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
