/**
 * The page to go back to after signing in, when it is a path inside the portal. Anything else (another
 * site, `//evil.example`, a sign-in page) is ignored, so the link cannot be used to send users elsewhere.
 */
export function safeReturnUrl(candidate: string | null | undefined): string | null {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) {
    return null;
  }
  if (candidate.startsWith('/sign-in') || candidate.startsWith('/account/mfa')) {
    return null;
  }
  return candidate;
}

/** Query parameters that carry the return URL on to the next sign-in step. */
export function returnUrlParams(returnUrl: string | null): Record<string, string> {
  return returnUrl ? { returnUrl } : {};
}
