import { AppConfigService } from '@dspt/server/config';
import { SESSION_COOKIE } from '@dspt/server/http';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';

/** The session cookie: httpOnly, SameSite=Lax, Secure outside local development; no Max-Age (Redis expires it). */
@Injectable()
export class SessionCookie {
  constructor(private readonly config: AppConfigService) {}

  set(response: Response, token: string): void {
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.get('SESSION_COOKIE_SECURE'),
      path: '/',
    });
  }

  clear(response: Response): void {
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
