/**
 * `npm run bench:forecast`: back-tests the completion forecast on the previous cycle of the demo's synthetic
 * history (docs/statistics.md, "Forecast"): as of `--days` (90) before that cycle's deadline, the
 * programme, each region and each LSP, against the cycle's actual final share (`cli.js forecast-backtest`).
 * The demo holds no cycle before the previous one, so two shapes are tested: `linearPace` (what the api
 * would have answered then) and `shapeFromOtherGroups` (the method the api uses with a previous cycle, each
 * group shaped by every other group of the same cycle pooled). Prints each group, then one JSON line.
 *
 * `--database URL` (an owner's URL, e.g. `npm start`'s) reads one already seeded; otherwise builds the
 * api, creates a fresh database, migrates and seeds the demo (`--providers N`) and drops it afterwards
 * unless KEEP_TEST_DATABASE is set.
 */
import { spawnSync } from 'node:child_process';
import { benchDatabaseUrl, dropBenchDatabase } from './lib/bench-database.ts';
import { localAppUrl } from './lib/database-logins.ts';

interface Summary {
  groups: number;
  meanAbsoluteErrorPoints: number;
  maxAbsoluteErrorPoints: number;
  bandCoverage: number;
  results: Array<{
    key: string;
    actual: number;
    errorPoints: number;
    withinBand: boolean;
    forecast: { projected: number; low: number; high: number };
  }>;
}
interface Report {
  cycle: string;
  deadline: string;
  daysOut: number;
  results: Array<{ grouping: string; shape: string; summary: Summary }>;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const given = option('database', '');
const providers = option('providers', '');
const days = option('days', '90');

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv, quiet = false): string {
  const result = spawnSync(command, commandArgs, {
    env,
    encoding: 'utf8',
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`"${command} ${commandArgs.join(' ')}" failed`);
  }
  return result.stdout ?? '';
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const url = given || benchDatabaseUrl('dspt_bench_forecast');
  const env = { ...process.env, DATABASE_OWNER_URL: url, DATABASE_URL: localAppUrl(url), LOG_LEVEL: 'warn' };
  try {
    run('npx', ['nx', 'run', 'api:build'], env);
    if (!given) {
      run(process.execPath, ['dist/apps/api/cli.js', 'migrate'], { ...env, NODE_ENV: 'development' });
      run(process.execPath, ['dist/apps/api/cli.js', 'seed', ...(providers ? ['--providers', providers] : [])], {
        ...env,
        NODE_ENV: 'development',
      });
    }
    const output = run(process.execPath, ['dist/apps/api/cli.js', 'forecast-backtest', '--days', days], env, true);
    const report = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Report;
    console.log(`Back-test of the forecast on ${report.cycle}, ${report.daysOut} days before its deadline.`);
    const figures: Record<string, unknown> = { cycle: report.cycle, daysOut: report.daysOut };
    for (const { grouping, shape, summary } of report.results) {
      console.log(
        `\n${grouping}, ${shape}: ${summary.groups} groups, mean |error| ${summary.meanAbsoluteErrorPoints} points, ` +
          `largest ${summary.maxAbsoluteErrorPoints}, actual within the band for ${percent(summary.bandCoverage)}`,
      );
      for (const result of summary.results) {
        const { projected, low, high } = result.forecast;
        console.log(
          `  ${result.key}: projected ${percent(projected)} (${percent(low)} to ${percent(high)}), actual ` +
            `${percent(result.actual)}, error ${result.errorPoints.toFixed(1)} points${result.withinBand ? '' : ' (outside the band)'}`,
        );
      }
      const { results: _each, ...totals } = summary;
      figures[`${grouping}.${shape}`] = totals;
    }
    console.log(JSON.stringify(figures));
  } finally {
    if (!given) {
      await dropBenchDatabase(url);
    }
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
