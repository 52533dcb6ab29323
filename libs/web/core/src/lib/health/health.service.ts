import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { HealthResponse } from '@dspt/contracts';
import { Observable, Subject, catchError, exhaustMap, map, of, startWith, switchMap, timeout, timer } from 'rxjs';
import type { PortalHealth } from './portal-health';
import { portalHealthFrom } from './portal-health-from';

export const HEALTH_POLL_INTERVAL_MS = 10_000;
const HEALTH_REQUEST_TIMEOUT_MS = 8_000;

/**
 * Polls `GET /api/health` for as long as its injector lives: provide it in the `providers` of the
 * component that shows the status, so polling stops when that component goes away.
 */
@Injectable()
export class HealthService {
  private readonly http = inject(HttpClient);
  private readonly checkRequests = new Subject<void>();
  private readonly latest = signal<PortalHealth>({ state: 'checking' });

  readonly health = this.latest.asReadonly();

  constructor() {
    this.checkRequests
      .pipe(
        startWith(undefined),
        // A manual check restarts the cycle; ticks that arrive while a request is in flight are skipped.
        switchMap(() => timer(0, HEALTH_POLL_INTERVAL_MS).pipe(exhaustMap(() => this.fetchHealth()))),
        takeUntilDestroyed(),
      )
      .subscribe((health) => this.latest.set(health));
  }

  checkNow(): void {
    this.checkRequests.next();
  }

  private fetchHealth(): Observable<PortalHealth> {
    return this.http.get<HealthResponse>('/api/health').pipe(
      timeout(HEALTH_REQUEST_TIMEOUT_MS),
      map((body) => portalHealthFrom(body, new Date())),
      // Terminus answers 503 with the same report when a component is down; HttpClient puts it in `error`.
      catchError((failure: unknown) =>
        of(portalHealthFrom(failure instanceof HttpErrorResponse ? failure.error : undefined, new Date())),
      ),
    );
  }
}
