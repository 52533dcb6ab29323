import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { InvitationPreview, InvitationTokenRequest } from '@dspt/contracts';
import { firstValueFrom } from 'rxjs';

/** The public invitation endpoints (accepting one signs in, so that call is on `AuthService`). */
@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  /** What an invitation link is for: 404 when the link is not valid, 410 when it has expired or been used. */
  preview(request: InvitationTokenRequest): Promise<InvitationPreview> {
    return firstValueFrom(this.http.post<InvitationPreview>('/api/invitations/preview', request));
  }
}
