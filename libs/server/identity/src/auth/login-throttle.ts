import { signInDelay, type SignInDelayPolicy, RetryLater } from '@dspt/domain';
import { AppConfigService, REDIS_CLIENT } from '@dspt/server/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';

export class LoginThrottledError extends Error {
  override readonly name = 'LoginThrottledError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** What is being guessed: the password (sign-in, an invitation to an existing account) or a code (MFA). */
export type SignInFactor = 'password' | 'code';

export interface Admission {
  /** Consecutive failures on the account, counting this attempt as one until it succeeds. */
  accountFailures: number;
}

function inWords(seconds: number): string {
  if (seconds < 120) {
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * One atomic step per attempt: refuse while a wait is running (answering the longest remaining one), else
 * count the attempt as a failure of the account from this address and of the account from anywhere, and
 * start the wait that failure earns. The waits come from `signInDelay` (libs/domain), passed in as tables
 * by count, so the rule lives in one place and concurrent attempts cannot slip between check and count.
 * A success clears both counts and waits (`clear`).
 *
 * KEYS: source count, account count, source wait, account wait.
 * ARGV: source waits by count (JSON), account waits by count (JSON), seconds the counts are remembered.
 */
const ADMIT_SCRIPT = `
local waiting = math.max(redis.call('PTTL', KEYS[3]), redis.call('PTTL', KEYS[4]))
if waiting > 0 then return {0, waiting} end
local source = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
local account = redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[3])
local sourceWaits = cjson.decode(ARGV[1])
local accountWaits = cjson.decode(ARGV[2])
local sourceWait = sourceWaits[math.min(source, #sourceWaits)]
local accountWait = accountWaits[math.min(account, #accountWaits)]
if sourceWait > 0 then redis.call('SET', KEYS[3], '1', 'PX', sourceWait * 1000) end
if accountWait > 0 then redis.call('SET', KEYS[4], '1', 'PX', accountWait * 1000) end
return {1, account}
`;

/**
 * Sign-in throttling, kept in Redis so every api replica shares it. Nothing locks an account: failures
 * (wrong passwords, wrong MFA codes, counted apart) earn growing waits per account and source address and,
 * far later, per account from anywhere (`signInDelay`), answered as 429 with Retry-After. A guesser on one
 * address therefore slows itself down without holding up the owner elsewhere. Unknown email addresses are
 * counted exactly like real ones, so answers never reveal which addresses have accounts. Separately, an
 * address may make at most LOGIN_IP_LIMIT sign-in attempts per LOGIN_WINDOW_SECONDS, across accounts, and
 * password-reset requests have limits of their own that never touch sign-in.
 */
@Injectable()
export class LoginThrottle {
  private readonly prefix: string;
  private readonly policy: SignInDelayPolicy;
  private readonly sourceWaits: string;
  private readonly accountWaits: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfigService,
  ) {
    this.prefix = `${config.get('REDIS_PREFIX')}:login`;
    this.policy = {
      sourceFreeFailures: config.get('LOGIN_FREE_FAILURES'),
      accountFreeFailures: config.get('LOGIN_ACCOUNT_FREE_FAILURES'),
      maxDelaySeconds: config.get('LOGIN_MAX_DELAY_SECONDS'),
      ceiling: config.get('LOGIN_FAILURE_CEILING'),
    };
    // Every count up to the ceiling, and far enough for the per-address wait to reach its cap.
    const counts = Array.from(
      { length: Math.max(this.policy.ceiling, this.policy.sourceFreeFailures + 32) },
      (_, index) => index + 1,
    );
    this.sourceWaits = JSON.stringify(
      counts.map((source) => signInDelay({ source, account: 0 }, this.policy).sourceSeconds),
    );
    this.accountWaits = JSON.stringify(
      counts.map((account) => signInDelay({ source: 0, account }, this.policy).accountSeconds),
    );
  }

  get failureCeiling(): number {
    return this.policy.ceiling;
  }

  /**
   * Counts this attempt (as a failure until `clear` says otherwise); throws LoginThrottledError while the
   * account, from this address or from anywhere, must wait, or when the address is over its attempt limit.
   */
  async admit(factor: SignInFactor, email: string, ip: string | null): Promise<Admission> {
    if (factor === 'password' && ip) {
      await this.withinWindow(
        `${this.prefix}:attempts:ip:${ip}`,
        this.config.get('LOGIN_IP_LIMIT'),
        'Too many sign-in attempts',
      );
    }
    const [admitted, value] = (await this.redis.eval(
      ADMIT_SCRIPT,
      4,
      ...this.keys(factor, email, ip),
      this.sourceWaits,
      this.accountWaits,
      this.config.get('LOGIN_FAILURE_MEMORY_SECONDS'),
    )) as [number, number];
    if (admitted === 0) {
      const seconds = Math.max(1, Math.ceil(value / 1000));
      const what = factor === 'password' ? 'failed sign-in attempts' : 'wrong authentication codes';
      throw new LoginThrottledError(`Too many ${what}: wait ${inWords(seconds)} before trying again.`, seconds);
    }
    return { accountFailures: value };
  }

  /** As `admit`, answering a throttled request with 429 and `Retry-After`. */
  async admitOrRetryLater(factor: SignInFactor, email: string, ip: string | null): Promise<Admission> {
    return this.retryLater(() => this.admit(factor, email, ip));
  }

  /** The attempt succeeded: the account's failures of this factor are forgotten, from everywhere. */
  async clear(factor: SignInFactor, email: string, ip: string | null): Promise<void> {
    await this.redis.del(...this.keys(factor, email, ip));
  }

  /**
   * Password-reset requests: at most PASSWORD_RESET_LIMIT per address and LOGIN_IP_LIMIT per source
   * address per LOGIN_WINDOW_SECONDS (429 beyond), so nobody's inbox can be flooded. Counted apart from
   * sign-in: asking for links never slows anyone's sign-in.
   */
  async admitResetRequest(email: string, ip: string | null): Promise<void> {
    await this.retryLater(async () => {
      const message = 'Too many password-reset requests';
      await this.withinWindow(
        `${this.prefix}:reset:account:${this.account(email)}`,
        this.config.get('PASSWORD_RESET_LIMIT'),
        message,
      );
      if (ip) {
        await this.withinWindow(`${this.prefix}:reset:ip:${ip}`, this.config.get('LOGIN_IP_LIMIT'), message);
      }
    });
  }

  private async retryLater<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof LoginThrottledError) {
        throw new RetryLater(error.message, error.retryAfterSeconds);
      }
      throw error;
    }
  }

  private async withinWindow(key: string, limit: number, message: string): Promise<void> {
    const window = this.config.get('LOGIN_WINDOW_SECONDS');
    const [[, count], , [, ttl]] = (await this.redis.multi().incr(key).expire(key, window, 'NX').ttl(key).exec()) as [
      [null, number],
      unknown,
      [null, number],
    ];
    if (count > limit) {
      const seconds = Math.max(ttl, 1);
      throw new LoginThrottledError(`${message}: try again in ${inWords(seconds)}.`, seconds);
    }
  }

  /** The script's four keys; the account's hash in braces keeps them in one Redis Cluster slot. */
  private keys(factor: SignInFactor, email: string, ip: string | null): [string, string, string, string] {
    const account = `{${this.account(email)}}`;
    const source = `${account}:${ip ?? 'unknown'}`;
    const base = `${this.prefix}:${factor}`;
    return [
      `${base}:failures:source:${source}`,
      `${base}:failures:account:${account}`,
      `${base}:wait:source:${source}`,
      `${base}:wait:account:${account}`,
    ];
  }

  private account(email: string): string {
    return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  }
}
