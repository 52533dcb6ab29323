/**
 * `npm run bench:pages`: how long pages take to show their content in Chromium, measured in the page from
 * the start of navigation: the caseload until the first row of its table, a provider page until every
 * section has loaded (its blockers shown and no "Loading" left). Each cold (a fresh browser context:
 * empty cache) and warm (the same context's second visit), at desktop (1366 px) and phone (390 px)
 * widths, with the API requests of each visit and the requests to another origin. Starts the portal like
 * the e2e tests do (`node tools/start.ts` on a fresh database with the demo data), signs in as a demo
 * adviser, prints the figures for people and ends with one JSON line. Or measures one already running at
 * BENCH_URL (the demo data, the demo adviser signing in with MFA off), as `bench:lighthouse` does: two
 * builds served side by side on one database compare without a second seeding. Options: --runs N
 * (default 20), --pages caseload,provider (default both).
 * The database is dropped afterwards unless KEEP_TEST_DATABASE is set.
 */
import { type Browser, type BrowserContextOptions, chromium } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { benchDatabaseUrl, dropBenchDatabase } from './lib/bench-database.ts';
import { percentile, signIn } from './lib/bench-http.ts';
import { firstProviderPath, startBenchPortal, waitForHealth } from './lib/bench-portal.ts';
import { stopChild } from './lib/local-services.ts';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex === -1 ? 20 : Number(args[runsIndex + 1]);
const pagesIndex = args.indexOf('--pages');
const pageNames = pagesIndex === -1 ? ['caseload', 'provider'] : args[pagesIndex + 1].split(',');
const port = Number(process.env['BENCH_PORT'] ?? 3195);
const baseUrl = process.env['BENCH_URL'] ?? `http://127.0.0.1:${port}`;
const slug = 'tyne-and-wear-care-alliance';

const VIEWPORTS: Record<string, BrowserContextOptions> = {
  desktop: { viewport: { width: 1366, height: 768 } },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
};

/** When a page's content is shown: `shown` is on the page and `loading` (if given) no longer is. */
interface ContentMarks {
  shown: string;
  loading?: string;
}

const CONTENT: Record<string, ContentMarks> = {
  caseload: { shown: '[data-testid="caseload-table"] tbody tr' },
  provider: { shown: '[data-testid="blockers"]', loading: 'dspt-loading-state' },
};

/** Set before the page's own scripts run: notes the time (from navigation start) its content appears. */
function watchForContent({ shown, loading }: ContentMarks): void {
  const observer = new MutationObserver(() => {
    if (document.querySelector(shown) && !(loading && document.querySelector(loading))) {
      (window as unknown as { contentShownAt: number }).contentShownAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

interface Timings {
  coldP50Ms: number;
  coldP95Ms: number;
  warmP50Ms: number;
  warmP95Ms: number;
  /** Requests to the api in a visit, until the page is idle (the median visit). */
  apiRequests: number;
}

async function measure(
  browser: Browser,
  options: BrowserContextOptions,
  cookie: string,
  path: string,
  marks: ContentMarks,
  otherOrigins: Set<string>,
): Promise<Timings> {
  const cookies = cookie.split('; ').map((pair) => {
    const [name, value] = pair.split('=');
    return { name, value, url: baseUrl };
  });
  const cold: number[] = [];
  const warm: number[] = [];
  const apiRequests: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext(options);
    await context.addCookies(cookies);
    await context.addInitScript(watchForContent, marks);
    const page = await context.newPage();
    let visitRequests = 0;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === baseUrl && url.pathname.startsWith('/api/')) {
        visitRequests += 1;
      }
      if (url.protocol.startsWith('http') && url.origin !== baseUrl) {
        otherOrigins.add(request.url());
      }
    });
    for (const times of [cold, warm]) {
      visitRequests = 0;
      await page.goto(`${baseUrl}${path}`);
      const shownAt = await page.waitForFunction(
        () => (window as unknown as { contentShownAt?: number }).contentShownAt,
        null,
        {
          timeout: 30_000,
        },
      );
      times.push(Number(await shownAt.jsonValue()));
      // Let late requests (fonts, images) start before the next visit, so they are counted and cached.
      await page.waitForLoadState('networkidle');
      apiRequests.push(visitRequests);
    }
    await context.close();
  }
  const round = (value: number) => Math.round(value);
  return {
    coldP50Ms: round(percentile(cold, 50)),
    coldP95Ms: round(percentile(cold, 95)),
    warmP50Ms: round(percentile(warm, 50)),
    warmP95Ms: round(percentile(warm, 95)),
    apiRequests: percentile(apiRequests, 50),
  };
}

async function main(): Promise<void> {
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error('--runs must be a whole number of at least 1');
  }
  const databaseUrl = process.env['BENCH_URL'] ? undefined : benchDatabaseUrl('dspt_bench_pages');
  let portal: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    // As e2e/playwright.config.ts starts it: builds, migrates, seeds the demo data, runs api and worker.
    if (databaseUrl) {
      portal = startBenchPortal(port, databaseUrl, 'bench-pages');
    }
    await waitForHealth(baseUrl, 600_000);
    const cookie = await signIn(baseUrl, `adviser@${slug}.demo.test`);

    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    const otherOrigins = new Set<string>();
    const paths: Record<string, string> = {
      caseload: `/lsp/${slug}/caseload`,
      provider: await firstProviderPath(baseUrl, slug, cookie),
    };
    const figures: Record<string, unknown> = { runs };
    for (const name of pageNames) {
      const marks = CONTENT[name];
      if (!marks) {
        throw new Error(`--pages takes caseload and provider, not ${name}`);
      }
      const desktop = await measure(browser, VIEWPORTS['desktop'], cookie, paths[name], marks, otherOrigins);
      const phone = await measure(browser, VIEWPORTS['phone'], cookie, paths[name], marks, otherOrigins);
      console.log(`${name} (${paths[name]}): content shown, from navigation, ${runs} runs each (ms):`);
      for (const [viewport, timings] of Object.entries({ desktop, phone })) {
        console.log(
          `  ${viewport.padEnd(7)} cold p50 ${timings.coldP50Ms}, p95 ${timings.coldP95Ms}; warm p50 ${timings.warmP50Ms}, p95 ${timings.warmP95Ms}; api requests per visit ${timings.apiRequests}`,
        );
      }
      // The caseload's figures keep their names from before the provider page was measured too.
      const prefix = name === 'caseload' ? '' : name;
      const key = (rest: string) => (prefix ? `${prefix}${rest[0].toUpperCase()}${rest.slice(1)}` : rest);
      for (const [viewport, timings] of Object.entries({ desktop, phone })) {
        figures[key(`${viewport}ColdP50Ms`)] = timings.coldP50Ms;
        figures[key(`${viewport}ColdP95Ms`)] = timings.coldP95Ms;
        figures[key(`${viewport}WarmP50Ms`)] = timings.warmP50Ms;
        figures[key(`${viewport}WarmP95Ms`)] = timings.warmP95Ms;
      }
      figures[`${name}ApiRequests`] = desktop.apiRequests;
    }
    console.log(
      `  requests to other origins: ${otherOrigins.size}${otherOrigins.size ? ` (${[...otherOrigins].join(', ')})` : ''}`,
    );
    console.log(JSON.stringify({ ...figures, otherOriginRequests: otherOrigins.size }));
  } finally {
    await browser?.close();
    if (portal) {
      await stopChild(portal);
    }
    if (databaseUrl) {
      await dropBenchDatabase(databaseUrl);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
