import { AppConfigService } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import { createHmac, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';

/**
 * A person's stable pseudonym in one LSP's audit trail: `ds1:` and an HMAC-SHA256 of the LSP's id and the
 * lower-cased address. The key is derived (HKDF) from EMAIL_HASH_KEY with its own label, the setting
 * that must never change (it also keys the unsubscribe list), so pseudonyms stay stable across session
 * secret rotations. Keyed and per LSP: the pseudonym cannot be computed without the secret (a
 * plain hash of an address is found by hashing guesses), and the same address in two LSPs gives two
 * unrelated pseudonyms.
 */
@Injectable()
export class DataSubjectPseudonym {
  private readonly key: KeyObject;

  constructor(config: AppConfigService) {
    this.key = createSecretKey(
      Buffer.from(hkdfSync('sha256', config.get('EMAIL_HASH_KEY'), 'dspt-portal', 'data-subject-pseudonym-v1', 32)),
    );
  }

  of(tenantId: string, email: string): string {
    return `ds1:${createHmac('sha256', this.key).update(`${tenantId}:${email.trim().toLowerCase()}`).digest('hex')}`;
  }
}
