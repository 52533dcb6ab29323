import { createTransport, type Transporter } from 'nodemailer';

/**
 * A pooled SMTP transport: connections are reused across messages instead of one handshake per email. The
 * rate limit is not set here (nodemailer's would be per process): senders of bulk email go through the
 * email queue, whose limiter (MAIL_RATE_LIMIT_PER_SECOND) counts across every worker.
 */
export function createPooledSmtpTransport(smtpUrl: string, maxConnections: number): Transporter {
  const url = new URL(smtpUrl);
  return createTransport({
    pool: true,
    maxConnections,
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // Local catchers (MailDev, test servers) offer no certificate worth checking; real relays use smtps://.
    ignoreTLS: url.protocol === 'smtp:' && ['127.0.0.1', 'localhost', '::1'].includes(url.hostname),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}
