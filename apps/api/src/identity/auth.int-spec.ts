import { ApiClient, type Fixtures, type FixtureUser, totpCode } from '@dspt/server/testing';
import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { useTestApi } from '../testing/use-test-api';

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
  const api = useTestApi();
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
      const cookie = ([] as string[])
        .concat(login.headers['set-cookie'] ?? [])
        .find((line) => line.startsWith('dspt_session='));
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
      // One code string, used twice: recomputing it could land in the next 30 s step and be a fresh code.
      const code = await totpCode(user.totpSecret!);
      const first = new ApiClient(app);
      await first.post('/api/auth/login', { email: user.email, password: user.password });
      expect((await first.post('/api/auth/mfa', { code })).status).toBe(200);
      expect((await first.get('/api/auth/me')).status).toBe(200);

      const replay = new ApiClient(app);
      await replay.post('/api/auth/login', { email: user.email, password: user.password });
      const reused = await replay.post('/api/auth/mfa', { code });
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
      expect((await next.post('/api/auth/login', { email: user.email, password: user.password })).body).toEqual({
        mfaRequired: true,
      });
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
    // Four of each, taken in turns: on a busy machine one hash can take twice as long as the next, and
    // a median of two is one of them. Four wrong passwords stay within the account's free failures (five).
    for (let round = 0; round < 4; round++) {
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
    const [idleUser, busyUser] = [
      await fixtures.member(tenant, 'adviser', { mfa: true }),
      await fixtures.member(tenant, 'viewer', { mfa: true }),
    ];
    const idle = await new ApiClient(app).signIn(idleUser.email, idleUser.password, idleUser.totpSecret);
    const signedInAt = Date.now();
    const busy = await new ApiClient(app).signIn(busyUser.email, busyUser.password, busyUser.totpSecret);
    // Used every quarter second until the session ends (the thing itself, not a clock of the test's own).
    let usedUntil = 0;
    let status = 200;
    while (status === 200 && usedUntil < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await busy.get('/api/auth/me')).status;
      usedUntil = status === 200 ? Date.now() - signedInAt : usedUntil;
    }
    // Kept alive by use past its 2 s idle limit, yet gone once 4 s have passed since sign-in.
    expect(status).toBe(401);
    expect(usedUntil).toBeGreaterThan(2_000);
    expect(usedUntil).toBeLessThan(5_000); // 4 s, and the last request's own time on a busy machine
    expect((await idle.get('/api/auth/me')).status).toBe(401);
  }, 20_000);

  it('throttles sign-in attempts per IP address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let attempt = 0; attempt < 6; attempt++) {
      last = await new ApiClient(app).post('/api/auth/login', {
        email: `ip-${attempt}@test.example`,
        password: 'irrelevant pw',
      });
      statuses.push(last.status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
    expect(last?.status).toBe(429);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.body.message).toMatch(/Too many sign-in attempts/);
  });
});

describe('sign-in throttling', () => {
  // Waits start after 3 failures on an account from one address, after 8 from all addresses together.
  const api = useTestApi({ LOGIN_FREE_FAILURES: '3', LOGIN_ACCOUNT_FREE_FAILURES: '8', LOGIN_FAILURE_CEILING: '20' });
  let app: typeof api.app;
  let fixtures: Fixtures;
  beforeAll(() => ({ app, fixtures } = api));

  /** A client on its own loopback address, as another computer would be. */
  const from = (address: string) => new ApiClient(app, { localAddress: address });
  const waitOut = (response: request.Response) =>
    new Promise((resolve) => setTimeout(resolve, Number(response.headers['retry-after']) * 1000 + 50));

  async function fail(client: ApiClient, email: string) {
    return client.post('/api/auth/login', { email, password: 'not the password at all' });
  }

  it('slows a guesser on one address with growing waits, while the owner signs in from another', async () => {
    const tenant = await fixtures.tenant();
    const owner = await fixtures.member(tenant, 'adviser', { mfa: true });
    const attacker = from('127.0.0.2');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await fail(attacker, owner.email)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401]);
    const first = await fail(attacker, owner.email);
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('1');
    expect(first.body.message).toBe('Too many failed sign-in attempts: wait 1 second before trying again.');
    // Even the right password waits its turn on that address: this is a pace, not a lock.
    expect((await attacker.post('/api/auth/login', { email: owner.email, password: owner.password })).status).toBe(429);

    // The owner, elsewhere, is not held up by it.
    const signedIn = await from('127.0.0.3').signIn(owner.email, owner.password, owner.totpSecret);
    expect((await signedIn.get('/api/auth/me')).status).toBe(200);

    // The guesser's waits keep growing: 1 s, then 2 s, then 4 s.
    let refused = first;
    for (const expected of ['2', '4']) {
      await waitOut(refused);
      expect((await fail(attacker, owner.email)).status).toBe(401);
      refused = await fail(attacker, owner.email);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe(expected);
    }
    expect(await auditActions(fixtures, owner.id)).toEqual(
      expect.arrayContaining(['auth.sign_in_failed', 'auth.sign_in']),
    );
    expect(await auditActions(fixtures, owner.id)).not.toContain('auth.lockout');
  }, 20_000);

  it('answers an unknown address exactly as a known one, wait for wait', async () => {
    const tenant = await fixtures.tenant();
    const user = await fixtures.member(tenant, 'adviser', { mfa: true });
    const answers: Record<string, Array<[number, string | undefined, string]>> = {};
    for (const [kind, email, address] of [
      ['known', user.email, '127.0.0.4'],
      ['unknown', `ghost-${user.email}`, '127.0.0.5'],
    ] as const) {
      const client = from(address);
      answers[kind] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        const answer = await fail(client, email);
        answers[kind].push([answer.status, answer.headers['retry-after'], answer.body.message]);
      }
    }
    expect(answers['unknown']).toEqual(answers['known']);
    expect(answers['known'].map(([status]) => status)).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('holds every address to the account-wide pace once many addresses have failed', async () => {
    const tenant = await fixtures.tenant();
    const user = await fixtures.member(tenant, 'viewer', { mfa: true });
    // 3 free failures from each of 3 addresses: 9 on the account, one past its 8 free ones.
    for (const address of ['127.0.1.1', '127.0.1.2', '127.0.1.3']) {
      for (let attempt = 0; attempt < 3; attempt++) {
        expect((await fail(from(address), user.email)).status).toBe(401);
      }
    }
    const elsewhere = await from('127.0.1.4').post('/api/auth/login', { email: user.email, password: user.password });
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.headers['retry-after']).toBe('1');
    await waitOut(elsewhere);
    // After the wait the owner gets in, and their success clears the account's count.
    expect(
      (await from('127.0.1.4').post('/api/auth/login', { email: user.email, password: user.password })).body,
    ).toEqual({ mfaRequired: true });
    expect((await fail(from('127.0.1.5'), user.email)).status).toBe(401);
  });

  it('throttles MFA codes per account: signing in again with the password buys no more guesses', async () => {
    const tenant = await fixtures.tenant();
    const user = await fixtures.member(tenant, 'adviser', { mfa: true });
    const guesser = from('127.0.0.6');
    expect((await guesser.post('/api/auth/login', { email: user.email, password: user.password })).body).toEqual({
      mfaRequired: true,
    });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await guesser.post('/api/auth/mfa', { code: '000000' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401]);
    // A new session with the (known) password: the codes' count is the account's, not the session's.
    expect((await guesser.post('/api/auth/login', { email: user.email, password: user.password })).body).toEqual({
      mfaRequired: true,
    });
    let answer = await guesser.post('/api/auth/mfa', { code: '000000' });
    expect(answer.status).toBe(429);
    // Guess on, waiting out each refusal (1 s, then 2 s), so that the next wrong code costs a 4 s wait: long
    // enough for the requests below to fall inside it however busy the machine is.
    while (Number(answer.headers['retry-after']) < 2) {
      await waitOut(answer);
      expect((await guesser.post('/api/auth/mfa', { code: '000000' })).status).toBe(401);
      answer = await guesser.post('/api/auth/mfa', { code: '000000' });
      expect(answer.status).toBe(429);
    }
    await waitOut(answer);
    expect((await guesser.post('/api/auth/mfa', { code: '000000' })).status).toBe(401);
    const refused = await guesser.post('/api/auth/mfa', { code: '000000' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.message).toMatch(/^Too many wrong authentication codes: wait/);
    expect((await guesser.post('/api/auth/mfa', { code: await totpCode(user.totpSecret!) })).status).toBe(429);
    await waitOut(refused);
    expect((await guesser.post('/api/auth/mfa', { code: await totpCode(user.totpSecret!) })).status).toBe(200);
  });

  it('counts password-reset requests apart: asking for links never slows sign-in', async () => {
    const tenant = await fixtures.tenant();
    const user = await fixtures.member(tenant, 'adviser', { mfa: true });
    const client = from('127.0.0.7');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push((await client.post('/api/auth/password-reset', { email: user.email })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429, 429, 429, 429, 429]);
    const refused = await client.post('/api/auth/password-reset', { email: user.email });
    expect(refused.body.message).toMatch(/^Too many password-reset requests: try again in/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await client.signIn(user.email, user.password, user.totpSecret);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('throttles the current password asked when an existing account accepts an invitation', async () => {
    const [home, other] = [await fixtures.tenant(), await fixtures.tenant()];
    const user = await fixtures.member(home, 'adviser', { mfa: true });
    const token = randomBytes(32).toString('base64url');
    await fixtures.owner.query(
      `INSERT INTO invitations (tenant_id, email, role, token_hash, expires_at) VALUES ($1, $2, 'viewer', $3, now() + interval '7 days')`,
      [other.id, user.email, createHash('sha256').update(token).digest('hex')],
    );
    const client = from('127.0.0.8');
    const accept = (password: string) =>
      client.post('/api/invitations/accept', { token, lsp: other.slug, displayName: 'Sam', password });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await accept('not the password at all')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const refused = await accept(user.password);
    expect(refused.status).toBe(429);
    // The same count as sign-in: that address must wait there too.
    expect((await fail(client, user.email)).status).toBe(429);
    await waitOut(refused);
    expect((await accept(user.password)).body).toEqual({ mfaRequired: true });
    expect(await auditActions(fixtures, user.id)).toEqual(
      expect.arrayContaining(['auth.sign_in_failed', 'invitation.accepted']),
    );
  });
});
