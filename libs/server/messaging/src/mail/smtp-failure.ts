/** Whether trying again later can help: SMTP 4xx replies and lost connections can, 5xx replies cannot. */
export type SmtpFailureKind = 'transient' | 'permanent';

export interface SmtpFailure {
  kind: SmtpFailureKind;
  /** One line for the delivery log, e.g. "550 No such mailbox". */
  reason: string;
}

interface NodemailerError {
  message?: string;
  responseCode?: number;
  response?: string;
  code?: string;
}

/** Classifies an error nodemailer raised while sending. */
export function classifySmtpFailure(error: unknown): SmtpFailure {
  const failure = (error ?? {}) as NodemailerError;
  const code = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  const text = (failure.response ?? failure.message ?? String(error)).replace(/\s+/g, ' ').trim().slice(0, 500);
  if (code !== undefined && code >= 500 && code < 600) {
    return { kind: 'permanent', reason: text.startsWith(String(code)) ? text : `${code} ${text}` };
  }
  if (code !== undefined && code >= 400 && code < 500) {
    return { kind: 'transient', reason: text.startsWith(String(code)) ? text : `${code} ${text}` };
  }
  // No SMTP reply at all: the server could not be reached or the connection dropped.
  return { kind: 'transient', reason: failure.code ? `${failure.code}: ${text}` : text };
}
