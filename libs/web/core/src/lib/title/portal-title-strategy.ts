import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';

export const SERVICE_NAME = 'DSPT Support Portal';

/** A page's <title>: its own title, then the service name ("Sign in – DSPT Support Portal"). */
export function portalTitle(pageTitle?: string): string {
  return pageTitle ? `${pageTitle} – ${SERVICE_NAME}` : SERVICE_NAME;
}

/**
 * Routes give their own title ("Sign in"); every page's <title> ends with the service name. A page that
 * changes what it shows without a navigation (a confirmation) sets `portalTitle(...)` itself.
 */
@Injectable()
export class PortalTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.title.setTitle(portalTitle(this.buildTitle(snapshot)));
  }
}
