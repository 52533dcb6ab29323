import { expect } from '@playwright/test';
import { mailDevURL } from '../playwright.config';

/** A message as MailDev 3's REST API lists it (`GET /api/email`); only the fields the tests read. */
export interface CaughtEmail {
  id: string;
  subject: string;
  to: { address: string; name: string }[];
  text: string;
  html: string;
}

const INVITATION_LINK = /https?:\/\/[^\s"<>]+\/invitations\/accept\?[^\s"<>]+/;

/**
 * The e2e server's MailDev, where every email the portal sends ends up. Tests give each person an
 * address of their own (`uniqueAddress`), so they read only their own messages.
 */
export class Mailbox {
  constructor(private readonly baseUrl = mailDevURL) {}

  /** An address no earlier test (or earlier run: MailDev keeps its messages on disk) has used. */
  static uniqueAddress(label: string): string {
    return `e2e-${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
  }

  /** Every message sent to `address`, oldest first. */
  async messagesTo(address: string): Promise<CaughtEmail[]> {
    const response = await fetch(`${this.baseUrl}/api/email?to.address=${encodeURIComponent(address)}`);
    if (!response.ok) {
      throw new Error(`MailDev answered ${response.status} listing messages`);
    }
    const messages = (await response.json()) as CaughtEmail[];
    // The query narrows the list; this check keeps the answer right even if MailDev ignored it.
    return messages.filter((message) => message.to.some((to) => to.address.toLowerCase() === address.toLowerCase()));
  }

  /** Waits (the portal sends as part of the request, but SMTP takes a moment) for the latest message to `address`. */
  async latestMessageTo(address: string, timeout = 10_000): Promise<CaughtEmail> {
    let latest: CaughtEmail | undefined;
    await expect
      .poll(
        async () => {
          latest = (await this.messagesTo(address)).at(-1);
          return latest !== undefined;
        },
        { message: `an email to ${address}`, timeout },
      )
      .toBe(true);
    return latest!;
  }

  /** The `/invitations/accept?token=...` link of the latest invitation sent to `address`. */
  async invitationLinkFor(address: string): Promise<URL> {
    const message = await this.latestMessageTo(address);
    const link = INVITATION_LINK.exec(message.text)?.[0];
    if (!link) {
      throw new Error(`The email to ${address} ("${message.subject}") has no invitation link:\n${message.text}`);
    }
    return new URL(link);
  }
}
