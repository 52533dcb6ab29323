import { ForbiddenException, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { SessionCookie, XSRF_HEADER } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Signed double-submit XSRF protection. A response whose request lacks a token valid for its session gets
 * a new XSRF cookie; a POST, PUT, PATCH or DELETE must send the cookie's value back in the X-XSRF-TOKEN
 * header (which another site's page cannot read), and that value must be signed for the request's
 * session (see XsrfTokens): a token from another session, or from before sign-in, is refused.
 */
@Injectable()
export class XsrfMiddleware implements NestMiddleware {
  constructor(private readonly cookie: SessionCookie) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const refusal = this.check(request, response);
    if (refusal) {
      throw new ForbiddenException(refusal);
    }
    next();
  }

  /**
   * Renews the cookie when needed and answers why a mutating request must be refused, or null when it
   * may go on (for Express routes outside Nest, such as the queue dashboard). Answers the valid token in
   * `response.locals.xsrfToken`.
   */
  check(request: Request, response: Response): string | null {
    const session = this.cookie.read(request);
    const cookie = this.cookie.readXsrf(request);
    const valid = this.cookie.xsrf.verify(cookie, session);
    response.locals['xsrfToken'] = valid ? cookie : this.cookie.setXsrf(response, session);
    if (SAFE_METHODS.has(request.method)) {
      return null;
    }
    const header = request.get(XSRF_HEADER);
    if (!valid || !header || !sameToken(header, cookie)) {
      return `Missing or invalid XSRF token: send the X-XSRF-TOKEN header with the value of the ${this.cookie.names.xsrf} cookie`;
    }
    return null;
  }
}
