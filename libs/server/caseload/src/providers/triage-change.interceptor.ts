import { currentRequestContext } from '@dspt/server/data';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { finalize, type Observable } from 'rxjs';
import { TriageFreshness } from './triage-freshness';

/**
 * After any request that may have written to an LSP (anything but GET and HEAD under
 * /api/tenants/{slug}), this process forgets that the LSP's caseload was up to date, before the answer
 * leaves: the adviser's next read looks for stale triage even if PostgreSQL's notification is still on its way.
 */
@Injectable()
export class TriageChangeInterceptor implements NestInterceptor {
  constructor(private readonly freshness: TriageFreshness) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { method } = context.switchToHttp().getRequest<Request>();
    const tenant = currentRequestContext()?.tenant;
    if (!tenant || method === 'GET' || method === 'HEAD') {
      return next.handle();
    }
    return next.handle().pipe(finalize(() => this.freshness.changed(tenant.id)));
  }
}
