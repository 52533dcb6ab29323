import type { INestApplication } from '@nestjs/common';
import { CookieAccessInfo, type CookieJar } from 'cookiejar';
import { Agent as HttpAgent } from 'node:http';
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
  readonly agent: TestAgent;
  private readonly connections: HttpAgent | undefined;

  /**
   * The app in this process, or the address of one running in another (`http://127.0.0.1:port`).
   * `localAddress` (127.0.0.2, say) makes the requests come from another source address, as another computer's would.
   */
  constructor(app: INestApplication | string, options: { localAddress?: string } = {}) {
    this.agent = request.agent(typeof app === 'string' ? app : app.getHttpServer());
    this.connections = options.localAddress ? new HttpAgent({ localAddress: options.localAddress }) : undefined;
  }

  /**
   * A client of another server (another api replica, say) holding this client's cookies, as one browser is
   * when a load balancer sends its requests to another replica: a cookie set through either is sent by both.
   */
  onServer(url: string): ApiClient {
    const other = new ApiClient(url);
    (other.agent as unknown as { jar: CookieJar }).jar = (this.agent as unknown as { jar: CookieJar }).jar;
    return other;
  }

  get(path: string) {
    return this.from(this.agent.get(path));
  }

  async post(path: string, body?: object) {
    const token = await this.xsrfToken();
    return this.from(this.agent.post(path)).set('X-XSRF-TOKEN', token).send(body);
  }

  async patch(path: string, body?: object) {
    const token = await this.xsrfToken();
    return this.from(this.agent.patch(path)).set('X-XSRF-TOKEN', token).send(body);
  }

  async put(path: string, body?: object) {
    const token = await this.xsrfToken();
    return this.from(this.agent.put(path)).set('X-XSRF-TOKEN', token).send(body);
  }

  async delete(path: string) {
    const token = await this.xsrfToken();
    return this.from(this.agent.delete(path)).set('X-XSRF-TOKEN', token);
  }

  /** Any method, for tests that walk the route table. */
  async send(method: string, path: string, body?: object) {
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    if (verb === 'get') {
      return this.get(path);
    }
    // The token first: the agent attaches its cookies when a request is created.
    const token = await this.xsrfToken();
    return this.from(this.agent[verb](path)).set('X-XSRF-TOKEN', token).send(body);
  }

  /** A request with the session and XSRF header set, shaped by `shape` (raw bodies, extra form fields). */
  async request(method: string, path: string, shape: (test: request.Test) => request.Test = (test) => test) {
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const token = await this.xsrfToken();
    return shape(this.from(this.agent[verb](path)).set('X-XSRF-TOKEN', token));
  }

  /** A multipart upload of one file, as a browser form sends it. */
  async upload(method: 'POST' | 'PUT', path: string, content: Buffer | string, filename: string, field = 'file') {
    const token = await this.xsrfToken();
    const call = this.from(method === 'POST' ? this.agent.post(path) : this.agent.put(path));
    return call
      .set('X-XSRF-TOKEN', token)
      .attach(field, Buffer.isBuffer(content) ? content : Buffer.from(content), filename);
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

  /**
   * The XSRF cookie's current value. Read from the cookie jar on every request, because the API renews
   * the token whenever the session changes (sign-in, MFA, sign-out).
   */
  async xsrfToken(): Promise<string> {
    if (!this.xsrfCookie()) {
      // The cookie is set on the first response of this client, whichever request that was.
      await this.get('/api/health');
    }
    const value = this.xsrfCookie();
    if (!value) {
      throw new Error('The API set no XSRF-TOKEN cookie');
    }
    return value;
  }

  private from<T extends { agent(agent: HttpAgent): T }>(call: T): T {
    return this.connections ? call.agent(this.connections) : call;
  }

  /** A cookie this client holds (the session's, say), or undefined. */
  cookie(name: string): string | undefined {
    const jar = (this.agent as unknown as { jar: CookieJar }).jar;
    return jar.getCookie(name, CookieAccessInfo.All)?.value;
  }

  private xsrfCookie(): string | undefined {
    return this.cookie('XSRF-TOKEN');
  }
}
