import { signal } from '@angular/core';
import { type FiguresSort, nextSort, sortAnnouncement } from './figures-sort';

/**
 * A statistics table's sort state: the column's header is a button (first press lowest first, then highest
 * first) carrying `aria-sort`, and `message` is what a polite live region says of the new order.
 */
export class TableSort<K extends string> {
  readonly sort = signal<FiguresSort<K> | null>(null);
  readonly message = signal('');

  constructor(private readonly table: () => string) {}

  by(key: K, column: string): void {
    const sort = nextSort(this.sort(), key);
    this.sort.set(sort);
    this.message.set(sortAnnouncement(this.table(), column, sort));
  }

  ariaSort(key: K): 'ascending' | 'descending' | 'none' {
    const sort = this.sort();
    return sort !== null && sort.key === key ? sort.direction : 'none';
  }

  arrow(key: K): string {
    const sort = this.sort();
    return sort === null || sort.key !== key ? '↕' : sort.direction === 'ascending' ? '▲' : '▼';
  }
}

/** The styles of a statistics table with sort buttons in its headers (the completion and forecast tables). */
export const SORTABLE_TABLE_STYLES = `
  .dspt-met {
    color: #007f3b;
    font-weight: 600;
  }
  .dspt-total th,
  .dspt-total td {
    font-weight: 600;
  }
  /* The design system's table is 2px wider than its container (for its header border): that alone
     would put the table behind a sideways scroll. */
  .dspt-figures-table {
    width: 100%;
  }
`;
