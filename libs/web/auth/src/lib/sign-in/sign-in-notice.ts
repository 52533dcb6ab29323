import type { Navigation } from '@angular/router';

const NOTICE = 'signInNotice';

/**
 * Navigation state that makes the sign-in page confirm something in a success banner ("Your password has
 * been changed..."): `router.navigateByUrl('/sign-in', { state: signInNotice(message) })`.
 */
export function signInNotice(message: string): Record<string, string> {
  return { [NOTICE]: message };
}

/** The sentence a navigation to the sign-in page carries (`signInNotice`), if any. */
export function signInNoticeOf(navigation: Navigation | null): string | null {
  const notice: unknown = navigation?.extras.state?.[NOTICE];
  return typeof notice === 'string' && notice !== '' ? notice : null;
}
