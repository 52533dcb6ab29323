import { createHmac, createSecretKey, hkdfSync, type KeyObject, timingSafeEqual } from 'node:crypto';

export interface UnsubscribeTarget {
  tenantId: string;
  contactId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VERSION = 'u1';

/**
 * Signed one-click unsubscribe tokens: `u1.<tenant id>.<contact id>.<HMAC-SHA256>` in base64url. The key is
 * derived (HKDF) from SESSION_SECRET with its own label, so it is never the session secret itself. No
 * expiry: an unsubscribe link must keep working for as long as the email is in someone's inbox.
 */
export class UnsubscribeTokens {
  /** A KeyObject made once: building one from bytes on every signature costs more than the HMAC. */
  private readonly key: KeyObject;

  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(hkdfSync('sha256', secret, 'dspt-portal', 'unsubscribe-links-v1', 32)));
  }

  sign(target: UnsubscribeTarget): string {
    const payload = Buffer.from(`${VERSION}.${target.tenantId}.${target.contactId}`).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The contact a token names, or null when it is malformed, altered or signed with another key. */
  verify(token: string): UnsubscribeTarget | null {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined || token.length > 300) {
      return null;
    }
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return null;
    }
    const [version, tenantId, contactId, more] = Buffer.from(payload, 'base64url').toString('utf8').split('.');
    if (version !== VERSION || more !== undefined || !UUID.test(tenantId ?? '') || !UUID.test(contactId ?? '')) {
      return null;
    }
    return { tenantId, contactId };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
