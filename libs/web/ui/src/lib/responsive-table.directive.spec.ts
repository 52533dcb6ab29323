import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ResponsiveTable } from './responsive-table.directive';

@Component({
  imports: [ResponsiveTable],
  template: `
    <table class="nhsuk-table" dsptResponsiveTable>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          <th class="nhsuk-table__header" scope="col">Name</th>
          <th class="nhsuk-table__header" scope="col">Role</th>
          <th class="nhsuk-table__header" scope="col"><span class="nhsuk-u-visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        @for (person of people(); track person) {
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="row">{{ person }}</th>
            <td class="nhsuk-table__cell">Adviser</td>
            <td class="nhsuk-table__cell"><button type="button">Remove</button></td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
class PeopleTable {
  readonly people = signal(['Sam']);
}

const cells = (element: HTMLElement) =>
  [...element.querySelectorAll('tbody tr')].map((row) =>
    [...row.children].map((cell) => [cell.getAttribute('role'), cell.getAttribute('data-label')]),
  );

describe('ResponsiveTable', () => {
  it("names each body cell's column, for rows added later too, and keeps the table's roles", async () => {
    const fixture = TestBed.createComponent(PeopleTable);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const table = element.querySelector('table')!;

    expect(table.classList).toContain('nhsuk-table--responsive');
    expect(table.getAttribute('role')).toBe('table');
    expect([...element.querySelectorAll('thead th')].map((header) => header.getAttribute('role'))).toEqual([
      'columnheader',
      'columnheader',
      'columnheader',
    ]);
    // A column named only for screen readers shows no name: its buttons say what they do.
    expect(cells(element)).toEqual([
      [
        ['rowheader', 'Name'],
        ['cell', 'Role'],
        ['cell', null],
      ],
    ]);
    expect(element.querySelector('tbody td')!.textContent).toBe('Adviser');

    fixture.componentInstance.people.set(['Sam', 'Alex']);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(cells(element)[1]).toEqual([
      ['rowheader', 'Name'],
      ['cell', 'Role'],
      ['cell', null],
    ]);
  });
});
