/** What `npm run bench`'s phases share: signing in like a browser and driving an endpoint with autocannon. */
import autocannon from 'autocannon';
import { createGuardrails, generate } from 'otplib';

/** The demo accounts' published password and authenticator secret (README "Demo accounts"). */
const DEMO_PASSWORD = 'demo-password-2026';
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/**
 * Signs in as a demo account like a browser (XSRF cookie, password, then the TOTP code when the account
 * has an authenticator) and answers the cookie header to send.
 */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const first = await fetch(`${baseUrl}/api/health`);
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1];
  if (!xsrf) {
    throw new Error('The api set no XSRF cookie');
  }
  const post = (path: string, body: object, cookie: string, token: string) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-xsrf-token': token },
      body: JSON.stringify(body),
    });
  // The XSRF token is bound to the session: each sign-in step answers a new one with the new session.
  const renewed = (response: Response, previous: string) =>
    /XSRF-TOKEN=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? previous;
  let response = await post('/api/auth/login', { email, password: DEMO_PASSWORD }, `XSRF-TOKEN=${xsrf}`, xsrf);
  let session = /dspt_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  let token = renewed(response, xsrf);
  let answer = await response.text();
  if (response.status === 200 && session && (JSON.parse(answer) as { mfaRequired?: boolean }).mfaRequired) {
    const code = await generate({ secret: DEMO_TOTP_SECRET, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
    response = await post('/api/auth/mfa', { code }, `XSRF-TOKEN=${token}; dspt_session=${session}`, token);
    session = /dspt_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? session;
    token = renewed(response, token);
    answer = await response.text();
  }
  if (response.status !== 200 || !session) {
    throw new Error(`Sign-in as ${email} answered ${response.status}: ${answer.slice(0, 300)}`);
  }
  return `XSRF-TOKEN=${token}; dspt_session=${session}`;
}

export interface LoadFigures {
  p50Ms: number;
  p95Ms: number;
  requests: number;
  requestsPerSecond: number;
  /** Non-2xx answers and failed requests (timeouts, resets). */
  errors: number;
  /** The api's CPU time per request over the run, when a meter was given (see bench-harness's cpuMs). */
  cpuMsPerRequest?: number;
}

/** A 2-second warm-up, then `connections` concurrent clients for `seconds`: every response time counted. */
export async function loadTest(
  url: string,
  cookie: string,
  connections: number,
  seconds: number,
  cpuMs?: () => number,
  extraHeaders: Record<string, string> = {},
): Promise<LoadFigures> {
  const headers = { cookie, ...extraHeaders };
  await autocannon({ url, connections: 10, duration: 2, headers });
  const latencies: number[] = [];
  const cpuBefore = cpuMs?.() ?? 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers }, (error, finished) =>
      error ? reject(error) : resolve(finished),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  if (result.non2xx > 0 || result.errors > 0) {
    // Reported, not thrown: on a busy machine timeouts happen, and the other figures still tell something.
    console.error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors (timeouts) during the run`);
  }
  return {
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    errors: result.non2xx + result.errors,
    cpuMsPerRequest: cpuMs ? Math.round(((cpuMs() - cpuBefore) / result.requests.total) * 100) / 100 : undefined,
  };
}

/** Nearest-rank percentile, to 0.1 ms (autocannon's own summary has no p95). */
export function percentile(values: number[], rank: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((rank / 100) * sorted.length) - 1)] * 10) / 10;
}

/** The middle value (the upper one of the two middles for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
