import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, type Signal, inject } from '@angular/core';
import type {
  EmailMessageList,
  EmailMessageView,
  EmailStatus,
  GuidanceEmailInput,
  GuidanceEmailPreview,
  GuidanceEmailPreviewInput,
  GuidanceEmailsQueued,
  ProviderContact,
  ResubscribeInput,
} from '@dspt/contracts';
import { lspApiPath } from '@dspt/web/core';
import { firstValueFrom } from 'rxjs';

/** One provider of one LSP. */
export interface ProviderEmailsRef {
  slug: string;
  providerId: string;
}

/** The emails of one reminder step, newest first, perhaps of one status only. */
export interface StepLogQuery {
  cycle: string;
  offsetDays: number;
  status: EmailStatus | null;
}

/** How many of a step's emails its delivery log lists (newest first). */
export const STEP_LOG_PAGE_SIZE = 100;

function providerPath({ slug, providerId }: ProviderEmailsRef): string {
  return `${lspApiPath(slug)}/providers/${encodeURIComponent(providerId)}`;
}

/**
 * Emails that have gone or will go out: delivery logs, retrying a failed email, guidance emails and
 * resubscribing a contact. `...Resource` methods need an injection context.
 */
@Injectable({ providedIn: 'root' })
export class EmailsApi {
  private readonly http = inject(HttpClient);

  /** Every reminder and guidance email to the provider, newest first. */
  getProviderLog(provider: ProviderEmailsRef): Promise<EmailMessageList> {
    return firstValueFrom(this.http.get<EmailMessageList>(`${providerPath(provider)}/emails`));
  }

  /** Nothing asked while `query` is undefined. */
  stepLogResource(slug: Signal<string>, query: Signal<StepLogQuery | undefined>) {
    return httpResource<EmailMessageList>(() => {
      const current = query();
      if (!current) {
        return undefined;
      }
      const { cycle, offsetDays, status } = current;
      return {
        url: `${lspApiPath(slug())}/emails`,
        params: {
          cycle,
          offsetDays,
          kind: 'deadline_reminder',
          ...(status ? { status } : {}),
          pageSize: STEP_LOG_PAGE_SIZE,
        },
      };
    });
  }

  /** Queues a failed email again; 409 when it has not failed. */
  retry(slug: string, messageId: string): Promise<EmailMessageView> {
    return firstValueFrom(
      this.http.post<EmailMessageView>(`${lspApiPath(slug)}/emails/${encodeURIComponent(messageId)}/retry`, null),
    );
  }

  /** Queues a guidance email to each chosen contact (202) and logs it as a case note; 409 when one unsubscribed. */
  sendGuidance(provider: ProviderEmailsRef, input: GuidanceEmailInput): Promise<GuidanceEmailsQueued> {
    return firstValueFrom(this.http.post<GuidanceEmailsQueued>(`${providerPath(provider)}/guidance-emails`, input));
  }

  /** Each chosen contact's guidance email exactly as it would be sent; nothing is sent. */
  previewGuidance(provider: ProviderEmailsRef, input: GuidanceEmailPreviewInput): Promise<GuidanceEmailPreview> {
    return firstValueFrom(
      this.http.post<GuidanceEmailPreview>(`${providerPath(provider)}/guidance-emails/preview`, input),
    );
  }

  /** 409 when the contact is subscribed already. */
  /** `request`: how and when the person asked to get emails again. */
  resubscribe(provider: ProviderEmailsRef, contactId: string, request: string): Promise<ProviderContact> {
    return firstValueFrom(
      this.http.post<ProviderContact>(
        `${providerPath(provider)}/contacts/${encodeURIComponent(contactId)}/resubscribe`,
        { request } satisfies ResubscribeInput,
      ),
    );
  }
}
