import { DOCUMENT } from '@angular/common';
import { HttpXsrfTokenExtractor } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';

/**
 * The API's XSRF cookie is `__Host-XSRF-TOKEN` in production (HTTPS only, the browser refuses it from any
 * other host) and `XSRF-TOKEN` in local development; Angular's own extractor knows one name, so this one
 * reads whichever the API set. The token is renewed at every sign-in step, so it is read on each request.
 */
@Injectable()
export class PortalXsrfTokenExtractor extends HttpXsrfTokenExtractor {
  private readonly document = inject(DOCUMENT);

  getToken(): string | null {
    const cookies = new Map<string, string>();
    for (const pair of (this.document.cookie || '').split(';')) {
      const separator = pair.indexOf('=');
      if (separator > 0) {
        cookies.set(pair.slice(0, separator).trim(), decodeURIComponent(pair.slice(separator + 1).trim()));
      }
    }
    return cookies.get('__Host-XSRF-TOKEN') ?? cookies.get('XSRF-TOKEN') ?? null;
  }
}
