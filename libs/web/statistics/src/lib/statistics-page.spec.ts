import type { TestRequest } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type {
  CompletionForecast,
  CompletionRow,
  CompletionStatistics,
  CompletionTrend,
  CurrentUser,
  ForecastRow,
  LspCompletionStatistics,
  StatisticsOptions,
} from '@dspt/contracts';
import { RoutedPages } from '@dspt/web/auth/testing';
import { CompletionSection } from './completion-section';
import { StatsChart } from './stats-chart';
import { statisticsRoutes } from './statistics.routes';
import { TrendSection } from './trend-section';

/** Charts need a real browser; the tests read the tables that go with them. */
@Component({
  selector: 'dspt-stats-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<div data-testid="chart">{{ summary() }}</div>',
})
class ChartStub {
  readonly options = input<unknown>();
  readonly summary = input.required<string>();
  readonly height = input(0);
}

const LEAD: CurrentUser = {
  user: { id: 'u1', email: 'lead@example.org', displayName: 'Lee Lead', mfaEnrolled: true },
  memberships: [],
  roles: ['programme_lead'],
};
const MEMBER: CurrentUser = {
  user: { id: 'u2', email: 'jo@example.org', displayName: 'Jo', mfaEnrolled: true },
  memberships: [
    { tenant: { id: 't1', slug: 'north', name: 'North Care Alliance', region: 'North East' }, role: 'viewer' },
  ],
  roles: [],
};

const OPTIONS: StatisticsOptions = {
  cycles: [
    { code: '2026-27', deadline: '2027-06-30' },
    { code: '2025-26', deadline: '2026-06-30' },
  ],
  currentCycle: '2026-27',
  tenants: [{ slug: 'north', name: 'North Care Alliance', region: 'North East' }],
  localAuthorities: [{ name: 'Sunderland', region: 'North East' }],
  targetShare: 0.7,
};

function row(key: string, met: number, total: number, previous: number | null = null): CompletionRow {
  const counts = {
    not_started: total - met,
    in_progress: 0,
    ready_to_publish: 0,
    approaching_standards: 0,
    standards_met: met,
    standards_exceeded: 0,
  };
  const figures = { total, counts, metOrAboveShare: met / total, medianMandatoryCompleted: 12, hidden: [] };
  return {
    key,
    label: key,
    ...figures,
    previous: previous === null ? null : { ...figures, metOrAboveShare: previous },
  };
}

function completion(groupBy: CompletionStatistics['groupBy'], rows: CompletionRow[]): CompletionStatistics {
  const total = rows.reduce((sum, each) => sum + (each.total ?? 0), 0);
  const met = rows.reduce((sum, each) => sum + (each.counts.standards_met ?? 0), 0);
  return {
    cycle: '2026-27',
    deadline: '2027-06-30',
    daysToDeadline: 217,
    groupBy,
    filters: {},
    targetShare: 0.7,
    rows,
    total: { ...row('total', met, total, 0.25), label: 'All providers' },
    previousCycle: {
      cycle: '2025-26',
      day: '2025-11-25',
      daysToDeadline: 217,
      available: true,
      message: "Compared with 2025-26 on 2025-11-25, 217 days before its deadline, from that day's snapshot.",
    },
  };
}

const TREND: CompletionTrend = {
  filters: {},
  targetShare: 0.7,
  current: {
    cycle: '2026-27',
    deadline: '2027-06-30',
    points: [
      {
        day: '2026-11-25',
        daysToDeadline: 217,
        total: 4,
        counts: row('x', 1, 4).counts,
        metOrAboveShare: 0.25,
        hidden: [],
      },
    ],
  },
  previous: {
    cycle: '2025-26',
    deadline: '2026-06-30',
    points: [
      {
        day: '2025-11-25',
        daysToDeadline: 217,
        total: 4,
        counts: row('x', 0, 4).counts,
        metOrAboveShare: 0,
        hidden: [],
      },
    ],
  },
};

function forecastRow(key: string, current: number | null, projected = 0.64, providers = 100): ForecastRow {
  return current === null
    ? {
        key,
        label: key,
        providers: null,
        current,
        projected: null,
        low: null,
        high: null,
        method: null,
        providersShort: null,
      }
    : {
        key,
        label: key,
        providers,
        current,
        projected,
        low: projected - 0.06,
        high: projected + 0.05,
        method: 'lastCycleShape',
        providersShort: Math.max(0, Math.ceil(0.7 * providers) - Math.round(projected * providers)),
      };
}

function forecast(groupBy: CompletionForecast['groupBy'], rows: ForecastRow[], total: ForecastRow): CompletionForecast {
  return {
    cycle: '2026-27',
    deadline: '2027-06-30',
    daysToDeadline: 217,
    target: 0.7,
    groupBy,
    previousCycle: '2025-26',
    rows,
    total: { ...total, key: 'total', label: 'All providers' },
  };
}

const FORECAST_TOTAL = forecastRow('total', 0.3, 0.64, 28_000);

/** The statistics pages as the app routes them, for `user`, the charts replaced by their summaries. */
class StatisticsPages extends RoutedPages {
  constructor(user: CurrentUser) {
    super(user, [
      { path: 'statistics', children: statisticsRoutes },
      { path: 'lsp/:slug/statistics', children: statisticsRoutes },
    ]);
    TestBed.overrideComponent(CompletionSection, { remove: { imports: [StatsChart] }, add: { imports: [ChartStub] } });
    TestBed.overrideComponent(TrendSection, { remove: { imports: [StatsChart] }, add: { imports: [ChartStub] } });
  }
}

describe('StatisticsPage', () => {
  // The first test compiles the whole page (six tables, charts, filters): seconds on a busy 2-core machine.
  jest.setTimeout(30_000);
  let pages: StatisticsPages;

  function setUp(user: CurrentUser): void {
    pages = new StatisticsPages(user);
  }

  /** Answers every open request to `url`, and answers with the query parameters of the last. */
  async function answer(url: string, body: object, groupBy?: string): Promise<Record<string, string>> {
    const requests: TestRequest[] = pages.http.match(
      (candidate) => candidate.url === url && (groupBy === undefined || candidate.params.get('groupBy') === groupBy),
    );
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      request.flush(body);
    }
    await pages.settle();
    const last = requests[requests.length - 1].request.params;
    return Object.fromEntries(last.keys().map((key) => [key, last.get(key) ?? '']));
  }

  const element = () => pages.element;
  /** Cells as read aloud: without the column names the stacked (phone) layout shows, nor sort arrows. */
  const cells = (selector: string) =>
    [...element().querySelectorAll(selector)].map((line) =>
      [...line.children].map((cell) => {
        const copy = cell.cloneNode(true) as Element;
        copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
        return copy.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      }),
    );

  afterEach(() => {
    pages.close();
  });

  async function answerProgramme(regions = [row('North East', 1, 4, 0.25), row('London', 3, 4, 0.5)]): Promise<void> {
    await answer('/api/stats/options', OPTIONS);
    await answer('/api/stats/completion', completion('region', regions), 'region');
    await answer('/api/stats/completion', completion('tenant', [row('North Care Alliance', 4, 8)]), 'tenant');
    await answer('/api/stats/trend', TREND);
    await answer('/api/stats/completion', completion('serviceType', [row('Homecare', 4, 8)]), 'serviceType');
    await answerCoverage();
    await answerForecasts();
  }

  /** Answers the forecasts, asked once per page (the filters do not change them): none when already answered. */
  async function answerForecasts(total = FORECAST_TOTAL): Promise<void> {
    const bodies: Record<string, CompletionForecast> = {
      region: forecast('region', [forecastRow('North East', 0.25, 0.55), forecastRow('London', 0.4, 0.75)], total),
      tenant: forecast(
        'tenant',
        [forecastRow('North Care Alliance', 0.3, 0.62), forecastRow('Small LSP', null)],
        total,
      ),
    };
    for (const request of pages.http.match((candidate) => candidate.url === '/api/stats/forecast')) {
      request.flush(bodies[request.request.params.get('groupBy') ?? '']);
    }
    await pages.settle();
  }

  /** Coverage of the CQC register: asked once, whatever the filters. */
  async function answerCoverage(): Promise<void> {
    for (const request of pages.http.match((candidate) => candidate.url === '/api/stats/coverage')) {
      const groupBy = request.request.params.get('groupBy');
      const label = groupBy === 'region' ? 'London' : 'North Care Alliance';
      request.flush({
        groupBy,
        groups: [
          { key: label, label, registered: 10, engaged: 4, published: 5, engagedShare: 0.4, publishedShare: 0.5 },
        ],
      });
    }
    await pages.settle();
  }

  it('shows programme leads coverage of the CQC register by region and by LSP', async () => {
    setUp(LEAD);
    await pages.open('/statistics');
    await answerProgramme();
    expect(cells('[data-testid="coverage-region"] tbody tr')).toEqual([['London', '10', '40% (4)', '50% (5)']]);
    expect(cells('[data-testid="coverage-tenant"] tbody tr')).toEqual([
      ['North Care Alliance', '10', '40% (4)', '50% (5)'],
    ]);
  });

  it('shows a programme lead every LSP: by region and by LSP, each with its table and totals, the trend and last cycle', async () => {
    setUp(LEAD);
    await pages.open('/statistics');
    await answerProgramme();

    expect(element().querySelector('h1')?.textContent).toBe('Statistics');
    expect(element().querySelector('[data-testid="summary-share"]')?.textContent).toContain(
      '8 providers: 50.0% at Standards Met or above (target 70.0%)',
    );
    expect(element().querySelector('[data-testid="previous-cycle"]')?.textContent).toContain(
      'Compared with 2025-26 on 25 November 2025, 217 days before its deadline',
    );
    const region = '[data-testid="region"] ';
    expect(cells(`${region}tbody tr`)).toEqual([
      ['North East', '4', '25.0%', 'No', '25.0%', '3', '0', '0', '0', '1', '0', '12'],
      ['London', '4', '75.0%', 'Yes', '50.0%', '1', '0', '0', '0', '3', '0', '12'],
    ]);
    expect(cells(`${region}tfoot tr`)).toEqual([
      ['All providers', '8', '50.0%', 'No', '25.0%', '4', '0', '0', '0', '4', '0', '12'],
    ]);
    expect(element().querySelector(`${region}[data-testid="chart"]`)?.textContent).toContain('London, 75.0%');
    expect(element().querySelector('[data-testid="tenant"] h2')?.textContent).toBe('By LSP');
    expect(cells('[data-testid="trend-table"] tbody tr')).toEqual([
      ['217', '25 November 2026', '25.0%', '25 November 2025', '0.0%'],
    ]);
    expect(element().querySelector('[data-testid="breakdown"] h2')?.textContent).toBe('By type of service');
  });

  it('gives the gap to the target, the change since last cycle, and the regions and LSPs furthest behind, with links that filter to them', async () => {
    setUp(LEAD);
    await pages.open('/statistics?sizeBand=small');
    await answerProgramme();

    // 8 providers, 4 at Standards Met or above: 70% of 8 is 5.6, so 2 more.
    expect(element().querySelector('[data-testid="target-gap"]')?.textContent?.trim()).toBe(
      'To reach the 70.0% target: 2 more providers at Standards Met or above.',
    );
    expect(element().querySelector('[data-testid="against-last-cycle"]')?.textContent?.trim()).toBe(
      'Last cycle at the same point: 25.0% at Standards Met or above (now 50.0%, up 25.0 percentage points).',
    );
    const behind = (id: string) =>
      [...element().querySelectorAll(`[data-testid="${id}"] li`)].map((item) =>
        item.textContent?.replace(/\s+/g, ' ').trim(),
      );
    expect(behind('behind-first')).toEqual(['North East: 25.0%, 2 more providers needed']);
    expect(behind('behind-tenant')).toEqual(['North Care Alliance: 50.0%, 2 more providers needed']);
    const link = (selector: string) => element().querySelector<HTMLAnchorElement>(selector)?.getAttribute('href');
    expect(link('[data-testid="behind-first"] a')).toBe('/statistics?region=North%20East&sizeBand=small');
    // Region, then LSP, then type of service: each group's name in the tables filters the page to it.
    expect(link('[data-testid="region"] tbody tr:nth-child(2) a')).toBe('/statistics?region=London&sizeBand=small');
    expect(link('[data-testid="tenant"] tbody a')).toBe('/statistics?tenant=North%20Care%20Alliance&sizeBand=small');
    expect(element().querySelector('[data-testid="breakdown"] tbody a')).toBeNull();
  });

  it('never ranks or works out a gap from a hidden share', async () => {
    setUp(LEAD);
    await pages.open('/statistics');
    const hiddenShare = { ...row('London', 3, 4), metOrAboveShare: null, hidden: ['metOrAboveShare' as const] };
    await answer('/api/stats/options', OPTIONS);
    const regions = completion('region', [row('North East', 1, 10), hiddenShare]);
    await answer(
      '/api/stats/completion',
      { ...regions, total: { ...regions.total, metOrAboveShare: null, hidden: ['metOrAboveShare'] } },
      'region',
    );
    await answer('/api/stats/completion', completion('tenant', [row('North Care Alliance', 4, 8)]), 'tenant');
    await answer('/api/stats/trend', TREND);
    await answer('/api/stats/completion', completion('serviceType', [row('Homecare', 4, 8)]), 'serviceType');
    await answerCoverage();
    await answerForecasts(forecastRow('total', null));
    expect(element().querySelector('[data-testid="target-gap"]')?.textContent).toContain('[c]');
    expect(element().querySelector('[data-testid="forecast-headline"]')).toBeNull();
    expect(element().querySelectorAll('[data-testid="behind-first"] li')).toHaveLength(1);
    expect(element().querySelector('[data-testid="behind-first"]')?.textContent).toContain('North East');
    expect(element().querySelector('[data-testid="behind-first"]')?.textContent).not.toContain('London');
  });

  it('says plainly where the programme will be by the deadline at this pace, and forecasts each region and LSP', async () => {
    setUp(LEAD);
    await pages.open('/statistics');
    await answerProgramme();

    expect(element().querySelector('[data-testid="forecast-headline"]')?.textContent?.trim()).toBe(
      'At this pace, 64.0% (58.0% to 69.0%) by 30 June 2027: about 1,680 providers short of the 70.0% target.',
    );
    expect(element().querySelector('#forecast-heading')?.textContent).toBe('Forecast to 30 June 2027');
    expect(cells('[data-testid="forecast-region"] thead tr')).toEqual([
      [
        'Region',
        'Providers',
        'Standards Met or above now',
        'Expected by 30 June 2027',
        'Low',
        'High',
        'Expected to reach the 70.0% target',
      ],
    ]);
    expect(cells('[data-testid="forecast-region"] tbody tr')).toEqual([
      ['North East', '100', '25.0%', '55.0%', '49.0%', '60.0%', 'No'],
      ['London', '100', '40.0%', '75.0%', '69.0%', '80.0%', 'Yes'],
    ]);
    expect(cells('[data-testid="forecast-region"] tfoot tr')).toEqual([
      ['All providers', '28000', '30.0%', '64.0%', '58.0%', '69.0%', 'No'],
    ]);
    // A hidden share hides its forecast too, and says why.
    expect(cells('[data-testid="forecast-tenant"] tbody tr')[1]).toEqual([
      'Small LSP',
      '[c]',
      '[c]',
      '[c]',
      '[c]',
      '[c]',
      '[c]',
    ]);
    expect(
      element().querySelector('[data-testid="forecast-tenant"] [data-testid="hidden-figures-note"]'),
    ).not.toBeNull();

    // Sortable like the other tables: lowest expected first, then highest.
    const expected = element().querySelectorAll<HTMLButtonElement>('[data-testid="forecast-region"] thead button')[3];
    expected.click();
    await pages.settle();
    expect(cells('[data-testid="forecast-region"] tbody tr').map((line) => line[0])).toEqual(['North East', 'London']);
    expect(expected.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expected.click();
    await pages.settle();
    expect(cells('[data-testid="forecast-region"] tbody tr').map((line) => line[0])).toEqual(['London', 'North East']);
    expect(
      element().querySelector('[data-testid="forecast-region"] [data-testid="sort-announcement"]')?.textContent,
    ).toBe('Forecast by region: sorted by Expected by 30 June 2027, highest first.');
  });

  it('keeps the forecast out of a filtered headline, and says the filters do not change it', async () => {
    setUp(LEAD);
    await pages.open('/statistics?region=London');
    await answerProgramme();
    expect(element().querySelector('[data-testid="forecast-headline"]')).toBeNull();
    expect(element().querySelector('[data-testid="forecast"]')?.textContent).toContain(
      'the filters above do not change it',
    );
  });

  it('sorts a table from its column headers, says so with aria-sort, and announces the new order', async () => {
    setUp(LEAD);
    await pages.open('/statistics');
    await answerProgramme([row('North East', 1, 4), row('London', 3, 4), row('South West', 0, 5)]);
    const region = '[data-testid="region"] ';
    const header = (label: string) =>
      [...element().querySelectorAll<HTMLTableCellElement>(`${region}thead th`)].find((cell) =>
        cell.querySelector('button')?.textContent?.includes(label),
      )!;
    const shareHeader = () => header('Standards Met or above');
    expect(shareHeader().getAttribute('aria-sort')).toBe('none');

    shareHeader().querySelector('button')!.click();
    await pages.settle();
    expect(cells(`${region}tbody tr`).map((line) => line[0])).toEqual(['South West', 'North East', 'London']);
    expect(shareHeader().getAttribute('aria-sort')).toBe('ascending');
    expect(element().querySelector(`${region}[data-testid="sort-announcement"]`)?.textContent).toBe(
      'By region: sorted by Standards Met or above, lowest first.',
    );

    shareHeader().querySelector('button')!.click();
    await pages.settle();
    expect(cells(`${region}tbody tr`).map((line) => line[0])).toEqual(['London', 'North East', 'South West']);
    expect(shareHeader().getAttribute('aria-sort')).toBe('descending');
    expect(header('Region').getAttribute('aria-sort')).toBe('none');
    // The totals stay at the foot.
    expect(cells(`${region}tfoot tr`).map((line) => line[0])).toEqual(['All providers']);
  });

  it('puts the filters in the address and asks for the filtered figures', async () => {
    setUp(LEAD);
    await pages.open('/statistics?sizeBand=small');
    await answerProgramme();
    const region = element().querySelector<HTMLSelectElement>('#stats-region')!;
    region.value = 'London';
    region.dispatchEvent(new Event('change'));
    const breakdown = element().querySelector<HTMLSelectElement>('#stats-breakdown')!;
    breakdown.value = 'localAuthority';
    breakdown.dispatchEvent(new Event('change'));
    element().querySelector<HTMLFormElement>('[data-testid="statistics-filters"]')!.requestSubmit();
    await pages.settle();

    expect(TestBed.inject(Router).url).toBe('/statistics?region=London&sizeBand=small&breakdown=localAuthority');
    expect(await answer('/api/stats/completion', completion('region', [row('London', 1, 2)]), 'region')).toEqual({
      region: 'London',
      sizeBand: 'small',
      groupBy: 'region',
    });
    await answer('/api/stats/completion', completion('tenant', [row('North Care Alliance', 1, 2)]), 'tenant');
    expect(await answer('/api/stats/trend', TREND)).toEqual({ region: 'London', sizeBand: 'small' });
    expect(
      await answer('/api/stats/completion', completion('localAuthority', [row('Camden', 1, 2)]), 'localAuthority'),
    ).toEqual({ region: 'London', sizeBand: 'small', groupBy: 'localAuthority' });
    expect(element().querySelector('[data-testid="breakdown"] h2')?.textContent).toBe('By local authority');
    // The new figures are announced in a polite live region.
    const announcement = element().querySelector('[data-testid="statistics-announcement"]')!;
    expect(announcement.getAttribute('role')).toBe('status');
    expect(announcement.textContent).toMatch(/^Showing \d+ providers in London, of size small/);
  });

  it('downloads each table as CSV with the same figures, totals included', async () => {
    setUp(LEAD);
    await pages.open('/statistics');
    await answerProgramme();
    let saved: Blob | undefined;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved = blob;
      return 'blob:csv';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    element().querySelector<HTMLButtonElement>('[data-testid="region"] button.nhsuk-button')!.click();

    expect(click).toHaveBeenCalled();
    // jsdom's Blob has no text(): read it as a browser's FileReader would.
    const read = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(saved as Blob);
    });
    const text = read.replace(/^\uFEFF/, '');
    expect(text.split('\r\n')).toEqual([
      'Region,Providers,Standards Met or above,Meets the 70.0% target,"Last cycle, Standards Met or above",Not started,In progress,Ready to publish,Approaching Standards,Standards Met,Standards Exceeded,Median mandatory items completed',
      'North East,4,25.0%,No,25.0%,3,0,0,0,1,0,12',
      'London,4,75.0%,Yes,50.0%,1,0,0,0,3,0,12',
      'All providers,8,50.0%,No,25.0%,4,0,0,0,4,0,12',
      '',
    ]);
    click.mockRestore();
  });

  it('shows figures hidden to protect providers as [c], explains them, and writes them so in the CSV file', async () => {
    setUp(LEAD);
    await pages.open('/statistics');
    const single: CompletionRow = {
      ...row('Leeds', 1, 1),
      total: null,
      counts: Object.fromEntries(
        Object.keys(row('x', 0, 1).counts).map((status) => [status, null]),
      ) as CompletionRow['counts'],
      metOrAboveShare: null,
      medianMandatoryCompleted: null,
      hidden: [
        'total',
        'not_started',
        'in_progress',
        'ready_to_publish',
        'approaching_standards',
        'standards_met',
        'standards_exceeded',
        'metOrAboveShare',
        'medianMandatoryCompleted',
      ],
    };
    const partner: CompletionRow = {
      ...row('Bradford', 3, 6),
      total: null,
      metOrAboveShare: null,
      hidden: ['total', 'metOrAboveShare'],
    };
    await answerProgramme([single, partner, row('Wakefield', 5, 7)]);

    const region = '[data-testid="region"] ';
    expect(cells(`${region}tbody tr`)).toEqual([
      ['Leeds', '[c]', '[c]', '[c]', 'No snapshot', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]'],
      ['Bradford', '[c]', '[c]', '[c]', 'No snapshot', '3', '0', '0', '0', '3', '0', '12'],
      ['Wakefield', '7', '71.4%', 'Yes', 'No snapshot', '2', '0', '0', '0', '5', '0', '12'],
    ]);
    expect(element().querySelector(`${region}[data-testid="hidden-figures-note"]`)?.textContent).toContain(
      '[c]: hidden to protect individual providers',
    );
    // A table with nothing hidden has no note.
    expect(element().querySelector('[data-testid="tenant"] [data-testid="hidden-figures-note"]')).toBeNull();

    let saved: Blob | undefined;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved = blob;
      return 'blob:csv';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    element().querySelector<HTMLButtonElement>(`${region}button.nhsuk-button`)!.click();
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(saved as Blob);
    });
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe('Leeds,[c],[c],[c],No snapshot,[c],[c],[c],[c],[c],[c],[c]');
    expect(lines.at(-2)).toMatch(/^"?\[c\]: hidden to protect individual providers/);
    click.mockRestore();
  });

  it("shows an LSP's users their own providers by local authority, with England beside them, and no LSP table", async () => {
    setUp(MEMBER);
    await pages.open('/lsp/north/statistics');
    await answer('/api/tenants/north/stats/options', { ...OPTIONS, tenants: [] });
    const own: LspCompletionStatistics = {
      ...(completion('localAuthority', [row('Sunderland', 1, 4)]) as LspCompletionStatistics),
      tenant: { slug: 'north', name: 'North Care Alliance' },
      national: { ...row('England', 10, 40), label: 'England' },
    };
    await answer('/api/tenants/north/stats/completion', own, 'localAuthority');
    await answer('/api/tenants/north/stats/trend', TREND);
    await answer('/api/tenants/north/stats/completion', own, 'serviceType');

    expect(element().querySelector('.nhsuk-caption-l')?.textContent).toBe('North Care Alliance');
    expect(element().querySelector('#stats-tenant')).toBeNull();
    expect(element().querySelector('[data-testid="tenant"]')).toBeNull();
    expect(cells('[data-testid="localAuthority"] tfoot tr').map((line) => line.slice(0, 2))).toEqual([
      ['All your providers', '4'],
      ['England', '40'],
    ]);
    expect(element().querySelector('[data-testid="summary-share"]')?.textContent).toContain(
      'England: 25.0% of 40 providers.',
    );
  });
});
