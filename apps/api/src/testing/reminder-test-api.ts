import type { ReminderPlanResult } from '@dspt/contracts';
import { reminderSchedule } from '@dspt/domain';
import { dropDatabase } from '@dspt/server/database';
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
  /** Plans as a system admin would (POST /api/system/reminders/plan). */
  plan(): Promise<ReminderPlanResult>;
  /** Outbox rows of these contacts, by contact id. */
  outbox(
    contactIds: readonly string[],
  ): Promise<Array<{ contact_id: string; status: string; attempts: number; last_error: string | null; kind: string }>>;
}

export interface ReminderProviderOptions {
  label?: string;
  completed?: string[];
  published?: 'approaching_standards' | 'standards_met' | 'standards_exceeded';
  archived?: boolean;
  unsubscribed?: boolean;
  primary?: boolean;
  email?: string;
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
      DATABASE_URL: databaseUrl,
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
  api.provider = (tenant, options = {}) => reminderProvider(api.fixtures, api.cycleId, tenant, options);
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

async function reminderProvider(
  fixtures: Fixtures,
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
    `INSERT INTO provider_contacts (tenant_id, provider_id, name, email, role, is_primary, unsubscribed_at)
     VALUES ($1, $2, $3, $4, 'registered_manager', $5, CASE WHEN $6 THEN now() END) RETURNING id`,
    [
      tenant.id,
      provider.id,
      `Manager of ${provider.odsCode}`,
      email.toLowerCase(),
      options.primary ?? true,
      options.unsubscribed ?? false,
    ],
  );
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
