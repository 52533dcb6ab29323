import { normaliseEmailAddress } from '@dspt/domain';
import { createHmac, hkdfSync } from 'node:crypto';

const BLOCK = 64;

/**
 * Keyed hashes of email addresses, for the per-LSP unsubscribe list (`email_suppressions`): HMAC-SHA256 of
 * the normalised address (libs/domain normaliseEmailAddress) with a key derived (HKDF) from EMAIL_HASH_KEY.
 * A bare SHA-256 of an address can be reversed by hashing a list of likely addresses; without the key it
 * cannot. The list must keep working after a contact's row is gone, so the address itself is not kept.
 *
 * PostgreSQL computes the same hash for contact rows in SQL (`email_address_hash(email, key)`, migration
 * 1764000000032) from `sqlKey`: the key's inner and outer HMAC pads (RFC 2104), 128 bytes, so the check
 * runs inside the audience query without pgcrypto. A test compares the two.
 */
export class EmailAddressHasher {
  private readonly key: Buffer;
  /** The HMAC's two padded keys (ipad ‖ opad) for `email_address_hash`: as secret as the key itself. */
  readonly sqlKey: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'dspt-portal', 'email-address-hash-v1', 32));
    const padded = Buffer.alloc(BLOCK);
    this.key.copy(padded);
    this.sqlKey = Buffer.concat([padded.map((byte) => byte ^ 0x36), padded.map((byte) => byte ^ 0x5c)]);
  }

  hash(email: string): Buffer {
    return createHmac('sha256', this.key).update(normaliseEmailAddress(email), 'utf8').digest();
  }
}
