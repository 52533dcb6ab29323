import { createGuardrails, generate } from 'otplib';

const PERIOD_SECONDS = 30;
// The demo accounts' published secret is 10 bytes; otplib's default guardrails want 16.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
/** The last time step used, per account (the API remembers it per user). */
const lastTimeStepUsed = new Map<string, number>();

/**
 * A TOTP code the portal will accept for `secret`: the API refuses a code whose 30-second time step was
 * already used (so a code works once) and accepts one step of drift either way. So each call takes the
 * current step, or the step after the last one used (the next window, as an authenticator app would show
 * it a little later), waiting (up to 30 seconds) when even that is too far ahead. `account` tells apart
 * the demo accounts that share a secret.
 */
export async function freshTotpCode(secret: string, account = secret): Promise<string> {
  const key = `${account}:${secret}`;
  const nowStep = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
  const step = Math.max(nowStep, (lastTimeStepUsed.get(key) ?? -1) + 1);
  if (step > nowStep + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * PERIOD_SECONDS * 1000 - Date.now() + 1000));
  }
  lastTimeStepUsed.set(key, step);
  return generate({ secret, guardrails, epoch: step * PERIOD_SECONDS });
}
