import { statisticsAnnouncement } from './statistics-announcement';

describe('statisticsAnnouncement', () => {
  it.each([
    ['1,120', { breakdown: 'serviceType' }, 'Showing 1,120 providers, 2025-26 cycle.'],
    [
      '1,120',
      { breakdown: 'serviceType', region: 'North East' },
      'Showing 1,120 providers in North East, 2025-26 cycle.',
    ],
    [
      '42',
      { breakdown: 'serviceType', region: 'North West', serviceType: 'care_home_nursing' },
      'Showing 42 providers in North West, of type care home (nursing), 2025-26 cycle.',
    ],
  ] as const)('says %s providers for %j', (providers, query, said) => {
    expect(statisticsAnnouncement(providers, query, '2025-26')).toBe(said);
  });
});
