import { createGuardrails, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'DSPT Support Portal';
const PERIOD_SECONDS = 30;

/**
 * otplib refuses secrets under 16 bytes; the demo accounts' published secret (DESIGN.md §7) is 10 bytes,
 * as in most authenticator examples. New enrolments get 20-byte secrets.
 */
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret });
}

export async function totpQrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/**
 * Checks a 6-digit code, allowing one step of clock drift either way. Answers the code's time step, so
 * the caller can refuse it next time (a code works once), or null when the code is wrong or already used.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  lastUsedTimeStep: number | null,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) {
    return null;
  }
  const result = await verify({ secret, token: code, guardrails, epoch: nowSeconds, epochTolerance: PERIOD_SECONDS });
  if (!result.valid) {
    return null;
  }
  const timeStep = Math.floor(nowSeconds / PERIOD_SECONDS) + result.delta;
  return lastUsedTimeStep !== null && timeStep <= lastUsedTimeStep ? null : timeStep;
}
