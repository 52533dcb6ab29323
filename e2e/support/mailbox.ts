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
const PASSWORD_RESET_LINK = /https?:\/\/[^\s"<>]+\/password-reset\?[^\s"<>]+/;

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
  latestMessageTo(address: string, timeout = 10_000): Promise<CaughtEmail> {
    return this.waitFor(address, (messages) => messages.at(-1), timeout);
  }

  /**
   * Does `action`, which makes the portal email `address`, then waits for that email. For addresses that
   * earlier tests or runs have had emails sent to as well (the demo accounts').
   */
  async messageSentBy(address: string, action: () => Promise<void>, timeout = 10_000): Promise<CaughtEmail> {
    const earlier = new Set((await this.messagesTo(address)).map((message) => message.id));
    await action();
    return this.waitFor(address, (messages) => messages.find((message) => !earlier.has(message.id)), timeout);
  }

  /** The `/invitations/accept?token=...` link of the latest invitation sent to `address`. */
  async invitationLinkFor(address: string): Promise<URL> {
    return linkIn(await this.latestMessageTo(address), INVITATION_LINK, 'invitation');
  }

  private async waitFor(
    address: string,
    pick: (messages: CaughtEmail[]) => CaughtEmail | undefined,
    timeout: number,
  ): Promise<CaughtEmail> {
    let found: CaughtEmail | undefined;
    await expect
      .poll(
        async () => {
          found = pick(await this.messagesTo(address));
          return found !== undefined;
        },
        { message: `an email to ${address}`, timeout },
      )
      .toBe(true);
    return found!;
  }
}

/** The `/password-reset?token=...` link in a password-reset email. */
export function passwordResetLinkIn(message: CaughtEmail): URL {
  return linkIn(message, PASSWORD_RESET_LINK, 'password-reset');
}

function linkIn(message: CaughtEmail, pattern: RegExp, kind: string): URL {
  const link = pattern.exec(message.text)?.[0];
  if (!link) {
    throw new Error(
      `The email to ${message.to.map((to) => to.address).join(', ')} ("${message.subject}") has no ${kind} link:\n${message.text}`,
    );
  }
  return new URL(link);
}
