import {
  migrateTestDatabase,
  builtEntryPoint,
  Fixtures,
  INTEGRATION_MFA_KEY,
  integrationEnv,
  type RunningProcess,
  startNodeProcess,
  totpCode,
} from '@dspt/server/testing';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

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
