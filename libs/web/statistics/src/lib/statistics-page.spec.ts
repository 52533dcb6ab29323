import type { TestRequest } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type {
  CompletionRow,
  CompletionStatistics,
  CompletionTrend,
  CurrentUser,
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
  const figures = { total, counts, metOrAboveShare: met / total, medianMandatoryCompleted: 12 };
  return {
    key,
    label: key,
    ...figures,
    previous: previous === null ? null : { ...figures, metOrAboveShare: previous },
  };
}

function completion(groupBy: CompletionStatistics['groupBy'], rows: CompletionRow[]): CompletionStatistics {
  const total = rows.reduce((sum, each) => sum + each.total, 0);
  const met = rows.reduce((sum, each) => sum + each.counts.standards_met, 0);
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
      { day: '2026-11-25', daysToDeadline: 217, total: 4, counts: row('x', 1, 4).counts, metOrAboveShare: 0.25 },
    ],
  },
  previous: {
    cycle: '2025-26',
    deadline: '2026-06-30',
    points: [{ day: '2025-11-25', daysToDeadline: 217, total: 4, counts: row('x', 0, 4).counts, metOrAboveShare: 0 }],
  },
};

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
  const cells = (selector: string) => pages.cells(selector);

  afterEach(() => {
    pages.close();
  });

  async function answerProgramme(regions = [row('North East', 1, 4, 0.25), row('London', 3, 4, 0.5)]): Promise<void> {
    await answer('/api/stats/options', OPTIONS);
    await answer('/api/stats/completion', completion('region', regions), 'region');
    await answer('/api/stats/completion', completion('tenant', [row('North Care Alliance', 4, 8)]), 'tenant');
    await answer('/api/stats/trend', TREND);
    await answer('/api/stats/completion', completion('serviceType', [row('Homecare', 4, 8)]), 'serviceType');
  }

  it('shows a programme lead every LSP: by region and by LSP, each with its table and totals, the trend and last cycle', async () => {
    setUp(LEAD);
    await pages.open('/statistics');
    await answerProgramme();

    expect(element().querySelector('h1')?.textContent).toBe('Statistics');
    expect(element().querySelector('[data-testid="summary-share"]')?.textContent).toContain(
      '8 providers: 50.0% at Standards Met or above (target 70.0%)',
    );
    expect(element().querySelector('[data-testid="previous-cycle"]')?.textContent).toContain(
      'Compared with 2025-26 on 2025-11-25',
    );
    const region = '[data-testid="region"] ';
    expect(cells(`${region}tbody tr`)).toEqual([
      ['North East', '4', '3', '0', '0', '0', '1', '0', '25.0%', 'No', '12', '25.0%'],
      ['London', '4', '1', '0', '0', '0', '3', '0', '75.0%', 'Yes', '12', '50.0%'],
    ]);
    expect(cells(`${region}tfoot tr`)).toEqual([
      ['All providers', '8', '4', '0', '0', '0', '4', '0', '50.0%', 'No', '12', '25.0%'],
    ]);
    expect(element().querySelector(`${region}[data-testid="chart"]`)?.textContent).toContain('London, 75.0%');
    expect(element().querySelector('[data-testid="tenant"] h2')?.textContent).toBe('By LSP');
    expect(cells('[data-testid="trend-table"] tbody tr')).toEqual([
      ['217', '2026-11-25', '25.0%', '2025-11-25', '0.0%'],
    ]);
    expect(element().querySelector('[data-testid="breakdown"] h2')?.textContent).toBe('By type of service');
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
    element().querySelector<HTMLButtonElement>('[data-testid="region"] button')!.click();

    expect(click).toHaveBeenCalled();
    // jsdom's Blob has no text(): read it as a browser's FileReader would.
    const read = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(saved as Blob);
    });
    const text = read.replace(/^\uFEFF/, '');
    expect(text.split('\r\n')).toEqual([
      'Region,Providers,Not started,In progress,Ready to publish,Approaching Standards,Standards Met,Standards Exceeded,Standards Met or above,Meets the 70.0% target,Median mandatory items completed,"Last cycle, Standards Met or above"',
      'North East,4,3,0,0,0,1,0,25.0%,No,12,25.0%',
      'London,4,1,0,0,0,3,0,75.0%,Yes,12,50.0%',
      'All providers,8,4,0,0,0,4,0,50.0%,No,12,25.0%',
      '',
    ]);
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
