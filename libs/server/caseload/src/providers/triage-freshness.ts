import { AppConfigService } from '@dspt/server/platform';
import { ChangeListener } from '@dspt/server/data';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/** The channel the triggers of migration 1764000000007 notify: an LSP's id, or '*' for every LSP. */
const CHANNEL = 'provider_triage';
const EVERY_LSP = '*';

/**
 * What this api process knows of changes to each LSP's caseload, heard from PostgreSQL (LISTEN
 * provider_triage): the triggers notify every committed change to an LSP's providers (and so to their
 * assessments, publications and tasks) with the LSP's id, and a change to a cycle, its question set or a
 * user's name with '*'. Mutating requests this process serves count as changes too (`changed`, before they
 * answer), so an adviser sees their own change on the next read even before the notification arrives.
 *
 * `version` names what has been heard for an LSP today; null while no connection listens. A caseload
 * request takes it before it reads: if it then finds the triage up to date (`found`), later requests with
 * the same version need not look for stale rows, and a page worked out under it may be reused. A change
 * committed while it read comes with a notification afterwards, which moves the version.
 */
@Injectable()
export class TriageFreshness implements OnApplicationBootstrap, OnApplicationShutdown {
  private allChanges = 0;
  private readonly changes = new Map<string, number>();
  private readonly upToDate = new Map<string, string>();
  private readonly listener: ChangeListener;

  constructor(config: AppConfigService) {
    this.listener = new ChangeListener({
      url: config.get('DATABASE_URL'),
      channel: CHANNEL,
      subject: 'caseload',
      onChange: (payload) => (payload === EVERY_LSP ? this.allChanges++ : this.changed(payload)),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener.stop();
  }

  version(tenantId: string, day: string): string | null {
    if (!this.listener.listening) {
      return null;
    }
    return `${this.listener.epoch}.${this.allChanges}.${this.changes.get(tenantId) ?? 0}.${day}`;
  }

  /** Whether the LSP's triage for the cycle was found up to date under this version. */
  isUpToDate(tenantId: string, cycleId: string, version: string | null): boolean {
    return version !== null && this.upToDate.get(`${tenantId}:${cycleId}`) === version;
  }

  /** Call once the transaction that found the triage up to date (or brought it up to date) has committed. */
  found(tenantId: string, cycleId: string, version: string | null): void {
    if (version !== null) {
      this.upToDate.set(`${tenantId}:${cycleId}`, version);
    }
  }

  /** This process changed the LSP's caseload (a committed write). */
  changed(tenantId: string): void {
    this.changes.set(tenantId, (this.changes.get(tenantId) ?? 0) + 1);
  }
}
