import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, type Signal, inject } from '@angular/core';
import type { ReminderCadence, ReminderCadenceInput, ReminderPreview } from '@dspt/contracts';
import { lspApiPath } from '@dspt/web/core';
import { firstValueFrom } from 'rxjs';

/** Rows on a page of a step's audience. */
export const AUDIENCE_PAGE_SIZE = 25;

/** Which step's audience, and which page of it. */
export interface AudienceQuery {
  cycle: string | null;
  offsetDays: number;
  page: number;
}

/**
 * An LSP's reminder cadence (docs/reminders.md): its steps per cycle with how each went, changing them
 * (LSP admins), and who a step will email. `...Resource` methods need an injection context.
 */
@Injectable({ providedIn: 'root' })
export class CampaignsApi {
  private readonly http = inject(HttpClient);

  /** The cycle's steps; today's cycle when `cycle` is null. 404 when that cycle is not loaded. */
  cadenceResource(slug: Signal<string>, cycle: Signal<string | null>) {
    return httpResource<ReminderCadence>(() => ({
      url: `${lspApiPath(slug())}/reminders/cadence`,
      params: cycleParams(cycle()),
    }));
  }

  /** 400 naming `offsetsDays` with each problem (out of range, repeated, too many, a new step already past). */
  saveCadence(slug: string, input: ReminderCadenceInput): Promise<ReminderCadence> {
    return firstValueFrom(this.http.put<ReminderCadence>(`${lspApiPath(slug)}/reminders/cadence`, input));
  }

  /** Who the step will email as things stand now, and how many are left out and why; nothing asked while `query` is undefined. */
  audienceResource(slug: Signal<string>, query: Signal<AudienceQuery | undefined>) {
    return httpResource<ReminderPreview>(() => {
      const current = query();
      if (!current) {
        return undefined;
      }
      const { cycle, offsetDays, page } = current;
      return {
        url: `${lspApiPath(slug())}/reminders/preview`,
        params: { ...cycleParams(cycle), offsetDays, page, pageSize: AUDIENCE_PAGE_SIZE },
      };
    });
  }
}

export function cycleParams(cycle: string | null): Record<string, string> {
  return cycle ? { cycle } : {};
}
