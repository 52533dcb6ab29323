/**
 * How long sign-in must wait after failed attempts (wrong passwords, or wrong codes at the second step).
 * Failures are counted twice: per account from one source address, and per account from anywhere.
 * Neither count ever locks an account: each failure past a free allowance doubles the wait before the
 * next try, so a person's few mistakes cost nothing, a guesser on one address slows to a crawl, and the
 * owner on another address is not held up by it. From `ceiling` consecutive failures on the account
 * (NIST SP 800-63B 5.2.2 allows at most 100) every try waits the longest delay, from any address.
 */
export interface SignInDelayPolicy {
  /** Failures on one account from one address before any wait. */
  sourceFreeFailures: number;
  /** Failures on one account from all addresses together before any wait (well above a person's). */
  accountFreeFailures: number;
  /** The longest wait between tries, in seconds. */
  maxDelaySeconds: number;
  /** Consecutive failures on one account after which every try waits `maxDelaySeconds`. */
  ceiling: number;
}

export interface SignInFailures {
  /** Consecutive failures on this account from this address. */
  source: number;
  /** Consecutive failures on this account from any address. */
  account: number;
}

export interface SignInDelay {
  /** Seconds before this address may try this account again. */
  sourceSeconds: number;
  /** Seconds before anyone may try this account again. */
  accountSeconds: number;
}

/** 1 s after the first failure past the allowance, doubling with each further one, capped. */
function doubling(failures: number, free: number, capSeconds: number): number {
  const over = failures - free;
  return over <= 0 ? 0 : Math.min(capSeconds, 2 ** Math.min(over - 1, 30));
}

/** The waits that follow these failure counts. */
export function signInDelay(failures: SignInFailures, policy: SignInDelayPolicy): SignInDelay {
  const accountSeconds =
    failures.account >= policy.ceiling
      ? policy.maxDelaySeconds
      : doubling(failures.account, policy.accountFreeFailures, policy.maxDelaySeconds);
  return {
    sourceSeconds: doubling(failures.source, policy.sourceFreeFailures, policy.maxDelaySeconds),
    accountSeconds,
  };
}
