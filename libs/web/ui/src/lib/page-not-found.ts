import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/**
 * The NHS.UK "Page not found" words: for an address that is no page, and for a page whose record does not
 * exist or is not the user's to see (a mistyped id), so the API's own words never show there.
 */
@Component({
  selector: 'dspt-page-not-found',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 data-testid="page-not-found">Page not found</h1>
    <p>If you typed the web address, check it is correct.</p>
    <p>If you pasted the web address, check you copied the entire address.</p>
    <p><a routerLink="/">Go to the DSPT Support Portal home page</a></p>
  `,
})
export class PageNotFound {}
