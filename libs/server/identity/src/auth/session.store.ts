import { AppConfigService, REDIS_CLIENT } from '@dspt/server/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';

/**
 * Where a session is on the way in: `mfa` waits for the second factor, `enrol` may only set up MFA (it is
 * required and the account has none yet), `active` is signed in.
 */
export type SessionStage = 'mfa' | 'enrol' | 'active';

export interface SessionData {
  userId: string;
  stage: SessionStage;
  /** Epoch ms; the session ends SESSION_ABSOLUTE_SECONDS after this, however active it is. */
  createdAt: number;
  mfaFailures: number;
  /** A TOTP secret being enrolled, sealed with the MFA key; saved to the user only once confirmed. */
  pendingTotpSecret?: string;
}

export interface Session {
  token: string;
  data: SessionData;
}

/**
 * Server-side sessions in Redis. The cookie holds a random 256-bit token; Redis keys use its SHA-256, so a
 * Redis dump does not hand out live sessions. A key's TTL is the idle timeout, renewed on use but never
 * past the absolute lifetime. Each user's sessions are indexed so they can all be ended at once.
 */
@Injectable()
export class SessionStore {
  private readonly prefix: string;
  private readonly idleSeconds: number;
  private readonly absoluteSeconds: number;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfigService,
  ) {
    this.prefix = `${config.get('REDIS_PREFIX')}:session`;
    this.idleSeconds = config.get('SESSION_IDLE_SECONDS');
    this.absoluteSeconds = config.get('SESSION_ABSOLUTE_SECONDS');
  }

  async create(userId: string, stage: SessionStage, now = Date.now()): Promise<Session> {
    const token = randomBytes(32).toString('base64url');
    const data: SessionData = { userId, stage, createdAt: now, mfaFailures: 0 };
    const key = this.key(token);
    await this.redis
      .multi()
      .set(key, JSON.stringify(data), 'EX', this.idleSeconds)
      .sadd(this.userIndex(userId), key)
      .expire(this.userIndex(userId), this.absoluteSeconds)
      .exec();
    return { token, data };
  }

  /** The live session for a cookie token, renewing its idle timeout; null when unknown or expired. */
  async find(token: string | undefined, now = Date.now()): Promise<Session | null> {
    if (!token || token.length > 100) {
      return null;
    }
    const key = this.key(token);
    // Read and renew in one round trip (every request does this); shortened below in the session's last idle period.
    const raw = await this.redis.getex(key, 'EX', this.idleSeconds);
    if (!raw) {
      return null;
    }
    const data = JSON.parse(raw) as SessionData;
    const remainingSeconds = Math.floor((data.createdAt + this.absoluteSeconds * 1000 - now) / 1000);
    if (remainingSeconds <= 0) {
      await this.destroy(token, data.userId);
      return null;
    }
    if (remainingSeconds < this.idleSeconds) {
      await this.redis.expire(key, remainingSeconds);
    }
    return { token, data };
  }

  async save(session: Session): Promise<void> {
    await this.redis.set(this.key(session.token), JSON.stringify(session.data), 'KEEPTTL', 'XX');
  }

  /** Swaps the token (after a privilege change such as completing MFA) so a token seen before is useless. */
  async rotate(session: Session, changes: Partial<SessionData>): Promise<Session> {
    const replacement = await this.create(session.data.userId, changes.stage ?? session.data.stage);
    replacement.data = { ...session.data, ...changes, createdAt: session.data.createdAt, mfaFailures: 0 };
    await this.save(replacement);
    await this.destroy(session.token, session.data.userId);
    return replacement;
  }

  async destroy(token: string, userId: string): Promise<void> {
    const key = this.key(token);
    await this.redis.multi().del(key).srem(this.userIndex(userId), key).exec();
  }

  /** Ends every session of a user (removed, or their access changed). */
  async destroyAllForUser(userId: string): Promise<void> {
    const index = this.userIndex(userId);
    const keys = await this.redis.smembers(index);
    await this.redis.del(index, ...keys);
  }

  private key(token: string): string {
    return `${this.prefix}:${createHash('sha256').update(token).digest('hex')}`;
  }

  private userIndex(userId: string): string {
    return `${this.prefix}-user:${userId}`;
  }
}
