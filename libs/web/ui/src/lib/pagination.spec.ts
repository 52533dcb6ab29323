import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Pagination, paginationItems } from './pagination';

describe('paginationItems', () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 10, [1, 2, null, 10]],
    [5, 10, [1, null, 4, 5, 6, null, 10]],
    [3, 10, [1, 2, 3, 4, null, 10]],
    [10, 10, [1, null, 9, 10]],
  ])('page %i of %i shows %j', (current, count, expected) => {
    expect(paginationItems(current, count)).toEqual(expected);
  });
});

@Component({
  imports: [Pagination],
  template: '<dspt-pagination [page]="2" [pageCount]="3" />',
})
class PagedList {}

describe('Pagination', () => {
  it('links to the other pages keeping the rest of the query string, and marks the current one', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: '**', component: PagedList }])] });
    const harness = await RouterTestingHarness.create('/caseload?sort=name&page=2');
    const links = [...harness.routeNativeElement!.querySelectorAll('a')].map((link) => [
      link.textContent?.replace(/\s+/g, ' ').trim(),
      link.getAttribute('href'),
      link.getAttribute('aria-current'),
    ]);

    expect(links).toEqual([
      ['Previous page', '/caseload?sort=name&page=1', null],
      ['1', '/caseload?sort=name&page=1', null],
      ['2', '/caseload?sort=name&page=2', 'page'],
      ['3', '/caseload?sort=name&page=3', null],
      ['Next page', '/caseload?sort=name&page=3', null],
    ]);
  });
});
