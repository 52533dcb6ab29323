import {
  createHash,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/**
 * Signed double-submit XSRF tokens bound to the session: `<nonce>.<HMAC-SHA256(session, nonce)>`, keyed
 * with a key derived (HKDF) from SESSION_SECRET under its own label. The session is the SHA-256 of the
 * session cookie (or "anonymous" before sign-in), so a token only works next to the session it was made
 * for: one read from another session, or kept from before sign-in, is refused, and a cookie planted by a
 * neighbouring site cannot be made valid without the secret.
 */
export class XsrfTokens {
  private readonly key: KeyObject;

  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(hkdfSync('sha256', secret, 'dspt-portal', 'xsrf-tokens-v1', 32)));
  }

  issue(sessionToken: string | undefined): string {
    const nonce = randomBytes(16).toString('base64url');
    return `${nonce}.${this.mac(nonce, sessionToken)}`;
  }

  verify(token: unknown, sessionToken: string | undefined): token is string {
    const match = typeof token === 'string' ? TOKEN.exec(token) : null;
    if (!match) {
      return false;
    }
    const expected = Buffer.from(this.mac(match[1], sessionToken));
    const given = Buffer.from(match[2]);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private mac(nonce: string, sessionToken: string | undefined): string {
    const session = sessionToken ? createHash('sha256').update(sessionToken).digest('hex') : 'anonymous';
    return createHmac('sha256', this.key).update(`${session}.${nonce}`).digest('base64url');
  }
}
