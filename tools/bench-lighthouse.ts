/**
 * `npm run bench:lighthouse`: Lighthouse's performance and accessibility scores for the caseload and a
 * provider page, signed in as a demo adviser, with the mobile preset (Lighthouse's default: a mid-range
 * phone on a slow 4G link, simulated) and the desktop one. Starts the portal like `bench:pages` does, or
 * measures one already running at BENCH_URL (signed in as the demo adviser with MFA off). Lighthouse
 * drives Debian's Chromium (CHROMIUM_PATH). Prints a line per page and preset, then one JSON line.
 * Options: --runs N (default 3; the median run by performance score is reported).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Config, desktopConfig } from 'lighthouse';
import type { ChildProcess } from 'node:child_process';
import { benchDatabaseUrl, dropBenchDatabase } from './lib/bench-database.ts';
import { signIn } from './lib/bench-http.ts';
import { firstProviderPath, startBenchPortal, waitForHealth } from './lib/bench-portal.ts';
import { stopChild } from './lib/local-services.ts';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex === -1 ? 3 : Number(args[runsIndex + 1]);
const port = Number(process.env['BENCH_PORT'] ?? 3196);
const baseUrl = process.env['BENCH_URL'] ?? `http://127.0.0.1:${port}`;
const slug = 'tyne-and-wear-care-alliance';

interface Scores {
  performance: number;
  accessibility: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
}

async function audit(url: string, cookie: string, config: Config | undefined, chromePort: number): Promise<Scores> {
  const result = await lighthouse(
    url,
    {
      port: chromePort,
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: { Cookie: cookie },
      logLevel: 'error',
      output: 'json',
    },
    config,
  );
  if (!result) {
    throw new Error(`Lighthouse gave no result for ${url}`);
  }
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) {
    throw new Error(`Lighthouse could not measure ${url}: ${runtimeError.message}`);
  }
  const value = (id: string) => audits[id]?.numericValue ?? NaN;
  return {
    performance: Math.round((categories['performance']?.score ?? 0) * 100),
    accessibility: Math.round((categories['accessibility']?.score ?? 0) * 100),
    firstContentfulPaintMs: Math.round(value('first-contentful-paint')),
    largestContentfulPaintMs: Math.round(value('largest-contentful-paint')),
    totalBlockingTimeMs: Math.round(value('total-blocking-time')),
    cumulativeLayoutShift: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
  };
}

async function main(): Promise<void> {
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error('--runs must be a whole number of at least 1');
  }
  const databaseUrl = process.env['BENCH_URL'] ? undefined : benchDatabaseUrl('dspt_bench_lighthouse');
  let portal: ChildProcess | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    if (databaseUrl) {
      portal = startBenchPortal(port, databaseUrl, 'bench-lighthouse');
    }
    await waitForHealth(baseUrl, 600_000);
    const cookie = await signIn(baseUrl, `adviser@${slug}.demo.test`);
    const pages = { caseload: `/lsp/${slug}/caseload`, provider: await firstProviderPath(baseUrl, slug, cookie) };
    chrome = await chromeLauncher.launch({
      chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    });
    const presets: Record<string, Config | undefined> = { mobile: undefined, desktop: desktopConfig };
    const figures: Record<string, Scores> = {};
    for (const [pageName, path] of Object.entries(pages)) {
      for (const [presetName, config] of Object.entries(presets)) {
        const results: Scores[] = [];
        for (let run = 0, failures = 0; run < runs; run++) {
          try {
            results.push(await audit(`${baseUrl}${path}`, cookie, config, chrome.port));
          } catch (error) {
            // On a busy machine Chromium now and then loses the trace (NO_NAVSTART): that run is taken again.
            if (++failures > 2) {
              throw error;
            }
            console.error(`${pageName} ${presetName}: ${error instanceof Error ? error.message : error}; again`);
            run--;
          }
        }
        const median = results.sort((a, b) => a.performance - b.performance)[Math.floor(results.length / 2)];
        figures[`${pageName}-${presetName}`] = median;
        console.log(
          `${pageName} ${presetName}: performance ${median.performance} (runs ${results.map((r) => r.performance).join(', ')}),` +
            ` accessibility ${median.accessibility}, FCP ${median.firstContentfulPaintMs} ms,` +
            ` LCP ${median.largestContentfulPaintMs} ms, TBT ${median.totalBlockingTimeMs} ms, CLS ${median.cumulativeLayoutShift}`,
        );
      }
    }
    console.log(JSON.stringify({ runs, ...figures }));
  } finally {
    chrome?.kill();
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
