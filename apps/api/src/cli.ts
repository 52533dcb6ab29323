import 'reflect-metadata';
import { loadAppConfigOrExit, londonDate, EmailAddressHasher, hashPassword, SecretCipher } from '@dspt/server/platform';
import {
  backfillCompletionSnapshots,
  dataSourceOptions,
  DEMO_PROVIDER_COUNT,
  ensureAppLogin,
  ensureDatabaseExists,
  isDatabaseEmpty,
  loadCurrentCycle,
  ProviderEntity,
  seedCaseload,
  seedCoverage,
  seedDemoData,
  seedDsptList,
  useEmailHashKeyInMigrations,
} from '@dspt/server/data';
import { rankEveryLsp } from '@dspt/server/caseload';
import { forecastBackTest } from '@dspt/server/statistics';
import { DataSource } from 'typeorm';

/**
 * Operator commands, run as `node dist/apps/api/cli.js <command>` (npm run migrate / seed):
 *   migrate              create the database if missing, apply pending migrations, then create or update
 *                        the app's login named in DATABASE_URL (app-login does only that)
 *   migrate:revert [--all]  undo the last migration (or all of them)
 *   seed [--if-empty] [--providers N]
 *                        load the demo data set (only into an empty database with --if-empty), with a
 *                        caseload of N providers over the demo LSPs (default 1,120; 30000 is national scale)
 *   forecast-backtest [--days N]
 *                        back-test the completion forecast on the last finished cycle as of N days (90) before
 *                        its deadline; prints the figures as JSON (npm run bench:forecast)
 */
/** Published demo credentials (DESIGN.md §7, README "Demo accounts"); never loaded in production. */
const DEMO_PASSWORD = 'demo-password-2026';
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

const USAGE =
  'Usage: cli.js migrate | app-login | migrate:revert [--all] | seed [--if-empty] [--providers N] | forecast-backtest [--days N]';

/**
 * Every command connects as the schema owner (DATABASE_OWNER_URL, or its old name DATABASE_MIGRATION_URL);
 * DATABASE_URL is the app's own login, which `migrate` and `app-login` create from it.
 */
function ownerUrl(config: { DATABASE_OWNER_URL?: string; DATABASE_MIGRATION_URL?: string }): string {
  if (!config.DATABASE_OWNER_URL) {
    throw new Error('DATABASE_OWNER_URL is not set: migrations and the seed connect as the owner of the schema');
  }
  if (!process.env['DATABASE_OWNER_URL'] && config.DATABASE_MIGRATION_URL) {
    console.warn('DATABASE_MIGRATION_URL is deprecated: call it DATABASE_OWNER_URL.');
  }
  return config.DATABASE_OWNER_URL;
}

async function appLogin(owner: string, app: string): Promise<void> {
  const name = await ensureAppLogin(owner, app);
  console.log(`The app's database login "${name}" is a member of dspt_app only.`);
}

async function withDataSource<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({
    ...dataSourceOptions({ url, poolSize: 2, applicationName: 'dspt-cli' }),
    logging: ['error'],
  });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** `--providers N` (or `--providers=N`): how many providers the caseload seed creates. */
function providerCount(flags: string[]): number {
  const index = flags.findIndex((flag) => flag === '--providers' || flag.startsWith('--providers='));
  if (index === -1) {
    return DEMO_PROVIDER_COUNT;
  }
  const raw = flags[index].includes('=') ? flags[index].split('=')[1] : flags[index + 1];
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 200_000) {
    throw new Error('--providers must be a whole number from 1 to 200000');
  }
  return count;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...flags] = argv;
  const config = loadAppConfigOrExit();
  const url = ownerUrl(config);
  // Migration 1764000000032 moves existing unsubscribes to hashed addresses with the app's own key.
  useEmailHashKeyInMigrations(new EmailAddressHasher(config.EMAIL_HASH_KEY).sqlKey);
  switch (command) {
    case 'migrate': {
      if (await ensureDatabaseExists(url)) {
        console.log('Created the database.');
      }
      const applied = await withDataSource(url, (dataSource) => dataSource.runMigrations({ transaction: 'each' }));
      console.log(
        applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Database schema is up to date.',
      );
      await appLogin(url, config.DATABASE_URL);
      return;
    }
    case 'app-login': {
      await appLogin(url, config.DATABASE_URL);
      return;
    }
    case 'migrate:revert': {
      await withDataSource(url, async (dataSource) => {
        const steps = flags.includes('--all') ? dataSource.migrations.length : 1;
        for (let step = 0; step < steps; step++) {
          await dataSource.undoLastMigration({ transaction: 'each' });
        }
      });
      console.log('Reverted.');
      return;
    }
    case 'seed': {
      await withDataSource(url, async (dataSource) => {
        const automatic = flags.includes('--if-empty');
        if (config.NODE_ENV === 'production') {
          // `seed --if-empty` runs on every start: in production it quietly does nothing.
          if (automatic) {
            console.log('NODE_ENV=production: no demo data is loaded.');
            return;
          }
          throw new Error('The demo seed refuses to run with NODE_ENV=production');
        }
        if (automatic && !(await isDatabaseEmpty(dataSource))) {
          console.log('Database already holds data: demo seed skipped.');
          return;
        }
        const today = londonDate(new Date());
        const providers = providerCount(flags);
        const summary = await seedDemoData(dataSource, today, {
          passwordHash: await hashPassword(DEMO_PASSWORD),
          mfaSecretEncrypted: new SecretCipher(config.MFA_ENCRYPTION_KEY).encrypt(DEMO_TOTP_SECRET),
        });
        console.log(
          `Seeded demo data: cycles ${summary.cycles.join(' and ')} (${summary.questions} questions), ` +
            `${summary.tenants} LSP tenants, ${summary.users} demo accounts (password ${DEMO_PASSWORD}).`,
        );
        if ((await dataSource.getRepository(ProviderEntity).count()) > 0) {
          console.log('The caseload already holds providers: no providers added.');
          return;
        }
        const caseload = await seedCaseload(dataSource, providers, today);
        console.log(
          `Seeded a caseload of ${caseload.providers} providers: ${caseload.progressRows} progress rows, ` +
            `${caseload.publications} publications, ${caseload.notes} case notes, ${caseload.tasks} tasks in ${caseload.seconds} s.`,
        );
        const coverage = await seedCoverage(dataSource);
        console.log(
          `Seeded coverage: ${coverage.localAuthorities} local authorities of demo LSPs, a synthetic CQC register of ${coverage.locations} locations.`,
        );
        const list = await seedDsptList(dataSource, today);
        console.log(
          `Seeded a synthetic DSPT status list: ${list.entries} entries, ${list.disagreements} to reconcile across the LSPs.`,
        );
        const history = await backfillCompletionSnapshots(dataSource, today);
        console.log(
          `Back-filled ${history.days} days of completion snapshots (${history.rows} cells) in ${history.seconds} s.`,
        );
        const started = performance.now();
        const { code: current } = await loadCurrentCycle(dataSource.manager, today);
        const ranked = await rankEveryLsp(dataSource, current, today);
        // As autovacuum would do soon after: statistics for the planner, a visibility map for index-only scans.
        await dataSource.query('VACUUM ANALYZE provider_triage, providers');
        console.log(
          `Ranked ${ranked} providers for the ${current} caseload in ${Math.round((performance.now() - started) / 100) / 10} s.`,
        );
      });
      return;
    }
    case 'forecast-backtest': {
      const index = flags.indexOf('--days');
      const days = index === -1 ? 90 : Number(flags[index + 1]);
      if (!Number.isInteger(days) || days < 1 || days > 365) {
        throw new Error('--days must be a whole number from 1 to 365');
      }
      const report = await withDataSource(url, (dataSource) => forecastBackTest(dataSource, days));
      console.log(JSON.stringify(report));
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
