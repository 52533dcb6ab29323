import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EMAIL_TEMPLATE_KEYS, type EmailTemplateKey, isEmailTemplateKey } from '@dspt/domain';
import { EMAIL_TEMPLATE_LABELS } from '../email-labels';

/** The template a `?template=` query parameter names; the deadline reminder otherwise. */
export function chosenTemplate(value: string | undefined): EmailTemplateKey {
  return isEmailTemplateKey(value) ? value : 'deadline_reminder';
}

/** Links to each template (in the address, so a link or Back opens the same one). */
@Component({
  selector: 'dspt-template-choice',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
      margin: 0 0 1.5rem;
      padding: 0;
      border-bottom: 1px solid #d8dde0;
      list-style: none;
    }
    a {
      display: inline-block;
      padding: 0.5rem 0;
    }
    a[aria-current='page'] {
      border-bottom: 4px solid #005eb8;
      color: #212b32;
      font-weight: 600;
      text-decoration: none;
    }
  `,
  template: `
    <nav aria-label="Templates">
      <ul>
        @for (key of keys; track key) {
          <li>
            <a
              [routerLink]="[]"
              [queryParams]="{ template: key }"
              [attr.aria-current]="key === current() ? 'page' : null"
              >{{ labels[key] }}</a
            >
          </li>
        }
      </ul>
    </nav>
  `,
})
export class TemplateChoice {
  readonly current = input.required<EmailTemplateKey>();

  protected readonly keys = EMAIL_TEMPLATE_KEYS;
  protected readonly labels = EMAIL_TEMPLATE_LABELS;
}
