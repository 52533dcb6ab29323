import type { INestApplication } from '@nestjs/common';
import { CookieAccessInfo, type CookieJar } from 'cookiejar';
import { createGuardrails, generate } from 'otplib';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

/** The code an authenticator app would show now (or `offsetSteps` periods later) for a base32 secret. */
export function totpCode(secret: string, offsetSteps = 0): Promise<string> {
  return generate({ secret, guardrails, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}

/**
 * A browser-like client for the real HTTP app: keeps cookies, and sends the XSRF cookie back in the
 * X-XSRF-TOKEN header on mutating requests, as Angular does.
 */
export class ApiClient {
  private readonly agent: TestAgent;
  private xsrf: string | undefined;

  constructor(app: INestApplication) {
    this.agent = request.agent(app.getHttpServer());
  }

  get(path: string) {
    return this.agent.get(path);
  }

  async post(path: string, body?: object) {
    const token = await this.xsrfToken();
    return this.agent.post(path).set('X-XSRF-TOKEN', token).send(body);
  }

  async patch(path: string, body?: object) {
    const token = await this.xsrfToken();
    return this.agent.patch(path).set('X-XSRF-TOKEN', token).send(body);
  }

  async put(path: string, body?: object) {
    const token = await this.xsrfToken();
    return this.agent.put(path).set('X-XSRF-TOKEN', token).send(body);
  }

  async delete(path: string) {
    const token = await this.xsrfToken();
    return this.agent.delete(path).set('X-XSRF-TOKEN', token);
  }

  /** Any method, for tests that walk the route table. */
  async send(method: string, path: string, body?: object) {
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    if (verb === 'get') {
      return this.agent.get(path);
    }
    // The token first: the agent attaches its cookies when a request is created.
    const token = await this.xsrfToken();
    return this.agent[verb](path).set('X-XSRF-TOKEN', token).send(body);
  }

  /** A multipart upload of one file, as a browser form sends it. */
  async upload(method: 'POST' | 'PUT', path: string, content: Buffer | string, filename: string, field = 'file') {
    const token = await this.xsrfToken();
    const call = method === 'POST' ? this.agent.post(path) : this.agent.put(path);
    return call.set('X-XSRF-TOKEN', token).attach(field, Buffer.isBuffer(content) ? content : Buffer.from(content), filename);
  }

  /** Password, then (when the account has MFA) a TOTP code; fails the test unless signed in. */
  async signIn(email: string, password: string, totpSecret?: string): Promise<this> {
    const login = await this.post('/api/auth/login', { email, password });
    if (login.status !== 200) {
      throw new Error(`Sign-in as ${email} answered ${login.status}: ${JSON.stringify(login.body)}`);
    }
    if (login.body.mfaRequired) {
      if (!totpSecret) {
        throw new Error(`${email} has MFA: pass its TOTP secret`);
      }
      const mfa = await this.post('/api/auth/mfa', { code: await totpCode(totpSecret) });
      if (mfa.status !== 200) {
        throw new Error(`MFA for ${email} answered ${mfa.status}: ${JSON.stringify(mfa.body)}`);
      }
    }
    return this;
  }

  private async xsrfToken(): Promise<string> {
    if (!this.xsrf) {
      // The cookie is set on the first response of this client, whichever request that was.
      await this.agent.get('/api/health');
      const jar = (this.agent as unknown as { jar: CookieJar }).jar;
      const cookie = jar.getCookie('XSRF-TOKEN', CookieAccessInfo.All);
      if (!cookie) {
        throw new Error('The API set no XSRF-TOKEN cookie');
      }
      this.xsrf = cookie.value;
    }
    return this.xsrf;
  }
}
