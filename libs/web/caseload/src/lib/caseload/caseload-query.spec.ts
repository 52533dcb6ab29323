import { convertToParamMap } from '@angular/router';
import {
  DEFAULT_CASELOAD_QUERY,
  NO_FILTERS,
  caseloadApiParams,
  caseloadExportUrl,
  caseloadQueryFrom,
  caseloadQueryParams,
  filteredBy,
  hasFilters,
  inView,
  sortedBy,
} from './caseload-query';

const ADVISER_ID = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const from = (params: Record<string, string>) => caseloadQueryFrom(convertToParamMap(params));

describe('the caseload in the query string', () => {
  it('defaults to every provider, most urgent first, first page', () => {
    expect(from({})).toEqual(DEFAULT_CASELOAD_QUERY);
    expect(DEFAULT_CASELOAD_QUERY).toMatchObject({ sort: 'priority', direction: 'desc', page: 1, view: null });
    expect(caseloadQueryParams(DEFAULT_CASELOAD_QUERY)).toEqual({});
  });

  it('reads every part back from the address it writes', () => {
    const query = {
      ...DEFAULT_CASELOAD_QUERY,
      view: 'at-risk' as const,
      search: 'oak',
      status: 'in_progress' as const,
      adviser: ADVISER_ID,
      region: 'North East' as const,
      serviceType: 'homecare' as const,
      sort: 'lastContact' as const,
      direction: 'desc' as const,
      page: 3,
    };

    const params = caseloadQueryParams(query);

    expect(params).toEqual({
      view: 'at-risk',
      search: 'oak',
      status: 'in_progress',
      adviser: ADVISER_ID,
      region: 'North East',
      serviceType: 'homecare',
      sort: 'lastContact',
      direction: 'desc',
      page: 3,
    });
    expect(from(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])))).toEqual(query);
  });

  it("leaves out a sort's natural direction, and the first page", () => {
    expect(caseloadQueryParams({ ...DEFAULT_CASELOAD_QUERY, sort: 'name', direction: 'asc' })).toEqual({
      sort: 'name',
    });
    expect(caseloadQueryParams({ ...DEFAULT_CASELOAD_QUERY, direction: 'asc' })).toEqual({ direction: 'asc' });
  });

  it('ignores what the API would refuse, so a mistyped link still shows the caseload', () => {
    expect(
      from({
        status: 'done',
        region: 'Atlantis',
        serviceType: 'x',
        view: 'all',
        sort: 'size',
        direction: 'up',
        page: '0',
        adviser: 'bob',
      }),
    ).toEqual(DEFAULT_CASELOAD_QUERY);
    expect(from({ page: '2.5' }).page).toBe(1);
    expect(from({ adviser: 'none' }).adviser).toBe('none');
    expect(from({ search: `  ${'a'.repeat(150)} ` }).search).toHaveLength(100);
  });

  it('asks the API for the sort, direction, page and page size every time', () => {
    expect(caseloadApiParams(from({ search: 'elm', page: '2' }))).toEqual({
      search: 'elm',
      sort: 'priority',
      direction: 'desc',
      page: 2,
      pageSize: 25,
    });
  });
});

describe('the caseload download', () => {
  it.each([
    [{}, 'csv', 'sort=priority&direction=desc&format=csv'],
    [{ page: '4' }, 'xlsx', 'sort=priority&direction=desc&format=xlsx'],
    [
      {
        view: 'mine',
        search: 'elm & oak',
        status: 'in_progress',
        adviser: 'none',
        region: 'London',
        serviceType: 'homecare',
        sort: 'name',
        direction: 'desc',
        page: '2',
      },
      'csv',
      'view=mine&search=elm+%26+oak&status=in_progress&adviser=none&region=London&serviceType=homecare&sort=name&direction=desc&format=csv',
    ],
  ] as const)('takes the list view %j as ?%s, every page', (params, format, expected) => {
    expect(caseloadExportUrl('north lsp', from(params), format)).toBe(
      `/api/tenants/north%20lsp/providers/export?${expected}`,
    );
  });
});

describe('changing the caseload', () => {
  const onPage3 = { ...DEFAULT_CASELOAD_QUERY, page: 3 };

  it('sorts a new column in its natural order, and turns the sorted one round, from the first page', () => {
    expect(sortedBy(onPage3, 'name')).toMatchObject({ sort: 'name', direction: 'asc', page: 1 });
    expect(sortedBy(onPage3, 'lastContact')).toMatchObject({ sort: 'lastContact', direction: 'asc', page: 1 });
    expect(sortedBy(onPage3, 'priority')).toMatchObject({ sort: 'priority', direction: 'asc', page: 1 });
    expect(sortedBy(sortedBy(onPage3, 'name'), 'name')).toMatchObject({ sort: 'name', direction: 'desc' });
  });

  it('applies filters from the first page, keeping the view and sort', () => {
    const query = { ...onPage3, view: 'mine' as const, sort: 'name' as const, direction: 'asc' as const };

    const filtered = filteredBy(query, { ...NO_FILTERS, search: ' oak ', status: 'not_started' });

    expect(filtered).toEqual({ ...query, search: 'oak', status: 'not_started', page: 1 });
    expect(hasFilters(filtered)).toBe(true);
    expect(hasFilters(filteredBy(filtered, NO_FILTERS))).toBe(false);
  });

  it('opens a saved view on its first page, keeping the filters', () => {
    const query = { ...onPage3, region: 'London' as const };

    expect(inView(query, 'at-risk')).toEqual({ ...query, view: 'at-risk', page: 1 });
    expect(inView(query, null).view).toBeNull();
  });
});
