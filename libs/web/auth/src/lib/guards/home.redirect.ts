import { inject } from '@angular/core';
import type { RedirectFunction } from '@angular/router';
import { AuthService } from '../session/auth.service';
import { homePathFor } from '../session/current-user-access';
import { LastLspStore } from '../session/last-lsp.store';

/** `redirectTo` for "/": signed-out users go to sign in, others to the page for their role. */
export const homeRedirect: RedirectFunction = async () => {
  const lastLsp = inject(LastLspStore);
  const user = await inject(AuthService).load();
  return user ? homePathFor(user, lastLsp.lastUsed()) : '/sign-in';
};
