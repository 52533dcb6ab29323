/**
 * `npm run bench:import`: large provider imports and caseload exports on the national-scale data set. Builds
 * the api, creates a fresh database with `--providers` (default 30,000) providers over the 28 demo LSPs, starts
 * the built api in production mode and, as two LSPs' advisers:
 * 1. imports `--rows` (default 30,000, the import's limit) new providers with a contact each, as CSV into one
 *    LSP and as XLSX into another, then the same file again with every name changed (every row an update):
 *    the time from upload to the background import's end, and rows per second;
 * 2. exports the first LSP's whole caseload (its seeded providers and the imported ones) as CSV and XLSX:
 *    the time to the last byte and the size.
 * The columns are the import template's (`GET imports/providers/template`). Prints the figures and ends with
 * one JSON line; asserts nothing. The database is dropped afterwards unless KEEP_TEST_DATABASE is set.
 */
import ExcelJS from 'exceljs';
import { signIn } from './lib/bench-http.ts';
import {
  type BenchApi,
  benchOption,
  prepareBenchDatabase,
  reportBench,
  runBench,
  startBenchApi,
} from './lib/bench-harness.ts';

const providers = Number(benchOption('providers', '30000'));
const rowCount = Number(benchOption('rows', '30000'));
const port = Number(process.env['BENCH_PORT'] ?? 3210);
const SLUGS = { csv: 'tyne-and-wear-care-alliance', xlsx: 'durham-and-tees-valley-care-partnership' } as const;
type Format = keyof typeof SLUGS;

const SERVICE_TYPES = ['care_home_nursing', 'care_home_residential', 'homecare', 'supported_living', 'day_care'];
const SIZE_BANDS = ['micro', 'small', 'medium', 'large'];
const PLACES = [
  ['Leeds', 'Yorkshire and The Humber'],
  ['Newcastle upon Tyne', 'North East'],
  ['Cumberland', 'North West'],
  ['Camden', 'London'],
];

/** A background import's progress as `GET imports/{id}` answers it. */
interface Progress {
  status: string;
  message?: string;
  result?: { created: number; updated: number };
}

/** Single sites with a contact each; codes Q + the format's letter + 4 base-36 digits, which the seed never uses. */
function sheetRows(format: Format, columns: string[], renamed: boolean): string[][] {
  return Array.from({ length: rowCount }, (_, index) => {
    const code = `Q${format === 'csv' ? 'C' : 'X'}${index.toString(36).toUpperCase().padStart(4, '0')}`;
    const [localAuthority, region] = PLACES[index % PLACES.length];
    const values: Record<string, string> = {
      ods_code: code,
      name: `Bench ${code}${renamed ? ' (renamed)' : ''}`,
      kind: 'single_site',
      service_type: SERVICE_TYPES[index % SERVICE_TYPES.length],
      size_band: SIZE_BANDS[index % SIZE_BANDS.length],
      local_authority: localAuthority,
      region,
      contact_name: `Manager ${code}`,
      contact_email: `manager.${code.toLowerCase()}@bench.example`,
      contact_role: 'registered_manager',
      has_ce_plus: index % 3 === 0 ? 'yes' : 'no',
    };
    return columns.map((column) => values[column] ?? '');
  });
}

async function sheetFile(format: Format, columns: string[], renamed: boolean): Promise<Blob> {
  const rows = sheetRows(format, columns, renamed);
  if (format === 'csv') {
    // No value holds a comma or a quote.
    return new Blob([[columns, ...rows].map((row) => row.join(',')).join('\n') + '\n'], { type: 'text/csv' });
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Providers');
  sheet.addRows([columns, ...rows]);
  return new Blob([await workbook.xlsx.writeBuffer()], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

/**
 * A GET, tried again when the connection fails: while an import holds the api's event loop, the api may
 * close a kept-alive socket just as the next poll is sent on it.
 */
async function getAgain(url: string, cookie: string, tries = 3): Promise<Response> {
  try {
    return await fetch(url, { headers: { cookie } });
  } catch (error) {
    if (tries <= 1) {
      throw new Error(`GET ${url}: ${String((error as Error).cause ?? error)}`);
    }
    return getAgain(url, cookie, tries - 1);
  }
}

class Lsp {
  private readonly baseUrl: string;
  readonly slug: string;
  private readonly cookie: string;

  constructor(baseUrl: string, slug: string, cookie: string) {
    this.baseUrl = baseUrl;
    this.slug = slug;
    this.cookie = cookie;
  }

  static async signIn(baseUrl: string, slug: string): Promise<Lsp> {
    return new Lsp(baseUrl, slug, await signIn(baseUrl, `adviser@${slug}.demo.test`));
  }

  async get(path: string): Promise<Response> {
    const response = await getAgain(`${this.baseUrl}/api/tenants/${this.slug}/${path}`, this.cookie);
    if (response.status !== 200) {
      throw new Error(`GET ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    return response;
  }

  async templateColumns(): Promise<string[]> {
    const template = await (await this.get('imports/providers/template?format=csv')).text();
    return template
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]
      .split(',');
  }

  /** Uploads the file and follows the background import to its end: the milliseconds it all took. */
  async import(file: Blob, fileName: string): Promise<{ ms: number; progress: Progress }> {
    const started = performance.now();
    const form = new FormData();
    form.append('file', file, fileName);
    const xsrf = /XSRF-TOKEN=([^;]+)/.exec(this.cookie)?.[1] ?? '';
    const response = await fetch(`${this.baseUrl}/api/tenants/${this.slug}/imports/providers`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-xsrf-token': xsrf },
      body: form,
    }).catch((error: Error) => {
      throw new Error(`The upload of ${fileName} failed: ${String(error.cause ?? error)}`);
    });
    if (response.status !== 202) {
      throw new Error(`The import answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    const { statusUrl } = (await response.json()) as { statusUrl: string };
    for (;;) {
      const progress = (await (await this.get(statusUrl.replace(`/api/tenants/${this.slug}/`, ''))).json()) as Progress;
      if (progress.status === 'failed') {
        throw new Error(`The import failed: ${progress.message ?? ''}`);
      }
      if (progress.status === 'done') {
        return { ms: performance.now() - started, progress };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The whole caseload, every provider, to the last byte. */
  async export(format: Format): Promise<{ ms: number; bytes: number }> {
    const started = performance.now();
    const body = await (await this.get(`providers/export?format=${format}`)).arrayBuffer();
    return { ms: performance.now() - started, bytes: body.byteLength };
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perSecond = (rows: number, ms: number) => Math.round((rows * 1000) / ms);

async function main(): Promise<void> {
  const database = await prepareBenchDatabase('dspt_bench_import', providers);
  let api: BenchApi | undefined;
  try {
    api = await startBenchApi(database, port, { API_PROCESSES: '1' });
    const lsps = {
      csv: await Lsp.signIn(api.baseUrl, SLUGS.csv),
      xlsx: await Lsp.signIn(api.baseUrl, SLUGS.xlsx),
    };
    // Every file is made first: making one blocks the event loop, and a socket the api closed meanwhile
    // would be taken for an open one by the next request (a moment's wait lets the closes be seen).
    const columns = await lsps.csv.templateColumns();
    const files = new Map<string, Blob>();
    for (const format of ['csv', 'xlsx'] as const) {
      files.set(`${format}:create`, await sheetFile(format, columns, false));
      files.set(`${format}:update`, await sheetFile(format, columns, true));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    console.log(`Provider imports of ${rowCount} rows (${providers} providers nationally before them):`);
    const figures: Record<string, number> = { providers, rows: rowCount };
    for (const format of ['csv', 'xlsx'] as const) {
      const lsp = lsps[format];
      for (const step of ['create', 'update'] as const) {
        const file = files.get(`${format}:${step}`) as Blob;
        const { ms, progress } = await lsp.import(file, `bench.${format}`);
        const rows = step === 'create' ? progress.result?.created : progress.result?.updated;
        console.log(
          `  ${format.toUpperCase()} ${step}: ${seconds(ms)}, ${perSecond(rowCount, ms)} rows/s (${rows} ${step}d, ${Math.round(file.size / 1024)} KiB)`,
        );
        const key = `${format}${step === 'create' ? 'Create' : 'Update'}`;
        figures[`${key}Ms`] = Math.round(ms);
        figures[`${key}RowsPerSecond`] = perSecond(rowCount, ms);
      }
    }
    const exporter = lsps.csv;
    const total = ((await (await exporter.get('providers?page=1&pageSize=1')).json()) as { total: number }).total;
    console.log(`Caseload export of ${exporter.slug}, ${total} providers:`);
    figures['exportProviders'] = total;
    for (const format of ['csv', 'xlsx'] as const) {
      const { ms, bytes } = await exporter.export(format);
      console.log(`  ${format.toUpperCase()}: ${seconds(ms)}, ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
      figures[`${format}ExportMs`] = Math.round(ms);
      figures[`${format}ExportBytes`] = bytes;
    }
    reportBench([], figures);
  } finally {
    await api?.stop();
    await database.drop();
  }
}

void runBench(main);
