import { AppConfigService } from '@dspt/server/platform';
import { ACCESS_CHANNEL, ChangeListener } from '@dspt/server/data';
import {
  type CallHandler,
  Injectable,
  type NestInterceptor,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { finalize, type Observable } from 'rxjs';

/**
 * Hears from PostgreSQL when access may have changed (LISTEN access_changes: triggers notify on any change
 * to memberships, to an account's address, role or existence, or to an LSP's slug, when it commits) and
 * counts the changes. `version()` is null while no connection listens: then no access may be reused. A
 * lost connection starts a new epoch, so nothing looked up before it is reused after it.
 */
@Injectable()
export class AccessChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private changes = 0;
  private readonly listener: ChangeListener;

  constructor(config: AppConfigService) {
    this.listener = new ChangeListener({
      url: config.get('DATABASE_URL'),
      channel: ACCESS_CHANNEL,
      subject: 'access',
      onChange: () => this.changed(),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener.stop();
  }

  version(): string | null {
    return this.listener.listening ? `${this.listener.epoch}.${this.changes}` : null;
  }

  /** This process changed someone's access (a committed write); its notification may still be on its way. */
  changed(): void {
    this.changes++;
  }
}

/**
 * On the routes that change access (memberships, invitations, programme-wide roles, LSPs): once the
 * handler has finished, this process forgets the access it looked up, before the answer leaves, so the
 * next request here sees the change even if PostgreSQL's notification has not arrived yet.
 */
@Injectable()
export class AccessChangeInterceptor implements NestInterceptor {
  constructor(private readonly changes: AccessChanges) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(finalize(() => this.changes.changed()));
  }
}
