import type { ApiErrorBody } from '@dspt/contracts';
import {
  ApiClient,
  builtEntryPoint,
  type FixtureTenant,
  paddedWorkbook,
  type RunningProcess,
  startNodeProcess,
  startWorkerProcess,
  zipFile,
} from '@dspt/server/testing';
import { writeXlsx } from '@dspt/server/platform';
import { createServer } from 'node:net';
import { bulkCodes, providerRow, providersXlsx } from '../testing/provider-sheets';
import { useTestApi } from '../testing/use-test-api';

const MB = 1024 * 1024;
/** Past cycles no other test file uses (cycles are global; a new provider gets assessments only in open ones). */
const QUESTION_SET_CYCLE = '2011-12';
const PROGRESS_CYCLE = '2012-13';

interface Route {
  name: string;
  /** A small workbook this route imports. */
  good: () => Promise<Buffer>;
  upload: (content: Buffer, filename: string) => Promise<{ status: number; body: unknown }>;
  /** Rows this route writes (and the audit events it records), to prove a refusal wrote nothing. */
  written: () => Promise<unknown>;
}

function refusalOf(response: { status: number; body: unknown }): ApiErrorBody & { status: number } {
  return { status: response.status, ...(response.body as ApiErrorBody) };
}

/** A workbook of these rows (the first is the header), through the writer the exports use. */
function workbook(rows: string[][]): Promise<Buffer> {
  return writeXlsx('Sheet', rows[0], rows.slice(1));
}

describe('spreadsheet uploads are checked before they are read', () => {
  const api = useTestApi();
  let tenant: FixtureTenant;
  const routes: Route[] = [];
  let bomb: Buffer;
  let liar: Buffer;

  beforeAll(async () => {
    tenant = await api.fixtures.tenant('uploads');
    const adviserUser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    const adviser = await new ApiClient(api.app).signIn(
      adviserUser.email,
      adviserUser.password,
      adviserUser.totpSecret,
    );
    const adminUser = await api.fixtures.user({ label: 'uploads-sysadmin', globalRole: 'system_admin', mfa: true });
    const admin = await new ApiClient(api.app).signIn(adminUser.email, adminUser.password, adminUser.totpSecret);
    await api.fixtures.cycleWithQuestions(PROGRESS_CYCLE, [
      { code: '1.1.5', section: 'Staffing and Roles', level: 'AS' },
    ]);
    expect((await admin.post('/api/admin/cycles', { code: QUESTION_SET_CYCLE })).status).toBe(201);
    const provider = await api.fixtures.provider(tenant);
    const count = async (sql: string, params: unknown[]) =>
      (await api.fixtures.owner.query(sql, params))[0].n as number;
    const audit = () => count(`SELECT count(*)::int AS n FROM audit_events`, []);

    routes.push(
      {
        name: 'provider import',
        good: () => providersXlsx([providerRow()]),
        upload: (content, filename) =>
          adviser.upload('POST', `/api/tenants/${tenant.slug}/imports/providers`, content, filename),
        written: async () => [
          await count(`SELECT count(*)::int AS n FROM providers WHERE tenant_id = $1`, [tenant.id]),
          await audit(),
        ],
      },
      {
        name: 'question-status import',
        good: () =>
          workbook([
            ['code', 'status'],
            ['1.1.5', 'completed'],
          ]),
        upload: (content, filename) =>
          adviser.upload(
            'POST',
            `/api/tenants/${tenant.slug}/providers/${provider.id}/assessment/import?cycle=${PROGRESS_CYCLE}`,
            content,
            filename,
          ),
        written: async () => [
          await count(
            `SELECT count(*)::int AS n FROM question_progress p JOIN assessments a ON a.id = p.assessment_id WHERE a.provider_id = $1`,
            [provider.id],
          ),
          await audit(),
        ],
      },
      {
        name: 'question-set import',
        good: () =>
          workbook([
            ['code', 'section', 'title', 'level'],
            ['1.1.5', 'Staffing and Roles', 'Senior person', 'AS'],
          ]),
        upload: (content, filename) =>
          admin.upload('PUT', `/api/admin/cycles/${QUESTION_SET_CYCLE}/questions`, content, filename),
        written: async () => [
          await count(
            `SELECT count(*)::int AS n FROM questions q JOIN assessment_cycles c ON c.id = q.cycle_id WHERE c.code = $1`,
            [QUESTION_SET_CYCLE],
          ),
          await audit(),
        ],
      },
    );
    // 129 kB that inflates to 128 MB: the file of the report, a valid workbook padded with spaces.
    bomb = paddedWorkbook(await routes[0].good(), 128 * MB);
    expect(bomb.length).toBeLessThan(200 * 1024);
    liar = zipFile([{ name: 'content.xml', content: Buffer.alloc(120 * MB, ' '), declaredSize: 1024 }]);
  });

  const each = (test: (route: Route) => Promise<void>) => async () => {
    for (const route of routes) {
      await test(route);
    }
  };

  it(
    'refuses a workbook that unpacks to 128 MB on every upload route: 413 naming the limit, nothing written',
    each(async (route) => {
      const before = await route.written();
      const refused = refusalOf(await route.upload(bomb, 'bomb.xlsx'));
      expect([route.name, refused.status, refused.details]).toEqual([
        route.name,
        413,
        [
          {
            field: 'file',
            message: 'The spreadsheet unpacks to 128 MB; the limit is 100 MB uncompressed: nothing was imported',
          },
        ],
      ]);
      expect(await route.written()).toEqual(before);
    }),
  );

  it(
    'refuses a workbook compressed past 100:1, or one of more than 1,000 entries, on every route',
    each(async (route) => {
      const before = await route.written();
      const ratio = refusalOf(await route.upload(paddedWorkbook(await route.good(), 30 * MB), 'dense.xlsx'));
      expect([route.name, ratio.status, ratio.message]).toEqual([
        route.name,
        413,
        expect.stringMatching(
          /^xl\/worksheets\/sheet1\.xml is compressed [\d,]+:1; the limit is a compression ratio of 100:1/,
        ),
      ]);
      const entries = refusalOf(await route.upload(paddedWorkbook(await route.good(), 0, 1_001), 'entries.xlsx'));
      expect([route.name, entries.status, entries.message]).toEqual([
        route.name,
        413,
        expect.stringMatching(/^The spreadsheet holds 1,0\d\d files; the limit is 1,000 entries/),
      ]);
      expect(await route.written()).toEqual(before);
    }),
  );

  it(
    'refuses a zip whose directory understates what it unpacks to (a .ods alike), counting the real bytes',
    each(async (route) => {
      const refused = refusalOf(await route.upload(liar, 'sheet.ods'));
      expect([route.name, refused.status, refused.message]).toEqual([
        route.name,
        413,
        expect.stringMatching(
          /^content\.xml is compressed more than [\d,]+:1; the limit is a compression ratio of 100:1/,
        ),
      ]);
    }),
  );

  it(
    'still imports a legitimate workbook on every route',
    each(async (route) => {
      const response = await route.upload(await route.good(), 'good.xlsx');
      expect([route.name, response.status]).toEqual([route.name, 200]);
    }),
  );
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('the built api reads spreadsheets in a worker thread with a capped heap', () => {
  const api = useTestApi();
  let built: RunningProcess;
  let worker: RunningProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env = {
      ...api.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SPREADSHEET_PARSE_MEMORY_MB: '64',
    };
    worker = await startWorkerProcess(env);
    built = startNodeProcess(builtEntryPoint('api'), env);
    await built.waitForOutput(/listening on/);
  });

  afterAll(async () => {
    await built?.stop();
    await worker?.stop();
  });

  it('imports a small workbook, answers 413 for one that needs more than 64 MB to read, and stays healthy', async () => {
    const tenant = await api.fixtures.tenant('built-uploads');
    const user = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    const adviser = await new ApiClient(url).signIn(user.email, user.password, user.totpSecret);
    const upload = (content: Buffer) =>
      adviser.upload('POST', `/api/tenants/${tenant.slug}/imports/providers`, content, 'providers.xlsx');

    const small = await upload(await providersXlsx([providerRow()]));
    expect([small.status, small.body]).toEqual([200, expect.objectContaining({ created: 1 })]);

    const large = await upload(await providersXlsx(bulkCodes(20_000).map((code) => providerRow({ ods_code: code }))));
    expect([large.status, large.body.details]).toEqual([
      413,
      [
        {
          field: 'file',
          message:
            'The spreadsheet needs more than 64 MB of memory to read, the limit: split it into smaller files; nothing was imported',
        },
      ],
    ]);

    const health = await new ApiClient(url).get('/api/health');
    expect([health.status, built.child.exitCode]).toEqual([200, null]);
    expect(
      await api.fixtures.owner.query(`SELECT count(*)::int AS n FROM providers WHERE tenant_id = $1`, [tenant.id]),
    ).toEqual([{ n: 1 }]);
  });
});
