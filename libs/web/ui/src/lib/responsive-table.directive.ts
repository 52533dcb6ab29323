import { DestroyRef, Directive, ElementRef, afterNextRender, inject } from '@angular/core';

/** The column names from the table's head: '' for a column named only for screen readers (its buttons say). */
function columnNames(table: HTMLTableElement): string[] {
  const headerRow = table.tHead?.rows[0];
  return [...(headerRow?.cells ?? [])].map((header) => {
    const hidden = header.querySelector('.nhsuk-u-visually-hidden');
    const text = header.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return hidden && hidden.textContent?.trim() === text ? '' : text;
  });
}

/**
 * Gives each body cell its column's name (`data-label`, which the stylesheet shows above the value on
 * narrow screens) and every part of the table the role that a stacked table's CSS would take away.
 */
function label(table: HTMLTableElement): void {
  const names = columnNames(table);
  table.setAttribute('role', 'table');
  for (const section of [table.tHead, ...table.tBodies]) {
    section?.setAttribute('role', 'rowgroup');
    for (const row of section?.rows ?? []) {
      row.setAttribute('role', 'row');
      [...row.cells].forEach((cell, index) => {
        if (section === table.tHead) {
          cell.setAttribute('role', 'columnheader');
          return;
        }
        cell.setAttribute('role', cell.tagName === 'TH' ? 'rowheader' : 'cell');
        if (names[index]) {
          cell.setAttribute('data-label', names[index]);
        }
      });
    }
  }
}

/**
 * A table that stacks on a phone, after the NHS.UK responsive table: below desktop width its head is
 * hidden and each row is a block, every cell on lines of its own under its column's name (taken from
 * the head, as rows come and go). Screen readers keep the table's own headers (styles.scss hides the
 * shown names from them), so nobody scrolls sideways and nothing is read twice.
 *
 * ```html
 * <table class="nhsuk-table" dsptResponsiveTable>…</table>
 * ```
 */
@Directive({
  selector: 'table[dsptResponsiveTable]',
  host: { class: 'nhsuk-table--responsive dspt-table--stacked' },
})
export class ResponsiveTable {
  constructor() {
    const table = inject<ElementRef<HTMLTableElement>>(ElementRef).nativeElement;
    const observer = new MutationObserver(() => label(table));
    afterNextRender(() => {
      label(table);
      observer.observe(table, { childList: true, subtree: true });
    });
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }
}
