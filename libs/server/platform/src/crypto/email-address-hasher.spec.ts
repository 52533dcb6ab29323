import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { EmailAddressHasher } from './email-address-hasher';

const SECRET = 'unit-test-email-hash-key-0123456789abcdef';

describe('EmailAddressHasher', () => {
  const hasher = new EmailAddressHasher(SECRET);

  it('is HMAC-SHA256 of the normalised address under a key derived from the secret, not a bare SHA-256', () => {
    const key = Buffer.from(hkdfSync('sha256', SECRET, 'dspt-portal', 'email-address-hash-v1', 32));
    const expected = createHmac('sha256', key).update('pat@care.example').digest();
    expect(hasher.hash('pat@care.example')).toEqual(expected);
    expect(hasher.hash('pat@care.example')).not.toEqual(createHash('sha256').update('pat@care.example').digest());
    expect(hasher.hash('pat@care.example')).toHaveLength(32);
  });

  it.each([
    ['Pat@Care.Example', 'pat@care.example'],
    ['  pat@care.example\n', 'pat@care.example'],
    ['PAT@CARE.EXAMPLE', 'pat@care.example'],
  ])('gives %j the hash of %j', (given, same) => {
    expect(hasher.hash(given)).toEqual(hasher.hash(same));
  });

  it.each([
    ['pat@care.example', 'pat@care.example.'],
    ['pat@care.example', 'pat+1@care.example'],
    ['pat@care.example', 'pa t@care.example'],
  ])('tells %j and %j apart', (one, other) => {
    expect(hasher.hash(one)).not.toEqual(hasher.hash(other));
  });

  it('depends on the secret: another deployment cannot match these hashes', () => {
    expect(new EmailAddressHasher(`${SECRET}-other`).hash('pat@care.example')).not.toEqual(
      hasher.hash('pat@care.example'),
    );
  });

  it("gives SQL the HMAC's pads: sha256(opad ‖ sha256(ipad ‖ address)) is the same hash", () => {
    const { sqlKey } = hasher;
    expect(sqlKey).toHaveLength(128);
    const ipad = sqlKey.subarray(0, 64);
    const opad = sqlKey.subarray(64);
    for (const address of ['pat@care.example', 'Élodie@care.example', 'x@y.z']) {
      const inner = createHash('sha256')
        .update(Buffer.concat([ipad, Buffer.from(address, 'utf8')]))
        .digest();
      const outer = createHash('sha256')
        .update(Buffer.concat([opad, inner]))
        .digest();
      expect(outer).toEqual(hasher.hash(address));
    }
  });
});
