import { AppConfigService, SESSION_COOKIE } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { XsrfTokens } from './xsrf-tokens';

/** Angular's HttpClient (and Bull Board's axios) read this cookie and echo it in the header below. */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
/**
 * With Secure cookies (production) both names carry the `__Host-` prefix: the browser then accepts them
 * only over HTTPS, for path `/` and without a Domain, so no subdomain or plain-HTTP page can plant them.
 */
export const HOST_PREFIX = '__Host-';

export interface CookieNames {
  session: string;
  xsrf: string;
}

export function cookieNames(secure: boolean): CookieNames {
  return secure
    ? { session: `${HOST_PREFIX}${SESSION_COOKIE}`, xsrf: `${HOST_PREFIX}${XSRF_COOKIE}` }
    : { session: SESSION_COOKIE, xsrf: XSRF_COOKIE };
}

/**
 * The session cookie (httpOnly, SameSite=Lax, Secure outside local development, no Max-Age: Redis expires
 * it) and the XSRF cookie that goes with it: every new session token gets a new XSRF token bound to it.
 */
@Injectable()
export class SessionCookie {
  readonly names: CookieNames;
  private readonly secure: boolean;
  readonly xsrf: XsrfTokens;

  constructor(config: AppConfigService) {
    this.secure = config.get('SESSION_COOKIE_SECURE');
    this.names = cookieNames(this.secure);
    this.xsrf = new XsrfTokens(config.get('SESSION_SECRET'));
  }

  /** The session token the request's cookie holds, if any. */
  read(request: Request): string | undefined {
    const value: unknown = request.cookies?.[this.names.session];
    return typeof value === 'string' ? value : undefined;
  }

  /** The XSRF cookie the request holds, if any (not checked). */
  readXsrf(request: Request): string | undefined {
    const value: unknown = request.cookies?.[this.names.xsrf];
    return typeof value === 'string' ? value : undefined;
  }

  set(response: Response, token: string): void {
    response.cookie(this.names.session, token, { ...this.options(), httpOnly: true });
    this.setXsrf(response, token);
  }

  clear(response: Response): void {
    response.clearCookie(this.names.session, this.options());
    this.setXsrf(response, undefined);
  }

  /** A fresh XSRF token for this session (or for no session); answers it. */
  setXsrf(
    response: Response,
    sessionToken: string | undefined,
    extra: Partial<CookieOptions> & { name?: string } = {},
  ): string {
    const token = this.xsrf.issue(sessionToken);
    this.writeXsrf(response, token, extra);
    return token;
  }

  writeXsrf(response: Response, token: string, extra: Partial<CookieOptions> & { name?: string } = {}): void {
    const { name = this.names.xsrf, ...options } = extra;
    response.cookie(name, token, { ...this.options(), httpOnly: false, ...options });
  }

  private options(): CookieOptions {
    return { sameSite: 'lax', secure: this.secure, path: '/' };
  }
}
