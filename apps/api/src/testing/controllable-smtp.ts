import { type ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

/** How a client's connection ends when its process is killed mid-message. */
const CLIENT_GONE = new Set(['ECONNRESET', 'EPIPE']);

export interface SmtpReply {
  code: number;
  message: string;
}

/**
 * An in-process SMTP server the fault tests can steer: refuse chosen recipients (4xx or 5xx, decided per
 * attempt), and hold messages after a number of deliveries, the way a slow relay does, without answering
 * the final "250 OK". A held message whose client went away before it was released was never accepted,
 * exactly as with a real relay, and is not delivered.
 */
export class ControllableSmtpServer {
  readonly messages: ParsedMail[] = [];
  /** Per recipient, how many times it was offered (RCPT TO), accepted or not. */
  readonly offers = new Map<string, number>();
  /** Decides per recipient and attempt (1, 2, ...) whether to refuse it. */
  refuse: (address: string, attempt: number) => SmtpReply | undefined = () => undefined;
  private holdAfter = Infinity;
  private held: Array<{ sessionId: string; accept: () => void }> = [];
  private readonly closedSessions = new Set<string>();
  private server!: SMTPServer;
  url = '';

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        const recipient = address.address.toLowerCase();
        const attempt = (this.offers.get(recipient) ?? 0) + 1;
        this.offers.set(recipient, attempt);
        const reply = this.refuse(recipient, attempt);
        callback(reply ? Object.assign(new Error(reply.message), { responseCode: reply.code }) : undefined);
      },
      onData: (stream, session: SMTPServerSession, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const accept = () => {
              if (this.closedSessions.has(session.id)) {
                callback(new Error('The client went away'));
                return;
              }
              this.messages.push(mail);
              callback();
            };
            if (this.messages.length + this.held.length >= this.holdAfter) {
              this.held.push({ sessionId: session.id, accept });
            } else {
              accept();
            }
          })
          .catch(callback);
      },
      onClose: (session: SMTPServerSession) => {
        this.closedSessions.add(session.id);
      },
    });
    // smtp-server reports a connection reset in the middle of a message as an error of the whole server,
    // which unheard would end the test process. These tests kill senders mid-message on purpose, and a
    // relay carries on when one vanishes; any other error still ends the run.
    this.server.on('error', (error: NodeJS.ErrnoException) => {
      if (!CLIENT_GONE.has(error.code ?? '')) {
        throw error;
      }
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = (this.server as unknown as { server: { address(): AddressInfo } }).server.address();
    this.url = `smtp://127.0.0.1:${port}`;
    return this;
  }

  /** From now on, deliver `count` more messages, then hold every later one until `release()`. */
  holdAfterMore(count: number): void {
    this.holdAfter = this.messages.length + count;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Answers every held message (delivering those whose client is still connected) and stops holding. */
  release(): void {
    this.holdAfter = Infinity;
    const waiting = this.held;
    this.held = [];
    waiting.forEach((entry) => entry.accept());
  }

  /**
   * Waits until the client of every held message has gone (its worker was killed), then releases them:
   * none is delivered, as a relay that never said "250 OK" has not taken the message.
   */
  async dropHeldOnceClientsLeave(timeoutMs = 10_000): Promise<void> {
    await this.waitFor(
      () => this.held.every((entry) => this.closedSessions.has(entry.sessionId)),
      'the held clients to disconnect',
      timeoutMs,
    );
    this.release();
  }

  /**
   * Waits until the clients of `count` held messages have gone (one of several senders was killed), then
   * answers every held message: those whose client left are not delivered, the others are.
   */
  async releaseOnceClientsLeave(count: number, timeoutMs = 10_000): Promise<void> {
    await this.waitFor(
      () => this.held.filter((entry) => this.closedSessions.has(entry.sessionId)).length >= count,
      `the clients of ${count} held messages to disconnect`,
      timeoutMs,
    );
    this.release();
  }

  /** Messages delivered to each of these addresses. */
  deliveredTo(addresses: readonly string[]): Map<string, ParsedMail[]> {
    const wanted = new Set(addresses.map((address) => address.toLowerCase()));
    const found = new Map<string, ParsedMail[]>([...wanted].map((address) => [address, []]));
    for (const mail of this.messages) {
      const to = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
      for (const address of to.flatMap((entry) => entry.value.map((value) => value.address?.toLowerCase() ?? ''))) {
        found.get(address)?.push(mail);
      }
    }
    return found;
  }

  async waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for ${what} (${this.messages.length} messages delivered, ${this.held.length} held)`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): Promise<void> {
    this.release();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
