import { AppConfigService } from '@dspt/server/platform';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import type { MailMessage, MailReceipt } from './mail-message';
import { createPooledSmtpTransport } from './mail-transport';

/** Sends email over the SMTP server named by SMTP_URL. Errors are thrown as nodemailer raises them. */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly transport: Transporter;
  private readonly defaultFrom: string;
  /** The address part of MAIL_FROM. */
  readonly fromAddress: string;

  constructor(config: AppConfigService) {
    this.transport = createPooledSmtpTransport(config.get('SMTP_URL'), config.get('SMTP_POOL_SIZE'));
    this.defaultFrom = config.get('MAIL_FROM');
    this.fromAddress = (/<([^>]+)>/.exec(this.defaultFrom)?.[1] ?? this.defaultFrom).trim();
  }

  /** The domain our own Message-IDs end with. */
  get messageIdDomain(): string {
    return this.fromAddress.split('@')[1] ?? 'localhost';
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    const { fromName, ...rest } = message;
    const from = rest.from ?? (fromName ? { name: fromName, address: this.fromAddress } : this.defaultFrom);
    const info = await this.transport.sendMail({ ...rest, from });
    return {
      messageId: info.messageId,
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
    };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
