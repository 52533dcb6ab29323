import { createGuardrails, generate } from 'otplib';
import { newTotpSecret, totpQrCodeDataUrl, totpUri, verifyTotp } from './totp';

const DEMO_SECRET = 'JBSWY3DPEHPK3PXP';
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
const at = (epoch: number) => generate({ secret: DEMO_SECRET, epoch, guardrails });

describe('verifyTotp', () => {
  const now = 1_800_000_000;

  it('accepts the current code and the neighbouring steps, answering the time step', async () => {
    await expect(verifyTotp(DEMO_SECRET, await at(now), null, now)).resolves.toBe(Math.floor(now / 30));
    await expect(verifyTotp(DEMO_SECRET, await at(now - 30), null, now)).resolves.toBe(Math.floor(now / 30) - 1);
    await expect(verifyTotp(DEMO_SECRET, await at(now + 30), null, now)).resolves.toBe(Math.floor(now / 30) + 1);
  });

  it('refuses codes from further away, malformed codes, and codes already used', async () => {
    await expect(verifyTotp(DEMO_SECRET, await at(now - 120), null, now)).resolves.toBeNull();
    await expect(verifyTotp(DEMO_SECRET, '12345', null, now)).resolves.toBeNull();
    await expect(verifyTotp(DEMO_SECRET, 'abcdef', null, now)).resolves.toBeNull();
    await expect(verifyTotp(DEMO_SECRET, await at(now), Math.floor(now / 30), now)).resolves.toBeNull();
  });

  it('makes 20-byte secrets with a scannable otpauth URI and QR code', async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, 'sam@lsp.example');
    expect(uri).toBe(
      `otpauth://totp/DSPT%20Support%20Portal:sam%40lsp.example?secret=${secret}&issuer=DSPT%20Support%20Portal`,
    );
    const dataUrl = await totpQrCodeDataUrl(uri);
    expect(Buffer.from(dataUrl.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toContain('<svg');
  });
});
