import { UnsubscribeTokens } from './unsubscribe-token';

describe('UnsubscribeTokens', () => {
  const tokens = new UnsubscribeTokens('a session secret of at least thirty-two characters');
  const target = {
    tenantId: '0b6f2c9e-8a51-4c43-9a1e-3f5b2d7c9e10',
    contactId: '5d8e1f20-3b4a-4c6d-8e9f-a0b1c2d3e4f5',
  };

  it('round-trips a contact', () => {
    expect(tokens.verify(tokens.sign(target))).toEqual(target);
  });

  it('refuses a token whose payload names another contact (signature no longer matches)', () => {
    const [, mac] = tokens.sign(target).split('.');
    const forged = Buffer.from(`u1.${target.tenantId}.00000000-0000-4000-8000-000000000000`).toString('base64url');
    expect(tokens.verify(`${forged}.${mac}`)).toBeNull();
  });

  it('refuses an altered signature, a token signed with another secret, and junk', () => {
    const token = tokens.sign(target);
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(tokens.verify(flipped)).toBeNull();
    expect(
      tokens.verify(new UnsubscribeTokens('another secret of at least thirty-two characters').sign(target)),
    ).toBeNull();
    for (const junk of ['', 'abc', 'a.b', 'a.b.c', `${token}.x`, 'x'.repeat(400)]) {
      expect(tokens.verify(junk)).toBeNull();
    }
  });

  it('refuses a correctly signed payload that is not a pair of ids', () => {
    const sneaky = new UnsubscribeTokens('a session secret of at least thirty-two characters') as unknown as {
      mac(payload: string): string;
    };
    const payload = Buffer.from('u1.not-a-uuid.also-not').toString('base64url');
    expect(tokens.verify(`${payload}.${sneaky.mac(payload)}`)).toBeNull();
  });
});
