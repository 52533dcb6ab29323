import { ApiClient, type Fixtures } from '@dspt/server/testing';
import request from 'supertest';
import { useTestApi } from '../testing/use-test-api';

function setCookies(response: request.Response): string[] {
  return ([] as string[]).concat(response.headers['set-cookie'] ?? []);
}

describe('XSRF tokens bound to the session', () => {
  const api = useTestApi();
  let app: typeof api.app;
  let fixtures: Fixtures;
  beforeAll(() => ({ app, fixtures } = api));

  async function signedIn(): Promise<ApiClient> {
    const tenant = await fixtures.tenant();
    const user = await fixtures.member(tenant, 'adviser', { mfa: true });
    return new ApiClient(app).signIn(user.email, user.password, user.totpSecret);
  }

  /** A POST with exactly these cookies and this header, as a browser tricked by another site could send. */
  function forged(session: string | undefined, xsrf: string) {
    const cookies = [`XSRF-TOKEN=${xsrf}`, ...(session ? [`dspt_session=${session}`] : [])];
    return request(app.getHttpServer())
      .post('/api/auth/logout')
      .set('Cookie', cookies.join('; '))
      .set('X-XSRF-TOKEN', xsrf);
  }

  it('refuses a token made for another session, even when it is both cookie and header', async () => {
    const victim = await signedIn();
    const attacker = await signedIn();
    const refused = await forged(victim.cookie('dspt_session'), await attacker.xsrfToken());
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/XSRF/);
    // The victim's own pair is accepted (and signs them out).
    expect((await forged(victim.cookie('dspt_session'), await victim.xsrfToken())).status).toBe(204);
  });

  it('issues a new token at each sign-in step, and refuses the older ones', async () => {
    const tenant = await fixtures.tenant();
    const user = await fixtures.member(tenant, 'adviser', { mfa: true });
    const client = new ApiClient(app);
    const anonymousToken = await client.xsrfToken();
    const login = await client.post('/api/auth/login', { email: user.email, password: user.password });
    expect(login.status).toBe(200);
    const mfaToken = await client.xsrfToken();
    expect(mfaToken).not.toBe(anonymousToken);
    expect(setCookies(login).some((line) => line.startsWith(`XSRF-TOKEN=${mfaToken};`))).toBe(true);
    // The token from before sign-in, sent with the new session, is refused.
    expect((await forged(client.cookie('dspt_session'), anonymousToken)).status).toBe(403);

    await client.signIn(user.email, user.password, user.totpSecret);
    const activeSession = client.cookie('dspt_session');
    expect((await forged(activeSession, mfaToken)).status).toBe(403);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/mfa/recovery-codes', { code: '000000' })).status).toBe(401); // past the XSRF check
  });

  it('gives a new token to a request whose token does not match its session, so a page can carry on', async () => {
    const client = await signedIn();
    const stale = await new ApiClient(app).xsrfToken();
    const answer = await request(app.getHttpServer())
      .get('/api/auth/me')
      .set('Cookie', `dspt_session=${client.cookie('dspt_session')}; XSRF-TOKEN=${stale}`);
    expect(answer.status).toBe(200);
    const renewed = /^XSRF-TOKEN=([^;]+)/.exec(
      setCookies(answer).find((line) => line.startsWith('XSRF-TOKEN=')) ?? '',
    )?.[1];
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(stale);
    expect((await forged(client.cookie('dspt_session'), renewed as string)).status).toBe(204);
  });

  describe('the queue dashboard', () => {
    it("refuses Bull Board's writes without the token, from a signed-in system admin too", async () => {
      const admin = await fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true });
      const client = await new ApiClient(app).signIn(admin.email, admin.password, admin.totpSecret);
      expect((await client.get('/admin/queues/api/queues')).status).toBe(200);
      for (const call of [
        client.agent.post('/admin/queues/api/queues/system/add').send({ name: 'echo', data: {} }),
        client.agent.put('/admin/queues/api/queues/system/pause'),
        client.agent
          .put('/admin/queues/api/queues/system/pause')
          .set('X-XSRF-TOKEN', await new ApiClient(app).xsrfToken()),
        request(app.getHttpServer()).put('/admin/queues/api/queues/system/pause'),
      ]) {
        const refused = await call;
        expect(refused.status).toBe(403);
        expect(refused.body.message).toMatch(/XSRF/);
      }
      const paused = await client.agent
        .put('/admin/queues/api/queues/system/pause')
        .set('X-XSRF-TOKEN', await client.xsrfToken());
      expect(paused.status).toBe(200);
      expect(
        (await client.agent.put('/admin/queues/api/queues/system/resume').set('X-XSRF-TOKEN', await client.xsrfToken()))
          .status,
      ).toBe(200);
    });
  });
});

describe('cookie names with Secure cookies (production)', () => {
  const api = useTestApi({ SESSION_COOKIE_SECURE: 'true' });

  it('names the session and XSRF cookies __Host-: Secure, path /, no Domain', async () => {
    const tenant = await api.fixtures.tenant();
    const user = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    const server = api.app.getHttpServer();
    const first = await request(server).get('/api/health');
    const xsrf = /^__Host-XSRF-TOKEN=([^;]+)/.exec(setCookies(first)[0] ?? '')?.[1];
    expect(xsrf).toBeDefined();
    const login = await request(server)
      .post('/api/auth/login')
      .set('Cookie', `__Host-XSRF-TOKEN=${xsrf}`)
      .set('X-XSRF-TOKEN', xsrf as string)
      .send({ email: user.email, password: user.password });
    expect(login.status).toBe(200);
    const cookies = setCookies(login);
    for (const name of ['__Host-dspt_session', '__Host-XSRF-TOKEN']) {
      const line = cookies.find((cookie) => cookie.startsWith(`${name}=`));
      expect(line).toMatch(/; Path=\/(;|$)/);
      expect(line).toMatch(/; Secure/);
      expect(line).not.toMatch(/Domain=/i);
    }
    expect(cookies.find((cookie) => cookie.startsWith('__Host-dspt_session='))).toMatch(/HttpOnly/);
    expect(cookies.some((cookie) => cookie.startsWith('dspt_session=') || cookie.startsWith('XSRF-TOKEN='))).toBe(
      false,
    );
  });
});
