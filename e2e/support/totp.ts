import { createGuardrails, generate } from 'otplib';
import { readRunState, writeRunState } from './run-state';

const PERIOD_SECONDS = 30;
// The demo accounts' published secret is 10 bytes; otplib's default guardrails want 16.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

/**
 * A TOTP code the portal will accept for `secret`: the API refuses a code whose 30-second time step was
 * already used (so a code works once) and accepts one step of drift either way. So each call takes the
 * current step, or the step after the last one used (the next window, as an authenticator app would show
 * it a little later), waiting (up to 30 seconds) when even that is too far ahead. `account` tells apart
 * the demo accounts that share a secret. The steps used are kept for the whole run (see run-state.ts).
 */
export async function freshTotpCode(secret: string, account = secret): Promise<string> {
  const key = `totp:${account}:${secret}`;
  const nowStep = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
  const step = Math.max(nowStep, (readRunState<number>(key) ?? -1) + 1);
  if (step > nowStep + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * PERIOD_SECONDS * 1000 - Date.now() + 1000));
  }
  writeRunState(key, step);
  return generate({ secret, guardrails, epoch: step * PERIOD_SECONDS });
}
