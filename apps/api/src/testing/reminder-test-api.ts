import type { ReminderPlanResult } from '@dspt/contracts';
import { reminderSchedule } from '@dspt/domain';
import { AppConfigService, EmailAddressHasher, QUEUES, type SendEmailJobData } from '@dspt/server/platform';
import { dropDatabase } from '@dspt/server/data';
import {
  ApiClient,
  createEmptyTestDatabase,
  type Fixtures,
  type FixtureTenant,
  type FixtureUser,
  type RunningProcess,
  startWorkerProcess,
  totpCode,
} from '@dspt/server/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { ControllableSmtpServer } from './controllable-smtp';
import { type TestApi, TEST_PUBLIC_URL, useTestApi } from './use-test-api';

/** The cycle reminder tests use: a year of its own, so no other fixture's providers are in it. */
export const REMINDER_CYCLE = { code: '2040-41', deadline: '2041-06-30' } as const;
export const REMINDER_QUESTIONS = [
  { code: '1.1.5', section: 'Staffing and Roles', level: 'AS' as const },
  { code: '4.1.1', section: 'Staffing and Roles', level: 'AS' as const },
  { code: '3.2.1', section: 'Staffing and Roles', level: 'SM' as const },
  { code: '7.1.1', section: 'Data Security', level: 'none' as const },
];
/** The cycle's default steps; the clock stands one hour into the 30-day step's day. */
const THIRTY_DAY_STEP = reminderSchedule(REMINDER_CYCLE.deadline, [90, 30, 7], new Date(0))[1];
export const STEP_DAY = {
  offsetDays: 30,
  sendOn: THIRTY_DAY_STEP.sendOn,
  now: new Date(THIRTY_DAY_STEP.sendAt.getTime() + 3_600_000),
};

export interface ReminderProvider {
  id: string;
  odsCode: string;
  contactId: string;
  email: string;
}

export interface ReminderTestApi extends TestApi {
  smtp: ControllableSmtpServer;
  cycleId: string;
  /** The worker process now running, if any. */
  worker(): RunningProcess | undefined;
  startWorker(extraEnv?: Record<string, string>): Promise<RunningProcess>;
  stopWorker(signal?: NodeJS.Signals): Promise<void>;
  signIn(user: FixtureUser, offsetSteps?: number): Promise<ApiClient>;
  systemAdmin(): Promise<ApiClient>;
  /** Signs the system admin in again (after Redis lost the sessions), with the TOTP code `offsetSteps` ahead. */
  resetSystemAdminSession(offsetSteps: number): Promise<ApiClient>;
  /** A provider of the reminder cycle with a contact, shaped by the options. */
  provider(tenant: FixtureTenant, options?: ReminderProviderOptions): Promise<ReminderProvider>;
  /** Puts an address on an LSP's unsubscribe list, as the unsubscribe link does (hashed with the app's key). */
  unsubscribeAddress(tenant: FixtureTenant, email: string): Promise<void>;
  /** The app's email hash key in the form `email_address_hash(email, key)` takes. */
  emailHashKey(): Buffer;
  /** Plans as a system admin would (POST /api/system/reminders/plan). */
  plan(): Promise<ReminderPlanResult>;
  /** Outbox rows of these contacts, by contact id. */
  outbox(
    contactIds: readonly string[],
  ): Promise<Array<{ contact_id: string; status: string; attempts: number; last_error: string | null; kind: string }>>;
  /** Ids of the send jobs of these contacts' emails that are waiting, running or put off. */
  emailJobsFor(providers: readonly ReminderProvider[]): Promise<string[]>;
  /**
   * Waits until the worker has nothing left that could send these contacts anything: each row settled
   * (sent, failed or suppressed) and none of their send jobs waiting, running or put off. A duplicate can
   * only come from such a job, so what the SMTP server holds then is final: "must not arrive" is asserted
   * after this, never after a pause.
   */
  settled(providers: readonly ReminderProvider[], what: string, timeoutMs?: number): Promise<void>;
}

export interface ReminderProviderOptions {
  label?: string;
  completed?: string[];
  published?: 'approaching_standards' | 'standards_met' | 'standards_exceeded';
  archived?: boolean;
  unsubscribed?: boolean;
  primary?: boolean;
  email?: string;
  contactName?: string;
}

/**
 * The real api on a database of its own (the planner walks every LSP, so other test files' providers must
 * not be in it), a controllable SMTP server, a clock fixed on the 30-day step's day of REMINDER_CYCLE
 * (api and worker read the same CLOCK_FIXED_AT), retries after 1 s, and a worker process to start and
 * stop. The database is dropped afterwards.
 */
export function useReminderTestApi(): ReminderTestApi {
  const smtp = new ControllableSmtpServer();
  let databaseUrl = '';
  let running: RunningProcess | undefined;
  let admin: ApiClient | undefined;
  let adminUser: FixtureUser | undefined;
  const api = useTestApi(async () => {
    await smtp.start();
    databaseUrl = await createEmptyTestDatabase('reminders');
    return {
      DATABASE_OWNER_URL: databaseUrl,
      DATABASE_POOL_SIZE: '15',
      SMTP_URL: smtp.url,
      PUBLIC_URL: TEST_PUBLIC_URL,
      CLOCK_FIXED_AT: STEP_DAY.now.toISOString(),
      MAIL_RETRY_BASE_SECONDS: '1',
      // A killed worker's claims expire after this; the stalled job runs again a little later anyway.
      MAIL_SEND_LEASE_SECONDS: '3',
    };
  }) as ReminderTestApi;
  api.smtp = smtp;

  beforeAll(async () => {
    const cycle = await api.fixtures.cycleWithQuestions(REMINDER_CYCLE.code, REMINDER_QUESTIONS);
    api.cycleId = cycle.id;
  });
  afterAll(async () => {
    await running?.stop();
    await smtp.close();
  });
  afterAll(async () => {
    // Jest runs afterAll hooks in the order they were declared: useTestApi's has closed the api and fixtures.
    if (databaseUrl && !process.env['KEEP_TEST_DATABASE']) {
      await dropDatabase(databaseUrl);
    }
  });

  api.worker = () => running;
  api.startWorker = async (extraEnv = {}) => {
    running = await startWorkerProcess({ ...api.env, ...extraEnv });
    return running;
  };
  api.stopWorker = async (signal = 'SIGTERM') => {
    await running?.stop(signal);
    running = undefined;
  };
  api.signIn = (user, offsetSteps = 0) => signInAt(api, user, offsetSteps);
  api.systemAdmin = async () => {
    adminUser ??= await api.fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true });
    admin ??= await api.signIn(adminUser);
    return admin;
  };
  api.resetSystemAdminSession = async (offsetSteps) => {
    admin = await api.signIn(
      adminUser ?? (await api.fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true })),
      offsetSteps,
    );
    return admin;
  };
  api.emailHashKey = () => new EmailAddressHasher(api.app.get(AppConfigService).get('EMAIL_HASH_KEY')).sqlKey;
  api.provider = (tenant, options = {}) =>
    reminderProvider(api.fixtures, api.emailHashKey(), api.cycleId, tenant, options);
  api.unsubscribeAddress = (tenant, email) => unsubscribeAddress(api.fixtures, api.emailHashKey(), tenant, email);
  api.plan = async () => {
    const response = await (await api.systemAdmin()).post('/api/system/reminders/plan');
    if (response.status !== 200) {
      throw new Error(`Planning answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body;
  };
  api.outbox = (contactIds) =>
    api.fixtures.owner.query(
      `SELECT contact_id, status, attempts, last_error, kind FROM email_messages WHERE contact_id = ANY($1) ORDER BY created_at`,
      [contactIds],
    );
  api.emailJobsFor = async (providers) => {
    const rows: Array<{ id: string }> = await api.fixtures.owner.query(
      `SELECT id FROM email_messages WHERE contact_id = ANY($1)`,
      [providers.map((provider) => provider.contactId)],
    );
    const ids = new Set(rows.map((row) => row.id));
    const queue = api.app.get<Queue<SendEmailJobData>>(getQueueToken(QUEUES.email), { strict: false });
    const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
    return jobs.filter((job) => job && ids.has(job.data.messageId)).map((job) => `${job.id}`);
  };
  api.settled = async (providers, what, timeoutMs = 45_000) => {
    const contactIds = providers.map((provider) => provider.contactId);
    for (const deadline = Date.now() + timeoutMs; ;) {
      const jobs = await api.emailJobsFor(providers);
      const rows = await api.outbox(contactIds);
      if (jobs.length === 0 && rows.every((row) => !['queued', 'sending'].includes(row.status))) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for ${what}: jobs ${jobs.join(', ')}; rows ${JSON.stringify(rows)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return api;
}

async function signInAt(api: TestApi, user: FixtureUser, offsetSteps: number): Promise<ApiClient> {
  const client = new ApiClient(api.app);
  const login = await client.post('/api/auth/login', { email: user.email, password: user.password });
  if (login.status !== 200) {
    throw new Error(`Sign-in answered ${login.status}`);
  }
  if (login.body.mfaRequired) {
    const mfa = await client.post('/api/auth/mfa', { code: await totpCode(user.totpSecret ?? '', offsetSteps) });
    if (mfa.status !== 200) {
      throw new Error(`MFA answered ${mfa.status}: ${JSON.stringify(mfa.body)}`);
    }
  }
  return client;
}

async function unsubscribeAddress(
  fixtures: Fixtures,
  key: Buffer,
  tenant: FixtureTenant,
  email: string,
): Promise<void> {
  await fixtures.owner.query(
    `INSERT INTO email_suppressions (tenant_id, email_hash) VALUES ($1, email_address_hash($2, $3)) ON CONFLICT DO NOTHING`,
    [tenant.id, email, key],
  );
}

async function reminderProvider(
  fixtures: Fixtures,
  emailHashKey: Buffer,
  cycleId: string,
  tenant: FixtureTenant,
  options: ReminderProviderOptions,
): Promise<ReminderProvider> {
  const provider = await fixtures.provider(tenant, {
    name: `${options.label ?? 'Care'} Home ${randomBytes(2).toString('hex')}`,
  });
  const email =
    options.email ??
    `${options.label ?? 'manager'}-${provider.odsCode.toLowerCase()}-${randomBytes(2).toString('hex')}@provider.test`;
  const [contact] = await fixtures.owner.query(
    `INSERT INTO provider_contacts (tenant_id, provider_id, name, email, role, is_primary)
     VALUES ($1, $2, $3, $4, 'registered_manager', $5) RETURNING id`,
    [
      tenant.id,
      provider.id,
      options.contactName ?? `Manager of ${provider.odsCode}`,
      email.toLowerCase(),
      options.primary ?? true,
    ],
  );
  if (options.unsubscribed) {
    await unsubscribeAddress(fixtures, emailHashKey, tenant, email);
  }
  // The counts the app keeps in step with progress (libs/domain assessmentProgress; no CE+ here).
  const [assessment] = await fixtures.owner.query(
    `INSERT INTO assessments (tenant_id, provider_id, cycle_id, mandatory_total, mandatory_completed, any_progress)
     SELECT $1, $2, $3, count(*), count(*) FILTER (WHERE q.code = ANY($4::text[])), cardinality($4::text[]) > 0
     FROM questions q WHERE q.cycle_id = $3 AND q.level <> 'none' RETURNING id`,
    [tenant.id, provider.id, cycleId, options.completed ?? []],
  );
  if (options.completed?.length) {
    await fixtures.owner.query(
      `INSERT INTO question_progress (tenant_id, assessment_id, question_id, status)
       SELECT $1, $2, q.id, 'completed' FROM questions q WHERE q.cycle_id = $3 AND q.code = ANY($4)`,
      [tenant.id, assessment.id, cycleId, options.completed],
    );
  }
  if (options.published) {
    await fixtures.owner.query(
      `INSERT INTO publications (tenant_id, provider_id, cycle_id, level, published_on) VALUES ($1, $2, $3, $4, '2041-04-01')`,
      [tenant.id, provider.id, cycleId, options.published],
    );
  }
  if (options.archived) {
    await fixtures.owner.query(`UPDATE providers SET archived_at = now() WHERE id = $1`, [provider.id]);
  }
  return { id: provider.id, odsCode: provider.odsCode, contactId: contact.id, email: email.toLowerCase() };
}
