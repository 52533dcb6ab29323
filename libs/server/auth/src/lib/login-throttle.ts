import { AppConfigService } from '@dspt/server/config';
import { RetryLaterException } from '@dspt/server/http';
import { REDIS_CLIENT } from '@dspt/server/redis';
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

function minutes(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds / 60));
  return `${whole} minute${whole === 1 ? '' : 's'}`;
}

/**
 * Sign-in limits, kept in Redis so every api replica shares them:
 * - attempts per IP address and per email address within LOGIN_WINDOW_SECONDS (429 beyond the limit);
 * - LOGIN_MAX_FAILURES failures in a row lock the email address for LOGIN_LOCKOUT_SECONDS.
 * Unknown email addresses are counted and locked exactly like real ones, so answers never reveal which
 * addresses have accounts.
 */
@Injectable()
export class LoginThrottle {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfigService,
  ) {
    this.prefix = `${config.get('REDIS_PREFIX')}:login`;
  }

  /** Counts this attempt; throws LoginThrottledError when it is over a limit or the account is locked. */
  async admit(email: string, ip: string | null): Promise<void> {
    const account = this.accountKey(email);
    const lockTtl = await this.redis.ttl(`${this.prefix}:lock:${account}`);
    if (lockTtl > 0) {
      throw new LoginThrottledError(
        `Too many failed sign-in attempts. Sign-in for this account is paused: try again in ${minutes(lockTtl)}.`,
        lockTtl,
      );
    }
    const window = this.config.get('LOGIN_WINDOW_SECONDS');
    const limits: Array<[string, number]> = [[`${this.prefix}:attempts:account:${account}`, this.config.get('LOGIN_ACCOUNT_LIMIT')]];
    if (ip) {
      limits.push([`${this.prefix}:attempts:ip:${ip}`, this.config.get('LOGIN_IP_LIMIT')]);
    }
    for (const [key, limit] of limits) {
      const [[, count], , [, ttl]] = (await this.redis.multi().incr(key).expire(key, window, 'NX').ttl(key).exec()) as [
        [null, number],
        unknown,
        [null, number],
      ];
      if (count > limit) {
        throw new LoginThrottledError(`Too many sign-in attempts. Try again in ${minutes(ttl)}.`, Math.max(ttl, 1));
      }
    }
  }

  /** As `admit`, answering a throttled request with 429 and `Retry-After` (sign-in, password reset). */
  async admitOrRetryLater(email: string, ip: string | null): Promise<void> {
    try {
      await this.admit(email, ip);
    } catch (error) {
      if (error instanceof LoginThrottledError) {
        throw new RetryLaterException(error.message, error.retryAfterSeconds);
      }
      throw error;
    }
  }

  /** Records a wrong password or code; answers true when this failure locked the account. */
  async recordFailure(email: string): Promise<boolean> {
    const account = this.accountKey(email);
    const failuresKey = `${this.prefix}:failures:${account}`;
    const lockout = this.config.get('LOGIN_LOCKOUT_SECONDS');
    const [[, failures]] = (await this.redis.multi().incr(failuresKey).expire(failuresKey, lockout, 'NX').exec()) as [[null, number]];
    if (failures < this.config.get('LOGIN_MAX_FAILURES')) {
      return false;
    }
    await this.redis.multi().set(`${this.prefix}:lock:${account}`, '1', 'EX', lockout).del(failuresKey).exec();
    return true;
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(`${this.prefix}:failures:${this.accountKey(email)}`);
  }

  private accountKey(email: string): string {
    return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  }
}
