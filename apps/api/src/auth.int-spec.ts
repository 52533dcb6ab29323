import { ApiClient, type Fixtures, type FixtureUser, totpCode } from '@dspt/server/testing';
import request from 'supertest';
import { useTestApi } from './testing/use-test-api';

const WRONG = 'Email address or password is incorrect';

async function auditActions(fixtures: Fixtures, userId: string): Promise<string[]> {
  const rows: { action: string }[] = await fixtures.owner.query(
    `SELECT action FROM audit_events WHERE actor_user_id = $1 ORDER BY occurred_at`,
    [userId],
  );
  return rows.map((row) => row.action);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('sign-in', () => {
  const api = useTestApi({ LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_LIMIT: '100' });
  let app: typeof api.app;
  let fixtures: Fixtures;
  beforeAll(() => ({ app, fixtures } = api));

  describe('with MFA enrolled', () => {
    let user: FixtureUser;
    beforeEach(async () => {
      const tenant = await fixtures.tenant();
      user = await fixtures.member(tenant, 'adviser', { mfa: true });
    });

    it('needs the second factor before the session is signed in, then sets an httpOnly SameSite=Lax cookie', async () => {
      const client = new ApiClient(app);
      const login = await client.post('/api/auth/login', { email: user.email.toUpperCase(), password: user.password });
      expect(login.status).toBe(200);
      expect(login.body).toEqual({ mfaRequired: true });
      const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((line) => line.startsWith('dspt_session='));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect((await client.get('/api/auth/me')).status).toBe(401);

      const mfa = await client.post('/api/auth/mfa', { code: await totpCode(user.totpSecret!) });
      expect(mfa.status).toBe(200);
      expect(mfa.body.me.user.email).toBe(user.email);
      const me = await client.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.memberships).toHaveLength(1);
      expect(me.body.memberships[0].role).toBe('adviser');
      expect(await auditActions(fixtures, user.id)).toEqual(['auth.sign_in']);
    });

    it('refuses a wrong code and a code already used, and ends the session after five wrong codes', async () => {
      const first = await new ApiClient(app).signIn(user.email, user.password, user.totpSecret);
      expect((await first.get('/api/auth/me')).status).toBe(200);

      const replay = new ApiClient(app);
      await replay.post('/api/auth/login', { email: user.email, password: user.password });
      const reused = await replay.post('/api/auth/mfa', { code: await totpCode(user.totpSecret!) });
      expect(reused.status).toBe(401);
      expect(reused.body.message).toBe('The authentication code is not correct');

      const guesser = new ApiClient(app);
      await guesser.post('/api/auth/login', { email: user.email, password: user.password });
      const answers: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        answers.push((await guesser.post('/api/auth/mfa', { code: '000000' })).status);
      }
      expect(answers).toEqual([401, 401, 401, 401, 401]);
      const after = await guesser.post('/api/auth/mfa', { code: await totpCode(user.totpSecret!, 1) });
      expect(after.status).toBe(401);
      expect(after.body.message).toBe('Sign in to continue');
      expect(await auditActions(fixtures, user.id)).toContain('auth.mfa_failed');
    });
  });

  it('accepts a recovery code once, after enrolling MFA at first sign-in when it is required', async () => {
    const tenant = await fixtures.tenant();
    const user = await fixtures.member(tenant, 'viewer');
    const client = new ApiClient(app);
    const login = await client.post('/api/auth/login', { email: user.email, password: user.password });
    expect(login.body).toEqual({ mfaRequired: false, mfaEnrolmentRequired: true });
    expect((await client.get('/api/auth/me')).status).toBe(401);

    const start = await client.post('/api/auth/mfa/enrolment');
    expect(start.status).toBe(200);
    expect(start.body.otpauthUri).toContain(`secret=${start.body.secret}`);
    expect(start.body.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect((await client.post('/api/auth/mfa/enrolment/confirm', { code: '123456' })).status).toBe(401);
    const confirm = await client.post('/api/auth/mfa/enrolment/confirm', { code: await totpCode(start.body.secret) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect(confirm.body.me.user.mfaEnrolled).toBe(true);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const [stored] = await fixtures.owner.query(`SELECT mfa_secret_encrypted FROM users WHERE id = $1`, [user.id]);
    expect(stored.mfa_secret_encrypted).not.toContain(start.body.secret);

    const [recovery] = confirm.body.recoveryCodes as string[];
    for (const [expected, message] of [
      [200, undefined],
      [401, 'The authentication code is not correct'],
    ] as const) {
      const next = new ApiClient(app);
      expect((await next.post('/api/auth/login', { email: user.email, password: user.password })).body).toEqual({ mfaRequired: true });
      const answer = await next.post('/api/auth/mfa', { code: recovery.toUpperCase() });
      expect(answer.status).toBe(expected);
      if (message) {
        expect(answer.body.message).toBe(message);
      }
    }
    expect(await auditActions(fixtures, user.id)).toEqual(
      expect.arrayContaining(['auth.mfa_enrolled', 'auth.sign_in', 'auth.recovery_code_used']),
    );
  });

  it('replaces the recovery codes only with a current authenticator code', async () => {
    const tenant = await fixtures.tenant();
    const user = await fixtures.member(tenant, 'admin', { mfa: true });
    const client = await new ApiClient(app).signIn(user.email, user.password, user.totpSecret);
    expect((await client.post('/api/auth/mfa/recovery-codes', { code: '000000' })).status).toBe(401);
    const fresh = await client.post('/api/auth/mfa/recovery-codes', { code: await totpCode(user.totpSecret!, 1) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);

    const next = new ApiClient(app);
    await next.post('/api/auth/login', { email: user.email, password: user.password });
    expect((await next.post('/api/auth/mfa', { code: fresh.body.recoveryCodes[3] })).status).toBe(200);
    expect(await auditActions(fixtures, user.id)).toContain('auth.recovery_codes_regenerated');
  });

  it('answers an unknown email exactly like a wrong password, in about the same time', async () => {
    const tenant = await fixtures.tenant();
    const user = await fixtures.member(tenant, 'adviser', { mfa: true });
    const timings = { unknown: [] as number[], wrong: [] as number[] };
    for (let round = 0; round < 2; round++) {
      for (const [kind, email] of [
        ['unknown', `nobody-${round}-${user.email}`],
        ['wrong', user.email],
      ] as const) {
        const started = performance.now();
        const answer = await new ApiClient(app).post('/api/auth/login', { email, password: 'not the password at all' });
        timings[kind].push(performance.now() - started);
        expect(answer.status).toBe(401);
        expect(answer.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: WRONG });
      }
    }
    // Both paths verify an argon2id hash; without the decoy the unknown email would answer in ~1 ms.
    expect(median(timings.unknown)).toBeGreaterThan(median(timings.wrong) * 0.5);
  });

  it('locks an account after repeated failures, unknown addresses alike, and records the lockout', async () => {
    const tenant = await fixtures.tenant();
    const user = await fixtures.member(tenant, 'adviser', { mfa: true });
    for (const email of [user.email, `ghost-${user.email}`]) {
      const client = new ApiClient(app);
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        statuses.push((await client.post('/api/auth/login', { email, password: 'wrong password here' })).status);
      }
      expect(statuses).toEqual([401, 401, 401]);
      const locked = await client.post('/api/auth/login', { email, password: user.password });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(locked.body.message).toMatch(/Too many failed sign-in attempts/);
    }
    expect(await auditActions(fixtures, user.id)).toEqual([
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.lockout',
    ]);
  });

  it('ends the session on logout', async () => {
    const tenant = await fixtures.tenant();
    const user = await fixtures.member(tenant, 'adviser', { mfa: true });
    const client = await new ApiClient(app).signIn(user.email, user.password, user.totpSecret);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect(await auditActions(fixtures, user.id)).toEqual(['auth.sign_in', 'auth.sign_out']);
  });

  it('refuses mutating requests without the XSRF header, with a message saying what is missing', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: 'someone@test.example', password: 'whatever' });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/XSRF/);
  });

  it('validates the login body, naming each field', async () => {
    const response = await new ApiClient(app).post('/api/auth/login', { email: 'not-an-email' });
    expect(response.status).toBe(400);
    const fields = new Set(response.body.details.map((detail: { field: string }) => detail.field));
    expect([...fields].sort()).toEqual(['email', 'password']);
  });
});

describe('sign-in limits and session expiry', () => {
  const api = useTestApi({ LOGIN_IP_LIMIT: '4', SESSION_IDLE_SECONDS: '2', SESSION_ABSOLUTE_SECONDS: '4' });
  let app: typeof api.app;
  let fixtures: Fixtures;
  beforeAll(() => ({ app, fixtures } = api));

  it('expires an idle session and, however active, an old one', async () => {
    const tenant = await fixtures.tenant();
    const [idleUser, busyUser] = [await fixtures.member(tenant, 'adviser', { mfa: true }), await fixtures.member(tenant, 'viewer', { mfa: true })];
    const idle = await new ApiClient(app).signIn(idleUser.email, idleUser.password, idleUser.totpSecret);
    const busy = await new ApiClient(app).signIn(busyUser.email, busyUser.password, busyUser.totpSecret);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const busyStatuses: number[] = [];
    for (let second = 0; second < 5; second++) {
      await sleep(1_000);
      busyStatuses.push((await busy.get('/api/auth/me')).status);
    }
    // Kept alive by use every second, yet gone once 4 s have passed since sign-in.
    expect(busyStatuses.slice(0, 2)).toEqual([200, 200]);
    expect(busyStatuses.at(-1)).toBe(401);
    expect((await idle.get('/api/auth/me')).status).toBe(401);
  }, 20_000);

  it('throttles sign-in attempts per IP address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let attempt = 0; attempt < 6; attempt++) {
      last = await new ApiClient(app).post('/api/auth/login', { email: `ip-${attempt}@test.example`, password: 'irrelevant pw' });
      statuses.push(last.status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
    expect(last?.status).toBe(429);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.body.message).toMatch(/Too many sign-in attempts/);
  });
});
