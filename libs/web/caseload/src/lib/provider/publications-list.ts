import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PublicationView } from '@dspt/contracts';

/** The provider's publications, newest first: "2024-25 Standards Met, published 10/05/2025". */
@Component({
  selector: 'dspt-publications-list',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (publications().length === 0) {
      <p data-testid="no-publications">No publications recorded yet.</p>
    } @else {
      <ul class="nhsuk-list nhsuk-list--bullet" data-testid="publications">
        @for (publication of publications(); track publication.id) {
          <li>
            {{ publication.summary }}
            @if (publication.coveredBy; as hq) {
              (by its HQ, <a [routerLink]="['/lsp', slug(), 'providers', hq.providerId]">{{ hq.name }}</a>)
            }
            @if (publication.covers.length > 0) {
              <br /><span class="nhsuk-body-s">Covers {{ branchNames(publication) }}</span>
            }
            @if (publication.recordedBy) {
              <br /><span class="nhsuk-body-s nhsuk-u-secondary-text-colour"
                >Recorded by {{ publication.recordedBy }}</span
              >
            }
          </li>
        }
      </ul>
    }
  `,
})
export class PublicationsList {
  readonly slug = input.required<string>();
  readonly publications = input.required<readonly PublicationView[]>();

  protected branchNames(publication: PublicationView): string {
    return publication.covers.map((branch) => `${branch.name} (${branch.odsCode})`).join(', ');
  }
}
