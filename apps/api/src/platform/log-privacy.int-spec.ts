import {
  ApiClient,
  migrateTestDatabase,
  builtEntryPoint,
  Fixtures,
  INTEGRATION_MFA_KEY,
  integrationEnv,
  type RunningProcess,
  startNodeProcess,
  totpCode,
  freePort,
} from '@dspt/server/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { type ReminderProvider, useReminderTestApi } from '../testing/reminder-test-api';

/** A small fetch-based client for a real api process: cookies, the XSRF header, JSON. */
class ProcessClient {
  private cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  async send(method: string, path: string, body?: object): Promise<Response> {
    if (!this.cookies.has('XSRF-TOKEN')) {
      this.remember(await fetch(`${this.base}/api/health`));
    }
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        'x-xsrf-token': this.cookies.get('XSRF-TOKEN') ?? '',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    this.remember(response);
    return response;
  }

  private remember(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
}

describe('personal data and tokens stay out of the logs (the built api, its real stdout)', () => {
  const marker = `logprivacy${randomBytes(4).toString('hex')}`;
  const email = `pat.${marker}@care.example`;
  const noteBody = `Spoke to Pat about ${marker}'s divorce`;
  const token = `${randomBytes(24).toString('base64url')}9x`;
  let fixtures: Fixtures;
  let api: RunningProcess;
  let base: string;

  beforeAll(async () => {
    const env = integrationEnv({ PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    await migrateTestDatabase(env['DATABASE_OWNER_URL'], env['DATABASE_URL']);
    fixtures = await Fixtures.connect(env['DATABASE_OWNER_URL'], INTEGRATION_MFA_KEY);
    // A database fault for this test's rows only (other test files share the database): PostgreSQL's
    // error carries the values as its detail, as a unique violation's "Key (email)=(…)" does.
    await fixtures.owner.query(`
      CREATE OR REPLACE FUNCTION ${marker}_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF to_jsonb(NEW)::text LIKE '%${marker}%' THEN
          RAISE EXCEPTION 'injected fault' USING DETAIL = 'Failing row contains ' || to_jsonb(NEW)::text;
        END IF;
        RETURN NEW;
      END $$`);
    await fixtures.owner.query(
      `CREATE TRIGGER ${marker}_notes BEFORE INSERT ON case_notes FOR EACH ROW EXECUTE FUNCTION ${marker}_fault()`,
    );
    await fixtures.owner.query(
      `CREATE TRIGGER ${marker}_contacts BEFORE INSERT ON provider_contacts FOR EACH ROW EXECUTE FUNCTION ${marker}_fault()`,
    );
    api = startNodeProcess(builtEntryPoint('api'), env);
    await api.waitForOutput(/API listening on/);
    base = `http://127.0.0.1:${env['PORT']}`;
  });

  afterAll(async () => {
    await api?.stop();
    await fixtures?.owner.query(`DROP TRIGGER IF EXISTS ${marker}_notes ON case_notes`);
    await fixtures?.owner.query(`DROP TRIGGER IF EXISTS ${marker}_contacts ON provider_contacts`);
    await fixtures?.owner.query(`DROP FUNCTION IF EXISTS ${marker}_fault()`);
    await fixtures?.close();
  });

  it('logs a failed query by its text and parameter count, and URLs without their tokens', async () => {
    const tenant = await fixtures.tenant('logs');
    const adviser = await fixtures.member(tenant, 'adviser', { mfa: true });
    const provider = await fixtures.provider(tenant);
    const client = new ProcessClient(base);
    expect(
      (await client.send('POST', '/api/auth/login', { email: adviser.email, password: adviser.password })).status,
    ).toBe(200);
    expect(
      (await client.send('POST', '/api/auth/mfa', { code: await totpCode(adviser.totpSecret as string) })).status,
    ).toBe(200);

    const note = await client.send('POST', `/api/tenants/${tenant.slug}/providers/${provider.id}/notes`, {
      kind: 'call',
      body: noteBody,
    });
    expect(note.status).toBe(500);
    const contact = await client.send('POST', `/api/tenants/${tenant.slug}/providers/${provider.id}/contacts`, {
      name: `Pat ${marker}`,
      email,
      role: 'other',
    });
    expect(contact.status).toBe(500);
    await client.send('GET', `/api/unsubscribe?token=${token}`);
    await client.send('GET', `/unsubscribe?token=${token}`);
    await client.send('GET', `/api/unsubscribe/${token}`);

    // The last request's log line shows the lines before it are out.
    await api.waitForOutput(/"url":"\/api\/unsubscribe\/\[redacted\]"/);
    const output = api.output();
    expect(output).toContain('injected fault');
    expect(output).toMatch(/"parameterCount":\d+/);
    expect(output).toContain('"url":"/api/unsubscribe?token=[redacted]"');
    for (const secret of [marker, email, noteBody, token]) {
      expect({ secret, leaked: output.includes(secret) }).toEqual({ secret, leaked: false });
    }
  });
});

describe("personal data stays out of the worker's logs, and the built api's, through reminder and guidance emails", () => {
  const api = useReminderTestApi();
  const marker = `workerlogs${randomBytes(4).toString('hex')}`;
  /** Contacts whose names and addresses must appear nowhere in either log. */
  const people = {
    reminded: { contactName: `Robin ${marker}a`, email: `robin.${marker}a@care.example` },
    refused: { contactName: `Sam ${marker}b`, email: `sam.${marker}b@care.example` },
    greylisted: { contactName: `Alex ${marker}c`, email: `alex.${marker}c@care.example` },
    guided: { contactName: `Jo ${marker}d`, email: `jo.${marker}d@care.example` },
  };
  const personalMessage = `Sorry to hear about ${marker}'s operation`;
  let worker: RunningProcess;
  let built: RunningProcess;
  let base: string;

  beforeAll(async () => {
    worker = await api.startWorker();
    const port = await freePort();
    built = startNodeProcess(builtEntryPoint('api'), {
      ...api.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    await built.waitForOutput(/API listening on/);
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await built?.stop();
  });

  it('logs the sends, refusals and retries without a name, address or personal message', async () => {
    const tenant = await api.fixtures.tenant('worker-logs');
    const providers: Record<keyof typeof people, ReminderProvider> = {
      reminded: await api.provider(tenant, people.reminded),
      refused: await api.provider(tenant, people.refused),
      greylisted: await api.provider(tenant, people.greylisted),
      guided: await api.provider(tenant, { ...people.guided, published: 'standards_met' }),
    };
    // Relays quote the recipient in their refusals, as these do.
    api.smtp.refuse = (address, attempt) => {
      if (address === people.refused.email) {
        return { code: 550, message: `5.1.1 <${address}>: Recipient address rejected: User unknown` };
      }
      return address === people.greylisted.email && attempt === 1
        ? { code: 451, message: `4.7.1 <${address}>: Greylisted, try again later` }
        : undefined;
    };
    const adminUser = await api.fixtures.user({ label: 'logs-sysadmin', globalRole: 'system_admin', mfa: true });
    const admin = await new ApiClient(base).signIn(adminUser.email, adminUser.password, adminUser.totpSecret);
    const adviserUser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    const adviser = await new ApiClient(base).signIn(adviserUser.email, adviserUser.password, adviserUser.totpSecret);

    expect((await admin.post('/api/system/reminders/plan')).status).toBe(200);
    const guidance = await adviser.post(
      `/api/tenants/${tenant.slug}/providers/${providers.guided.id}/guidance-emails`,
      {
        message: personalMessage,
        requestId: randomUUID(),
      },
    );
    expect(guidance.status).toBe(202);
    await api.settled(Object.values(providers), 'the reminders and the guidance email');
    const outcomes = await api.outbox(Object.values(providers).map((provider) => provider.contactId));
    expect(
      Object.fromEntries(
        Object.entries(providers).map(([who, provider]) => [
          who,
          outcomes.find((row) => row.contact_id === provider.contactId)?.status,
        ]),
      ),
    ).toEqual({ reminded: 'sent', refused: 'failed', greylisted: 'sent', guided: 'sent' });
    expect(api.smtp.offers.get(people.greylisted.email)).toBe(2);

    // The api's last request is logged: its lines are out.
    const outbox = await adviser.get(`/api/tenants/${tenant.slug}/providers/${providers.refused.id}/emails`);
    expect(outbox.status).toBe(200);
    await built.waitForOutput(
      new RegExp(`"url":"/api/tenants/${tenant.slug}/providers/${providers.refused.id}/emails"`),
    );
    const logs = { worker: worker.output(), api: built.output() };
    expect(logs.worker).toMatch(/worker started/);
    const secrets = [
      marker,
      personalMessage,
      ...Object.values(people).flatMap(({ contactName, email }) => [contactName, email, email.split('@')[0]]),
    ];
    for (const [log, output] of Object.entries(logs)) {
      expect({ log, leaked: secrets.filter((secret) => output.includes(secret)) }).toEqual({ log, leaked: [] });
    }
  });
});
