import { ChangeDetectionStrategy, Component } from '@angular/core';
import {
  CONTACT_ROLES,
  ENGLISH_REGIONS,
  PROVIDER_KINDS,
  PROVIDER_SHEET_COLUMNS,
  PROVIDER_SHEET_REQUIRED_COLUMNS,
  type ProviderSheetColumn,
  SERVICE_TYPES,
  SIZE_BANDS,
} from '@dspt/domain';
import { CONTACT_ROLE_LABELS, PROVIDER_KIND_LABELS, SERVICE_TYPE_LABELS, SIZE_BAND_LABELS } from '@dspt/web/core';
import { ResponsiveTable } from '@dspt/web/ui';

/** "a (A), b (B) or c (C)". */
function choices<T extends string>(values: readonly T[], labels?: Readonly<Record<T, string>>): string {
  const named = values.map((value) => (labels ? `${value} (${labels[value]})` : value));
  return `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
}

/** What each import column holds, in words; the values are the API's own (docs/imports-and-exports.md). */
const WHAT_GOES_IN: Readonly<Record<ProviderSheetColumn, string>> = {
  ods_code:
    "The provider's ODS code: its site code for a single site or branch, its organisation code for an HQ. Providers already in the caseload are matched by it and updated.",
  name: 'The name, up to 200 characters.',
  kind: choices(PROVIDER_KINDS, PROVIDER_KIND_LABELS) + '.',
  parent_ods_code: "For a branch, its HQ's ODS code (the HQ can be in the same file). Empty for single sites and HQs.",
  service_type: choices(SERVICE_TYPES, SERVICE_TYPE_LABELS) + '.',
  size_band: choices(SIZE_BANDS, SIZE_BAND_LABELS) + '.',
  local_authority: 'The name of the local authority.',
  region: `One of the English regions by name: ${choices(ENGLISH_REGIONS)}.`,
  contact_name: "A contact's name. A contact needs a name, an email address and a role, or none of them.",
  contact_email: "The contact's email address. A contact the provider already has is matched by it and updated.",
  contact_role: choices(CONTACT_ROLES, CONTACT_ROLE_LABELS) + '.',
  assigned_adviser_email:
    'The email address of an adviser or admin of this LSP. An empty cell means no adviser; leave the column out to keep the advisers providers have.',
  has_ce_plus: 'yes or no: whether the provider holds Cyber Essentials Plus.',
};

const REQUIRED = new Set<string>(PROVIDER_SHEET_REQUIRED_COLUMNS);

/** The provider import's columns as a table: which the file must have, and what goes in each. */
@Component({
  imports: [ResponsiveTable],
  selector: 'dspt-provider-sheet-guide',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="nhsuk-table" dsptResponsiveTable data-testid="provider-sheet-guide">
      <caption class="nhsuk-table__caption nhsuk-table__caption--s">
        The columns, in any order
      </caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          <th class="nhsuk-table__header" scope="col">Column</th>
          <th class="nhsuk-table__header" scope="col">What goes in it</th>
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        @for (column of columns; track column.name) {
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__cell" scope="row">
              <code>{{ column.name }}</code>
              @if (column.required) {
                <span class="nhsuk-body-s"> (required)</span>
              }
            </th>
            <td class="nhsuk-table__cell">{{ column.text }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class ProviderSheetGuide {
  protected readonly columns = PROVIDER_SHEET_COLUMNS.map((name) => ({
    name,
    required: REQUIRED.has(name),
    text: WHAT_GOES_IN[name],
  }));
}
