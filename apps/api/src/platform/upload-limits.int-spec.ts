import type { ApiErrorBody } from '@dspt/contracts';
import {
  ApiClient,
  builtEntryPoint,
  CQC_REGISTER_FILE_COLUMNS,
  cqcRegisterRow,
  type FixtureTenant,
  paddedWorkbook,
  randomSiteCode,
  type RunningProcess,
  startNodeProcess,
  startWorkerProcess,
  syntheticCqcRegister,
  writeOds,
  zipFile,
  freePort,
} from '@dspt/server/testing';
import { writeXlsx } from '@dspt/server/platform';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import request from 'supertest';
import { dsptListXlsx } from '../testing/dspt-list-sheets';
import { bulkCodes, providerRow, providersXlsx } from '../testing/provider-sheets';
import { useTestApi } from '../testing/use-test-api';

const MB = 1024 * 1024;
/** Past cycles no other test file uses (cycles are global; a new provider gets assessments only in open ones). */
const QUESTION_SET_CYCLE = '2011-12';
const PROGRESS_CYCLE = '2012-13';

interface Route {
  name: string;
  /** The operation, as the OpenAPI document names it. */
  key: string;
  /** What the route's files may unpack to. */
  limitMb: number;
  /** A small workbook this route imports, its name, and the status the import answers. */
  good: () => Promise<Buffer>;
  goodName: string;
  imported: 200 | 201;
  upload: (content: Buffer, filename: string) => Promise<{ status: number; body: unknown }>;
  /** Rows this route writes (and the audit events it records), to prove a refusal wrote nothing. */
  written: () => Promise<unknown>;
}

function refusalOf(response: { status: number; body: unknown }): ApiErrorBody & { status: number } {
  return { status: response.status, ...(response.body as ApiErrorBody) };
}

/** This process's resident memory, and its peak since `resetPeakMemory` (Linux): the api under test runs here. */
function memoryMb(field: 'VmRSS' | 'VmHWM'): number {
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return Number(kb) / 1024;
}

function resetPeakMemory(): void {
  writeFileSync('/proc/self/clear_refs', '5');
}

/** A workbook of these rows (the first is the header), through the writer the exports use. */
function workbook(rows: string[][]): Promise<Buffer> {
  return writeXlsx('Sheet', rows[0], rows.slice(1));
}

describe('spreadsheet uploads are checked before they are read', () => {
  const api = useTestApi();
  let tenant: FixtureTenant;
  const routes: Route[] = [];
  let bombs: Array<{ filename: string; content: Buffer }>;
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
        goodName: 'providers.xlsx',
        imported: 200,
        key: 'POST /api/tenants/{tenantSlug}/imports/providers',
        limitMb: 100,
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
        goodName: 'statuses.xlsx',
        imported: 200,
        key: 'POST /api/tenants/{tenantSlug}/providers/{providerId}/assessment/import',
        limitMb: 100,
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
        goodName: 'questions.xlsx',
        imported: 200,
        key: 'PUT /api/admin/cycles/{code}/questions',
        limitMb: 100,
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
      {
        name: 'DSPT status list import',
        goodName: 'dspt-list.xlsx',
        imported: 201,
        key: 'POST /api/dspt-status/imports',
        limitMb: 100,
        good: () => dsptListXlsx('current', [{ code: randomSiteCode(), status: '24/25 Standards Met' }]),
        upload: (content, filename) => admin.upload('POST', '/api/dspt-status/imports', content, filename),
        written: async () => [
          await count(`SELECT count(*)::int AS n FROM dspt_list_imports`, []),
          await count(`SELECT count(*)::int AS n FROM dspt_list_entries`, []),
          await audit(),
        ],
      },
      {
        name: 'CQC register import',
        goodName: 'HSCA_Active_Locations.ods',
        imported: 201,
        key: 'POST /api/cqc-register/imports',
        // The register is large by nature: its files may unpack to ten times what others may.
        limitMb: 1024,
        good: async () =>
          writeOds(
            'HSCA_Active_Locations',
            CQC_REGISTER_FILE_COLUMNS,
            syntheticCqcRegister(1, [
              { name: `Uploads ${randomBytes(3).toString('hex')}`, region: 'Yorkshire and The Humber' },
            ]).map(cqcRegisterRow),
          ),
        upload: (content, filename) => admin.upload('POST', '/api/cqc-register/imports', content, filename),
        written: async () => [await count(`SELECT count(*)::int AS n FROM cqc_locations`, []), await audit()],
      },
    );
    // The report's file was 129 kB inflating to 128 MB; these go far past every route's limit (the CQC
    // register's 1 GB too), as .xlsx and as .ods, in about 2 MB each.
    const odsRoute = routes.find((route) => route.name === 'CQC register import') as Route;
    bombs = [
      { filename: 'bomb.xlsx', content: paddedWorkbook(await routes[0].good(), 2048 * MB) },
      { filename: 'bomb.ods', content: paddedWorkbook(await odsRoute.good(), 2048 * MB) },
    ];
    for (const bomb of bombs) {
      expect([bomb.filename, bomb.content.length < 3 * MB]).toEqual([bomb.filename, true]);
    }
    liar = zipFile([{ name: 'content.xml', content: Buffer.alloc(120 * MB, ' '), declaredSize: 1024 }]);
  });

  const each = (test: (route: Route) => Promise<void>) => async () => {
    for (const route of routes) {
      await test(route);
    }
  };

  it('covers every upload route of the OpenAPI document', async () => {
    const document = (await request(api.app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const uploads = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation.requestBody?.content['multipart/form-data'])
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.map((route) => route.key).sort()).toEqual(uploads.sort());
  });

  it('refuses a .xlsx or .ods that unpacks to 2 GB on every upload route at once: 413 naming the limit, nothing written, memory flat', async () => {
    resetPeakMemory();
    const resident = memoryMb('VmRSS');
    for (const route of routes) {
      const before = await route.written();
      for (const { filename, content } of bombs) {
        const started = performance.now();
        const refused = refusalOf(await route.upload(content, filename));
        const seconds = (performance.now() - started) / 1000;
        expect([route.name, filename, refused.status, refused.details, seconds < 2]).toEqual([
          route.name,
          filename,
          413,
          [
            {
              field: 'file',
              message: `The spreadsheet unpacks to 2048 MB; the limit is ${route.limitMb} MB uncompressed: nothing was imported`,
            },
          ],
          true,
        ]);
      }
      expect([route.name, await route.written()]).toEqual([route.name, before]);
    }
    // Ten refusals of 2 GB each: the peak stays near where it started (about +36 MB measured, with the
    // test's own allocations); without the check, reading one runs into the worker thread's 384 MB heap.
    expect(memoryMb('VmHWM') - resident).toBeLessThan(64);
  });

  it(
    'refuses a workbook compressed past 100:1, or one of more than 1,000 entries, on every route',
    each(async (route) => {
      const before = await route.written();
      const ratio = refusalOf(await route.upload(paddedWorkbook(await route.good(), 30 * MB), route.goodName));
      expect([route.name, ratio.status, ratio.message]).toEqual([
        route.name,
        413,
        expect.stringMatching(
          /^(xl\/worksheets\/sheet1|content)\.xml is compressed [\d,]+:1; the limit is a compression ratio of 100:1/,
        ),
      ]);
      const entries = refusalOf(await route.upload(paddedWorkbook(await route.good(), 0, 1_001), route.goodName));
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
      const response = await route.upload(await route.good(), route.goodName);
      expect([route.name, response.status]).toEqual([route.name, route.imported]);
    }),
  );
});

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
