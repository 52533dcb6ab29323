export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Display name and address; defaults to MAIL_FROM. */
  from?: string;
  /** A display name for MAIL_FROM's address (e.g. the LSP's name), when `from` is not given. */
  fromName?: string;
  replyTo?: string;
  headers?: Record<string, string>;
  /** Our own Message-ID (`<...@domain>`): a stable one lets receivers spot a repeat of the same email. */
  messageId?: string;
}

export interface MailReceipt {
  messageId: string;
  accepted: string[];
  rejected: string[];
}
