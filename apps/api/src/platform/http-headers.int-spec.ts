import { ApiClient, type Fixtures, integrationEnv, totpCode } from '@dspt/server/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CaseloadFixtures } from '../testing/caseload-fixtures';
import { startTestApi } from '../testing/start-test-api';
import { useTestApi } from '../testing/use-test-api';

/** The directives of a Content-Security-Policy header, by name. */
function csp(header: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((directive) => directive.trim())
      .filter(Boolean)
      .map((directive) => {
        const [name, ...values] = directive.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

/** Signs in (password, then TOTP) with every request claiming to come through a proxy for `forwardedFor`. */
async function signInForwarded(
  app: Parameters<typeof request>[0],
  fixtures: Fixtures,
  forwardedFor: string,
): Promise<string | null> {
  const user = await fixtures.user({ label: 'forwarded', mfa: true });
  const agent = request.agent(app);
  const first = await agent.get('/api/health').set('X-Forwarded-For', forwardedFor);
  // The XSRF token is bound to the session, so it is renewed when sign-in starts one.
  const xsrfFrom = (response: request.Response) =>
    /XSRF-TOKEN=([^;]+)/.exec(String(response.headers['set-cookie']))?.[1] ?? '';
  const login = await agent
    .post('/api/auth/login')
    .set('X-Forwarded-For', forwardedFor)
    .set('X-XSRF-TOKEN', xsrfFrom(first))
    .send({ email: user.email, password: user.password });
  expect(login.status).toBe(200);
  const mfa = await agent
    .post('/api/auth/mfa')
    .set('X-Forwarded-For', forwardedFor)
    .set('X-XSRF-TOKEN', xsrfFrom(login))
    .send({ code: await totpCode(user.totpSecret as string) });
  expect(mfa.status).toBe(200);
  const [event] = await fixtures.owner.query(
    `SELECT host(ip) AS ip FROM audit_events WHERE actor_user_id = $1 AND action = 'auth.sign_in'`,
    [user.id],
  );
  return event?.ip ?? null;
}

/** A stand-in web build, so `/` and client-side routes are served as in production. */
function webRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'dspt-web-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><body><dspt-root></dspt-root></body></html>');
  return root;
}

describe('HTTP headers: caching, content security policy, API docs', () => {
  const api = useTestApi({ WEB_ROOT: webRoot() });

  it('sends Cache-Control: no-store on every API answer, exports and errors included', async () => {
    await new CaseloadFixtures(api.fixtures.owner).ensureCurrentCycle();
    const tenant = await api.fixtures.tenant('headers');
    const adviser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    const client = await new ApiClient(api.app).signIn(adviser.email, adviser.password, adviser.totpSecret);
    const answers = {
      me: await client.get('/api/auth/me'),
      caseload: await client.get(`/api/tenants/${tenant.slug}/providers`),
      export: await client.get(`/api/tenants/${tenant.slug}/providers/export`),
      tasks: await client.get(`/api/tenants/${tenant.slug}/tasks`),
      forbidden: await client.get(`/api/tenants/${tenant.slug}/audit-events`),
      health: await client.get('/api/health'),
      notFound: await client.get('/api/no-such-route'),
      anonymous: await new ApiClient(api.app).get(`/api/tenants/${tenant.slug}/providers`),
    };
    // The health check sends its own "no-cache, no-store, must-revalidate".
    const headers = Object.fromEntries(
      Object.entries(answers).map(([name, answer]) => [name, answer.headers['cache-control']]),
    );
    expect(headers).toEqual(
      Object.fromEntries(
        Object.keys(answers).map((name) => [
          name,
          name === 'health' ? 'no-cache, no-store, must-revalidate' : 'no-store',
        ]),
      ),
    );
    expect([answers.caseload.status, answers.export.status, answers.tasks.status]).toEqual([200, 200, 200]);
  });

  it('gives the app and the API a strict policy: no inline script anywhere but the API docs', async () => {
    for (const path of ['/', '/caseload', '/api/health']) {
      const answer = await request(api.app.getHttpServer()).get(path);
      expect(answer.status).not.toBe(404);
      const policy = csp(answer.headers['content-security-policy']);
      expect({ path, policy }).toEqual({
        path,
        policy: expect.objectContaining({
          'default-src': "'self'",
          'script-src': "'self'",
          'script-src-attr': "'none'",
          'object-src': "'none'",
          'base-uri': "'self'",
          'frame-ancestors': "'none'",
          'form-action': "'self'",
        }),
      });
    }
    const docs = await request(api.app.getHttpServer()).get('/api/docs');
    expect(docs.status).toBe(200);
    const docsPolicy = csp(docs.headers['content-security-policy']);
    expect(docsPolicy['script-src']).toBe("'self' 'unsafe-inline'");
    expect(docsPolicy['object-src']).toBe("'none'");
    expect(docsPolicy['frame-ancestors']).toBe("'none'");
  });

  it('believes X-Forwarded-For from a proxy on loopback, the one it trusts by default', async () => {
    expect(await signInForwarded(api.app.getHttpServer(), api.fixtures, '203.0.113.7')).toBe('203.0.113.7');
  });
});

describe('API docs and proxies as configured', () => {
  it('answers 404 at /api/docs in production unless API_DOCS_ENABLED turns them on', async () => {
    // Production refuses published or non-random secrets: random ones of this run.
    const secret = () => randomBytes(32).toString('base64');
    const production = { NODE_ENV: 'production', SESSION_SECRET: secret(), EMAIL_HASH_KEY: secret() };
    const off = await startTestApi(integrationEnv(production));
    const on = await startTestApi(integrationEnv({ ...production, API_DOCS_ENABLED: 'true' }));
    try {
      for (const path of ['/api/docs', '/api/docs/openapi.json']) {
        expect({ path, status: (await request(off.getHttpServer()).get(path)).status }).toEqual({ path, status: 404 });
      }
      expect((await request(on.getHttpServer()).get('/api/docs/openapi.json')).status).toBe(200);
    } finally {
      await off.close();
      await on.close();
    }
  });

  describe('X-Forwarded-For from an address that is not a trusted proxy', () => {
    // The tests connect from 127.0.0.1, which this app does not trust.
    const api = useTestApi({ TRUST_PROXY: '10.0.0.0/8' });

    it('is ignored: the audit trail records the connecting address', async () => {
      expect(await signInForwarded(api.app.getHttpServer(), api.fixtures, '203.0.113.7')).toBe('127.0.0.1');
    });
  });
});
