import {
  daysBetween,
  type EmailTemplateText,
  keepChosenItems,
  type OpenItem,
  publishBlockers,
  renderEmailTemplate,
  type RenderedEmail,
} from '@dspt/domain';
import { AppConfigService, Clock } from '@dspt/server/platform';
import type { MailMessage } from '@dspt/server/messaging';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EmailRenderData } from './email-render-data';
import { UnsubscribeTokens } from './unsubscribe-token';

export interface ComposedEmail {
  rendered: RenderedEmail;
  message: MailMessage;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatLongDate(isoDate: string): string {
  return LONG_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

/** The open mandatory items of the provider, in DSPT order, with their guidance links. */
export function openItems(data: EmailRenderData, guidanceUrlTemplate: string): OpenItem[] {
  const statuses = new Map(
    data.questions.flatMap((question) => (question.status ? [[question.code, question.status] as const] : [])),
  );
  return publishBlockers({ questions: data.questions, statuses, hasCePlus: data.hasCePlus }).map((item) => ({
    code: item.code,
    section: item.section,
    title: item.title,
    guidanceUrl: guidanceUrlTemplate.replaceAll('{code}', encodeURIComponent(item.code)),
  }));
}

/**
 * Turns a template and a provider's data into the email to send: placeholders filled, plain text and
 * HTML, the LSP's name as sender and its reply-to, the unsubscribe footer and the one-click
 * List-Unsubscribe headers (RFC 8058), and a Message-ID fixed by the outbox key.
 */
@Injectable()
export class EmailComposer {
  readonly tokens: UnsubscribeTokens;
  private readonly publicUrl: string;
  private readonly guidanceUrlTemplate: string;

  constructor(
    config: AppConfigService,
    private readonly clock: Clock,
  ) {
    this.tokens = new UnsubscribeTokens(config.get('SESSION_SECRET'));
    this.publicUrl = config.get('PUBLIC_URL');
    this.guidanceUrlTemplate = config.get('GUIDANCE_URL_TEMPLATE');
  }

  /** The page a person opens from the email (the web app's public route) and the one-click API address. */
  unsubscribeUrls(tenantId: string, contactId: string): { page: string; oneClick: string } {
    const token = this.tokens.sign({ tenantId, contactId });
    const page = new URL('/unsubscribe', this.publicUrl);
    page.searchParams.set('token', token);
    const oneClick = new URL('/api/unsubscribe', this.publicUrl);
    oneClick.searchParams.set('token', token);
    return { page: page.toString(), oneClick: oneClick.toString() };
  }

  compose(
    data: EmailRenderData,
    template: EmailTemplateText,
    options: {
      personalMessage?: string | null;
      /** Guidance: the open items the adviser chose; every open item when null or left out. */
      questionCodes?: readonly string[] | null;
      idempotencyKey?: string;
      messageIdDomain?: string;
    },
  ): ComposedEmail {
    const items = keepChosenItems(openItems(data, this.guidanceUrlTemplate), options.questionCodes);
    const contact = data.contact;
    const urls = contact ? this.unsubscribeUrls(data.tenantId, contact.id) : null;
    const rendered = renderEmailTemplate(
      template,
      {
        values: {
          contactName: contact?.name ?? '',
          providerName: data.providerName,
          odsCode: data.odsCode,
          lspName: data.tenantName,
          adviserName: data.adviserName ?? `The DSPT support team`,
          cycle: data.cycleCode,
          deadline: formatLongDate(data.deadline),
          daysLeft: String(Math.max(0, daysBetween(this.clock.today(), data.deadline))),
          itemsLeft: String(items.length),
        },
        openItems: items,
        personalMessage: options.personalMessage ?? null,
      },
      urls
        ? {
            reason: `You get this email because ${data.tenantName} supports ${data.providerName} with the Data Security and Protection Toolkit.`,
            unsubscribeUrl: urls.page,
          }
        : undefined,
    );
    const message: MailMessage = {
      to: contact ? `"${contact.name.replace(/["\\]/g, '')}" <${contact.email}>` : '',
      fromName: data.tenantName,
      replyTo: data.replyTo ?? undefined,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: urls
        ? { 'List-Unsubscribe': `<${urls.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
        : undefined,
      messageId:
        options.idempotencyKey && options.messageIdDomain
          ? `<${createHash('sha256').update(options.idempotencyKey).digest('hex').slice(0, 32)}@${options.messageIdDomain}>`
          : undefined,
    };
    return { rendered, message };
  }
}
