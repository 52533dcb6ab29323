import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { UnsubscribeView } from '@dspt/contracts';
import { firstValueFrom } from 'rxjs';

const UNSUBSCRIBE = '/api/unsubscribe';

/** The public unsubscribe link of every email: no sign-in, the signed token is the credential. */
@Injectable({ providedIn: 'root' })
export class UnsubscribeApi {
  private readonly http = inject(HttpClient);

  /** Whom the link is for (address partly hidden); 400 when the token is malformed or was altered. */
  describe(token: string): Promise<UnsubscribeView> {
    return firstValueFrom(this.http.get<UnsubscribeView>(UNSUBSCRIBE, { params: { token } }));
  }

  unsubscribe(token: string): Promise<UnsubscribeView> {
    return firstValueFrom(this.http.post<UnsubscribeView>(UNSUBSCRIBE, { token }));
  }
}
