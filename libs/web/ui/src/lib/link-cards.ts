import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { HeaderLink } from './header-link';

/** A page a hub links to, with one line saying what it is for. */
export interface LinkCard extends Pick<HeaderLink, 'text' | 'path' | 'external'> {
  description: string;
}

/**
 * NHS.UK card group of clickable cards, two to a row on wider screens: a hub's pages, each card's
 * heading the link and its description what the page is for.
 */
@Component({
  selector: 'dspt-link-cards',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="nhsuk-grid-row nhsuk-card-group">
      @for (card of cards(); track card.path) {
        <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">
          <div class="nhsuk-card nhsuk-card--clickable">
            <div class="nhsuk-card__content">
              <h2 class="nhsuk-card__heading nhsuk-heading-s">
                @if (card.external) {
                  <a class="nhsuk-card__link" [href]="card.path">{{ card.text }}</a>
                } @else {
                  <a class="nhsuk-card__link" [routerLink]="card.path">{{ card.text }}</a>
                }
              </h2>
              <p class="nhsuk-card__description">{{ card.description }}</p>
            </div>
          </div>
        </li>
      }
    </ul>
  `,
})
export class LinkCards {
  readonly cards = input.required<readonly LinkCard[]>();
}
