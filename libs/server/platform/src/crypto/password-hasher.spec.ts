import { hashPassword, verifyPassword } from './password-hasher';

describe('password hasher', () => {
  it('stores argon2id in PHC format with a random salt', async () => {
    const first = await hashPassword('copper kettle harbour');
    const second = await hashPassword('copper kettle harbour');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[^$]+\$[^$]+$/);
    expect(first).not.toBe(second);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('copper kettle harbour');
    await expect(verifyPassword(hash, 'copper kettle harbour')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'copper kettle harbouR')).resolves.toBe(false);
  });

  it('refuses anything that is not an argon2id hash', async () => {
    await expect(verifyPassword('plain-text', 'plain-text')).resolves.toBe(false);
  });
});
