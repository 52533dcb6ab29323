import { convertToParamMap } from '@angular/router';
import { hasFilters, statisticsApiParams, statisticsQueryFrom, statisticsQueryParams } from './statistics-query';

const from = (params: Record<string, string>) => statisticsQueryFrom(convertToParamMap(params));

describe('statistics query in the address', () => {
  it('reads every filter, the cycle and the breakdown', () => {
    const query = from({
      cycle: '2025-26',
      region: 'London',
      tenant: 'east-london-care-network',
      serviceType: 'homecare',
      sizeBand: 'small',
      localAuthority: ' Camden ',
      breakdown: 'localAuthority',
    });
    expect(query).toEqual({
      cycle: '2025-26',
      region: 'London',
      tenant: 'east-london-care-network',
      serviceType: 'homecare',
      sizeBand: 'small',
      localAuthority: 'Camden',
      breakdown: 'localAuthority',
    });
    expect(statisticsQueryParams(query)).toEqual({ ...query, localAuthority: 'Camden' });
    expect(hasFilters(query)).toBe(true);
  });

  it('drops values the API would refuse, and leaves defaults out of the address', () => {
    const query = from({
      cycle: '2025',
      region: 'Wales',
      serviceType: 'hospital',
      sizeBand: 'huge',
      tenant: 'Not A Slug',
      breakdown: 'tenant',
    });
    expect(query).toEqual({ breakdown: 'serviceType' });
    expect(statisticsQueryParams(query)).toEqual({});
    expect(hasFilters(query)).toBe(false);
  });

  it("sends the API the filters and cycle, not the page's breakdown", () => {
    expect(statisticsApiParams(from({ region: 'London', breakdown: 'sizeBand' }), { groupBy: 'tenant' })).toEqual({
      region: 'London',
      groupBy: 'tenant',
    });
  });
});
