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
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type ParsedMail, simpleParser } from 'mailparser';
import { createTransport, type SendMailOptions } from 'nodemailer';
import pg from 'pg';
import { makeEveryoneDue } from './lib/bench-database.ts';
import { benchOption, prepareBenchDatabase, reportBench, runBench } from './lib/bench-harness.ts';
import { stopChild } from './lib/local-services.ts';
import { SmtpSink } from './lib/smtp-sink-client.ts';

const root = process.cwd();
const providers = Number(benchOption('providers', '30000'));
const concurrency = benchOption('concurrency', '100');
const smtpPoolSize = Number(benchOption('pool', '5'));
/** `--profile DIR`: the worker writes a V8 CPU profile there when it stops. */
const profileDir = benchOption('profile', '');
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const redisPrefix = `dspt-bench-reminders-${randomBytes(3).toString('hex')}`;
const recording = join(tmpdir(), `${redisPrefix}.jsonl`);

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

async function main(): Promise<void> {
  const database = await prepareBenchDatabase('dspt_bench_reminders', providers);
  const { url, env } = database;
  let worker: ChildProcess | undefined;
  let sink: SmtpSink | undefined;
  try {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const cycle = await makeEveryoneDue(db);
    const [{ contacts }] = (await db.query(`SELECT count(*)::int AS contacts FROM provider_contacts WHERE is_primary`))
      .rows;

    sink = await SmtpSink.start();
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
    // The worker's transport settings (libs/server/messaging/src/mail createPooledSmtpTransport), with nothing else around it.
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
    reportBench([], {
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
    });
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
    await database.drop();
  }
}

void runBench(main);
