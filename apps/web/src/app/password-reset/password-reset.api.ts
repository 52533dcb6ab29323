import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { MessageResponse, PasswordResetConfirmRequest, PasswordResetRequest } from '@dspt/contracts';
import { firstValueFrom } from 'rxjs';

/** The public password-reset endpoints; neither signs anyone in. */
@Injectable({ providedIn: 'root' })
export class PasswordResetApi {
  private readonly http = inject(HttpClient);

  /**
   * Emails a link to choose a new password. The answer (202) is the same sentence for any address, so it
   * never says whether an account exists; 429 when asked too often.
   */
  request(body: PasswordResetRequest): Promise<MessageResponse> {
    return firstValueFrom(this.http.post<MessageResponse>('/api/auth/password-reset', body));
  }

  /**
   * Sets the new password with the link's token; every session of the account ends. 400 names `password`
   * when it is refused; 404 for a link that is not valid, 410 for one that has expired or been used.
   */
  confirm(body: PasswordResetConfirmRequest): Promise<MessageResponse> {
    return firstValueFrom(this.http.post<MessageResponse>('/api/auth/password-reset/confirm', body));
  }
}
