export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Display name and address; defaults to MAIL_FROM. */
  from?: string;
  replyTo?: string;
  headers?: Record<string, string>;
}

export interface MailReceipt {
  messageId: string;
  accepted: string[];
  rejected: string[];
}
