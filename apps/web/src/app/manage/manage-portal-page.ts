import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthService } from '@dspt/web/auth';
import { LinkCards } from '@dspt/web/ui';
import { MANAGE_PORTAL, managePortalLinks } from '../shell/navigation-for';

/** `/admin` ("Manage portal" in the header): the system admin's pages. */
@Component({
  selector: 'dspt-manage-portal-page',
  imports: [LinkCards],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ heading }}</h1>
    <dspt-link-cards [cards]="links()" />
  `,
})
export class ManagePortalPage {
  protected readonly heading = MANAGE_PORTAL;
  private readonly user = inject(AuthService).currentUser;
  protected readonly links = computed(() => managePortalLinks(this.user()));
}
