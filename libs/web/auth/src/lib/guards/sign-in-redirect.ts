import { RedirectCommand, type Router, type UrlTree } from '@angular/router';

// Guards inject what they need before their first `await`: after it they are outside the injection context.

/** Sends the user to sign in, and back to `returnUrl` afterwards. */
export function signInRedirect(router: Router, returnUrl: string): UrlTree {
  return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl } });
}

/**
 * Shows the "You do not have access" page with the address the user asked for in the address bar, so it
 * still says which page was refused (and reloading asks again).
 */
export function accessDenied(router: Router, requestedUrl: string): RedirectCommand {
  return new RedirectCommand(router.parseUrl('/access-denied'), { browserUrl: requestedUrl });
}
