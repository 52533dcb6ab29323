import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { LspContext } from '@dspt/web/auth';
import { LinkCards } from '@dspt/web/ui';
import { MANAGE_LSP, manageLspLinks } from '../shell/navigation-for';

/** `/lsp/:slug/manage` ("Manage LSP" in the header): the LSP's pages beyond the daily work that the member's role opens. */
@Component({
  selector: 'dspt-manage-lsp-page',
  imports: [LinkCards],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lsp(); as current) {
      <span class="nhsuk-caption-l">{{ current.tenant.name }}</span>
      <h1>{{ heading }}</h1>
      <dspt-link-cards [cards]="links()" />
    }
  `,
})
export class ManageLspPage {
  protected readonly heading = MANAGE_LSP;
  protected readonly lsp = inject(LspContext).current;
  protected readonly links = computed(() => {
    const lsp = this.lsp();
    return lsp ? manageLspLinks(lsp) : [];
  });
}
