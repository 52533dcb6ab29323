import { AppConfigService } from '@dspt/server/config';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';

/** The channel the triggers of migration 1764000000007 notify: an LSP's id, or '*' for every LSP. */
const CHANNEL = 'provider_triage';
const EVERY_LSP = '*';
const RECONNECT_MS = 1_000;

/** What a request saw before it looked for stale triage; handed back once its transaction has committed. */
export interface FreshnessCheck {
  key: string;
  generation: number;
  epoch: number;
  day: string;
}

/**
 * Remembers, in this api process, which LSP caseloads were found up to date today, and forgets one as soon
 * as PostgreSQL notifies a committed change to it (LISTEN provider_triage). A caseload request then looks
 * for stale triage rows only after a change, instead of on every request.
 *
 * Safe by construction: a request records the LSP's change count before it looks, and marks the caseload
 * up to date with that count, so a change committed while it looked (whose notification comes later) makes
 * the next request look again. Without a listening connection nothing counts as up to date, and every
 * request looks (the per-request check is exact, only slower); a lost connection forgets everything.
 * Mutating requests served by this process forget their LSP too (`changed`), before they answer, so an
 * adviser always sees their own change on the next read even before the notification arrives.
 */
@Injectable()
export class TriageFreshness implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TriageFreshness.name);
  private client?: Client;
  private listening = false;
  private stopped = false;
  private reconnect?: NodeJS.Timeout;
  /** Bumped when the connection is lost or re-made: every earlier check is void. */
  private epoch = 0;
  private allGeneration = 0;
  private readonly generations = new Map<string, number>();
  private readonly upToDate = new Map<string, FreshnessCheck>();

  constructor(private readonly config: AppConfigService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    await this.client?.end().catch(() => undefined);
  }

  /** Whether this LSP's caseload for the cycle was found up to date today with no change since. */
  isUpToDate(tenantId: string, cycleId: string, day: string): boolean {
    const check = this.upToDate.get(this.key(tenantId, cycleId));
    return check !== undefined && this.listening && this.sameAs(check, this.begin(tenantId, cycleId, day));
  }

  /** Call before looking for stale rows. */
  begin(tenantId: string, cycleId: string, day: string): FreshnessCheck {
    return { key: this.key(tenantId, cycleId), generation: this.generation(tenantId), epoch: this.epoch, day };
  }

  /** Call once the transaction that looked (and re-ranked what was stale) has committed. */
  found(check: FreshnessCheck): void {
    if (this.listening && check.epoch === this.epoch) {
      this.upToDate.set(check.key, check);
    }
  }

  /** This process changed the LSP's caseload (a committed write); forget it at once. */
  changed(tenantId: string): void {
    this.generations.set(tenantId, this.generation(tenantId) + 1);
  }

  private key(tenantId: string, cycleId: string): string {
    return `${tenantId}:${cycleId}`;
  }

  private generation(tenantId: string): number {
    return this.allGeneration + (this.generations.get(tenantId) ?? 0);
  }

  private sameAs(check: FreshnessCheck, now: FreshnessCheck): boolean {
    return check.generation === now.generation && check.epoch === now.epoch && check.day === now.day;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.get('DATABASE_URL'), application_name: 'dspt-api-triage-listener', keepAlive: true });
    client.on('notification', (message) => {
      if (message.payload === EVERY_LSP) {
        this.allGeneration++;
      } else if (message.payload) {
        this.changed(message.payload);
      }
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.epoch++;
      this.upToDate.clear();
      this.listening = true;
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== client) {
      return;
    }
    this.listening = false;
    this.epoch++;
    this.upToDate.clear();
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopped) {
      return;
    }
    this.logger.warn(`Not listening for caseload changes (${error?.message ?? 'connection closed'}); every caseload request checks for stale rows until it reconnects`);
    this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
  }
}
