import type { ImportProgress, ProviderImportResult } from '@dspt/contracts';
import { readSpreadsheet, type SpreadsheetReader } from '@dspt/server/platform';
import { runWithRequestContext } from '@dspt/server/data';
import { Logger } from '@nestjs/common';
import type { ImportProgressStore } from './import-progress.store';
import { ProviderImportService } from './provider-import.service';
import type { ImportReporter, ProviderImporter, ProviderImportJob } from './provider-importer';

const RESULT: ProviderImportResult = { created: 1200, updated: 0, unchanged: 0, contacts: 0, rows: 1200 };

function csv(rows: number): { originalname: string; buffer: Buffer; size: number } {
  const lines = ['ods_code,name,kind,service_type,size_band,local_authority,region'];
  for (let index = 0; index < rows; index++) {
    lines.push(
      `B${index.toString(36).padStart(5, '0').toUpperCase()},Home ${index},single_site,homecare,small,Leeds,London`,
    );
  }
  const text = lines.join('\n');
  return { originalname: 'p.csv', buffer: Buffer.from(text), size: Buffer.byteLength(text) };
}

describe('ProviderImportService', () => {
  const context = {
    ip: null,
    user: { id: 'user-1', email: 'a@b.example', globalRole: null },
    tenant: { id: 'tenant-1', slug: 'lsp', role: 'adviser' as const },
  };

  function setUp(run: (job: ProviderImportJob, report: ImportReporter) => Promise<ProviderImportResult>) {
    const saved: ImportProgress[] = [];
    const store = {
      save: async (_tenantId: string, progress: ImportProgress) => void saved.push(progress),
      get: async () => saved.at(-1) ?? null,
    };
    const service = new ProviderImportService(
      { run } as unknown as ProviderImporter,
      store as unknown as ImportProgressStore,
      { read: (file, spec) => readSpreadsheet(file, spec) } as SpreadsheetReader,
    );
    return { saved, service };
  }

  it('imports up to 1,000 rows while the request waits', async () => {
    const { saved, service } = setUp(async (job) => ({ ...RESULT, created: job.rows.length, rows: job.rows.length }));
    const outcome = await runWithRequestContext(context, () => service.start(csv(1000)));
    expect(outcome).toEqual({ done: { ...RESULT, created: 1000, rows: 1000 } });
    expect(saved).toEqual([]);
  });

  it('runs larger files in the background and saves each step of progress, in order, until done', async () => {
    const { saved, service } = setUp(async (job, report) => {
      report('validating', 0);
      report('validating', job.rows.length);
      for (const processed of [0, 500, 1000, 1200]) {
        report('importing', processed);
      }
      return RESULT;
    });
    const outcome = await runWithRequestContext(context, () => service.start(csv(1200)));
    expect(outcome).toEqual({ accepted: expect.objectContaining({ status: 'validating', processed: 0, total: 1200 }) });
    await service.beforeApplicationShutdown();
    expect(saved.map((progress) => `${progress.status} ${progress.processed}`)).toEqual([
      'validating 0',
      'validating 1200',
      'importing 0',
      'importing 500',
      'importing 1000',
      'importing 1200',
      'done 1200',
    ]);
    expect(saved.at(-1)?.result).toEqual(RESULT);
  });

  it('saves a failure with a reference, never the internals, when something unexpected breaks', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { saved, service } = setUp(async (_job, report) => {
      report('importing', 500);
      throw new Error('connection terminated');
    });
    await runWithRequestContext(context, () => service.start(csv(1200)));
    await service.beforeApplicationShutdown();
    const failed = saved.at(-1);
    expect(failed).toMatchObject({
      status: 'failed',
      processed: 500,
      message: expect.stringContaining('Quote error id'),
    });
    expect(JSON.stringify(failed)).not.toContain('connection terminated');
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });
});
