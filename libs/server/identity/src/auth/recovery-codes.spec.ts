import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct codes in the xxxxx-xxxxx format', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
  });

  it('hashes forgivingly: case, spaces and the dash do not matter', () => {
    expect(hashRecoveryCode('ABCDE-fghjk')).toBe(hashRecoveryCode(' abcde fghjk '));
    expect(hashRecoveryCode('abcde-fghjk')).not.toBe(hashRecoveryCode('abcde-fghjm'));
  });

  it('tells recovery codes from six-digit codes', () => {
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
