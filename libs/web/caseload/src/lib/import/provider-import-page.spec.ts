import type { ImportAccepted, ImportProgress, ProviderImportResult } from '@dspt/contracts';
import { IMPORT_POLL_MS } from '../api/provider-imports.api';
import { LspPages, SLUG } from '../testing/lsp-pages';

const IMPORTS = `/api/tenants/${SLUG}/imports/providers`;
const IMPORT_ID = '6b7a3c1e-0000-4000-8000-000000000042';
const STATUS_URL = `/api/tenants/${SLUG}/imports/${IMPORT_ID}`;
const RESULT: ProviderImportResult = { created: 2, updated: 1, unchanged: 0, contacts: 2, rows: 3 };

const csv = (name = 'providers.csv', text = 'ods_code,name\nV1B2C,Oakfield House\n') =>
  new File([text], name, { type: 'text/csv' });

describe('ProviderImportPage', () => {
  let pages: LspPages;

  afterEach(() => pages.close());

  it('is not for viewers: the import changes the caseload', async () => {
    pages = new LspPages('viewer');
    await pages.open(`/lsp/${SLUG}/import`);

    expect(pages.text('h1')).toBe('You do not have access');
    expect(pages.element.querySelector('[data-testid="import-form"]')).toBeNull();
  });

  describe('for an adviser', () => {
    beforeEach(async () => {
      pages = new LspPages('adviser');
      await pages.open(`/lsp/${SLUG}/import`);
    });

    const summaryLinks = () =>
      [...pages.element.querySelectorAll<HTMLAnchorElement>('[data-testid="error-summary"] li a')].map((link) => [
        link.textContent?.trim(),
        link.getAttribute('href'),
      ]);
    const sentFile = (body: unknown) => (body as FormData).get('file') as File;

    it('offers the template in both formats and explains every column', () => {
      expect(pages.text('h1')).toBe('Import providers and contacts');
      expect(document.title).toBe('Import providers');
      const links = [...pages.element.querySelectorAll<HTMLAnchorElement>('[data-testid="template-links"] a')];
      expect(
        links.map((link) => [link.textContent?.trim(), link.getAttribute('href'), link.hasAttribute('download')]),
      ).toEqual([
        ['Download the template as an Excel file (XLSX)', `${IMPORTS}/template?format=xlsx`, true],
        ['Download the template as a CSV file', `${IMPORTS}/template?format=csv`, true],
      ]);
      const guide = pages.cells('[data-testid="provider-sheet-guide"] tbody tr');
      expect(guide.map(([column]) => column)).toEqual([
        'ods_code (required)',
        'name (required)',
        'kind (required)',
        'parent_ods_code',
        'service_type (required)',
        'size_band (required)',
        'local_authority (required)',
        'region (required)',
        'contact_name',
        'contact_email',
        'contact_role',
        'assigned_adviser_email',
        'has_ce_plus',
      ]);
      expect(guide[2][1]).toBe('single_site (Single site), hq (Headquarters (HQ)) or branch (Branch).');
    });

    it('asks for a CSV or XLSX file before sending anything', async () => {
      await pages.submit('import-form');
      expect(summaryLinks()).toEqual([['Select a CSV or XLSX file', '#import-file']]);

      await pages.choose('import-file', new File(['hello'], 'notes.txt', { type: 'text/plain' }));
      await pages.submit('import-form');
      expect(summaryLinks()).toEqual([['The selected file must be a CSV or XLSX file', '#import-file']]);
      expect(pages.text('#import-file-error')).toBe('Error: The selected file must be a CSV or XLSX file');
      pages.http.expectNone({ method: 'POST' });
    });

    it('imports a file and says what it added and updated', async () => {
      const file = csv();
      await pages.choose('import-file', file);
      await pages.submit('import-form');
      expect(pages.text('[data-testid="import-status"]')).toBe('Uploading and checking the file…');

      const request = await pages.answer('POST', IMPORTS, RESULT);

      const sent = sentFile(request.request.body);
      expect([sent.name, sent.size]).toEqual([file.name, file.size]);
      expect(pages.text('[data-testid="import-result"]')).toBe(
        'providers.csv was imported: 2 providers added, 1 updated.',
      );
      expect(pages.cells('[data-testid="import-counts"] .nhsuk-summary-list__row')).toEqual([
        ['Rows in the file', '3'],
        ['Providers added', '2'],
        ['Providers updated', '1'],
        ['Providers already up to date', '0'],
        ['Contacts added or changed', '2'],
      ]);
      expect(document.activeElement).toBe(pages.element.querySelector('[data-testid="import-result"]'));
      expect(pages.element.querySelector<HTMLInputElement>('#import-file')!.value).toBe('');
      expect(pages.text('[data-testid="import-status"]')).toBe('');
      expect(pages.element.querySelector('[data-testid="error-summary"]')).toBeNull();
    });

    it('lists every bad row and column of a refused file, and says nothing was imported', async () => {
      await pages.choose('import-file', csv('bad.csv'));
      await pages.submit('import-form');

      pages.http
        .expectOne((request) => request.method === 'POST' && request.url === IMPORTS)
        .flush(
          {
            statusCode: 400,
            error: 'Bad Request',
            message: '2 problems in the file: nothing was imported',
            details: [
              { row: 3, field: 'region', message: 'region must be one of: North East, North West' },
              { row: 4, field: 'ods_code', message: 'V1B2C is already on row 2' },
            ],
          },
          { status: 400, statusText: 'Bad Request' },
        );
      await pages.settle();

      expect(summaryLinks()).toEqual([
        ['2 problems in the file: nothing was imported', '#import-file'],
        ['Row 3, region: region must be one of: North East, North West', '#import-file'],
        ['Row 4, ods_code: V1B2C is already on row 2', '#import-file'],
      ]);
      expect(document.activeElement).toBe(pages.element.querySelector('[data-testid="error-summary"]'));
      expect(document.title).toBe('Error: Import providers');
      expect(pages.text('#import-file-error')).toBe('Error: 2 problems in the file: nothing was imported');
      expect(pages.text('[data-testid="nothing-imported"]')).toContain('Nothing from bad.csv was imported.');
      expect(pages.element.querySelector('[data-testid="import-result"]')).toBeNull();

      // A corrected file clears them once imported.
      await pages.choose('import-file', csv('fixed.csv'));
      await pages.submit('import-form');
      await pages.answer('POST', IMPORTS, RESULT);
      expect(pages.element.querySelector('[data-testid="error-summary"]')).toBeNull();
      expect(pages.element.querySelector('[data-testid="nothing-imported"]')).toBeNull();
      expect(pages.text('[data-testid="import-result"]')).toContain('fixed.csv was imported');
    });

    describe('a large file (202), imported in the background', () => {
      const accepted: ImportAccepted = {
        importId: IMPORT_ID,
        status: 'validating',
        processed: 0,
        total: 1500,
        statusUrl: STATUS_URL,
      };
      const progress = (
        status: ImportProgress['status'],
        processed: number,
        more: Partial<ImportProgress> = {},
      ): ImportProgress => ({
        importId: IMPORT_ID,
        status,
        processed,
        total: 1500,
        ...more,
      });
      const bar = () => pages.element.querySelector<HTMLProgressElement>('[data-testid="import-progress"] progress');

      async function startLargeImport(): Promise<void> {
        pages.useFakeTimers();
        await pages.choose('import-file', csv('large.csv'));
        await pages.submit('import-form');
        pages.http
          .expectOne((request) => request.method === 'POST' && request.url === IMPORTS)
          .flush(accepted, { status: 202, statusText: 'Accepted' });
        await pages.settle();
      }

      /** Lets the poll interval pass and answers the progress request it makes. */
      async function nextReport(report: ImportProgress): Promise<void> {
        await pages.wait(IMPORT_POLL_MS);
        pages.http.expectOne((request) => request.method === 'GET' && request.url === STATUS_URL).flush(report);
        await pages.settle();
      }

      it('shows its progress, checking then importing, until it is done', async () => {
        await startLargeImport();
        const label = () => pages.text('[data-testid="import-progress"] label');
        expect(label()).toBe('Checking the rows');
        expect(bar()!.value).toBe(0);
        expect(bar()!.labels?.[0]?.textContent).toBe('Checking the rows');
        pages.http.expectNone(STATUS_URL);

        await nextReport(progress('validating', 750));
        expect(bar()!.value).toBe(25);
        expect(pages.text('[data-testid="progress-detail"]')).toBe('25% · 750 of 1,500 rows checked');
        expect(pages.text('[data-testid="import-progress"] [role="status"]')).toBe('Checking the rows: 20% done');

        await nextReport(progress('importing', 750));
        expect(label()).toBe('Importing the rows');
        expect(bar()!.value).toBe(75);
        expect(pages.text('[data-testid="progress-detail"]')).toBe('75% · 750 of 1,500 rows imported');

        await nextReport(
          progress('done', 1500, { result: { created: 1500, updated: 0, unchanged: 0, contacts: 1500, rows: 1500 } }),
        );
        expect(bar()).toBeNull();
        expect(pages.text('[data-testid="import-result"]')).toBe('large.csv was imported: 1,500 providers added.');

        // Done: no more requests.
        await pages.wait(IMPORT_POLL_MS * 3);
        pages.http.expectNone(STATUS_URL);
      });

      it('lists the bad rows when the background import is refused', async () => {
        await startLargeImport();
        await nextReport(
          progress('failed', 1200, {
            message: '1 problem in the file: nothing was imported',
            errors: [{ row: 702, field: 'region', message: 'region must be one of: North East' }],
          }),
        );

        expect(bar()).toBeNull();
        expect(summaryLinks()).toEqual([
          ['1 problem in the file: nothing was imported', '#import-file'],
          ['Row 702, region: region must be one of: North East', '#import-file'],
        ]);
        expect(pages.text('[data-testid="nothing-imported"]')).toContain('Nothing from large.csv was imported.');
        await pages.wait(IMPORT_POLL_MS * 3);
        pages.http.expectNone(STATUS_URL);
      });

      it('keeps asking through a dropped connection, and stops when the page is left', async () => {
        await startLargeImport();
        await pages.wait(IMPORT_POLL_MS);
        pages.http.expectOne(STATUS_URL).error(new ProgressEvent('error'), { status: 0 });
        await pages.settle();
        await nextReport(progress('importing', 300));
        expect(bar()!.value).toBe(60);

        await pages.navigate(`/lsp/${SLUG}/tasks`);
        await pages.answer('GET', `/api/tenants/${SLUG}/tasks`, { items: [] });
        await pages.wait(IMPORT_POLL_MS * 3);
        pages.http.expectNone(STATUS_URL);
      });
    });
  });
});
