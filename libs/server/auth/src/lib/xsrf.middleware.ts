import { AppConfigService } from '@dspt/server/config';
import { ForbiddenException, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Angular's HttpClient reads this cookie and echoes it in this header on every mutating request. */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Double-submit XSRF protection: every response that lacks the cookie sets one; a POST, PUT, PATCH or
 * DELETE must send the cookie's value back in the header, which another site's page cannot read.
 */
@Injectable()
export class XsrfMiddleware implements NestMiddleware {
  constructor(private readonly config: AppConfigService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const cookie = request.cookies?.[XSRF_COOKIE] as string | undefined;
    const valid = typeof cookie === 'string' && TOKEN.test(cookie);
    if (!valid) {
      response.cookie(XSRF_COOKIE, randomBytes(32).toString('base64url'), {
        httpOnly: false,
        sameSite: 'lax',
        secure: this.config.get('SESSION_COOKIE_SECURE'),
        path: '/',
      });
    }
    if (SAFE_METHODS.has(request.method)) {
      next();
      return;
    }
    const header = request.get(XSRF_HEADER);
    if (!valid || !header || !sameToken(header, cookie)) {
      throw new ForbiddenException(
        'Missing or invalid XSRF token: send the X-XSRF-TOKEN header with the value of the XSRF-TOKEN cookie',
      );
    }
    next();
  }
}
