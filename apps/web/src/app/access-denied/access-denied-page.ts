import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Shown (at the address the user asked for) when their roles do not open the page. */
@Component({
  selector: 'dspt-access-denied-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>You do not have access to this page</h1>
        <p>Your account does not have the role this page needs, or this is another Local Support Partner's page.</p>
        <p>If you think you should have access, ask an admin of your Local Support Partner.</p>
        <p><a routerLink="/">Go to your home page</a></p>
      </div>
    </div>
  `,
})
export class AccessDeniedPage {}
