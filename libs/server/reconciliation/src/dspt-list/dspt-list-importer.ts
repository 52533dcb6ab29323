import type { DsptListImportResult } from '@dspt/contracts';
import {
  DSPT_LIST_SYNONYMS,
  type DsptListEntry,
  type DsptListMapping,
  mapDsptListHeader,
  readDsptListRows,
  InvalidInput,
} from '@dspt/domain';
import { AuditService, ScopedDatabase } from '@dspt/server/data';
import { Clock, londonDate, type SheetRow, type SheetSpec } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DsptListPublisher } from './dspt-list-publisher';

const DSPT_LIST_HEADERS = Object.values(DSPT_LIST_SYNONYMS).flat();

/**
 * Every synonym is known by its own name; other columns are kept, since the layout changes and a file that
 * is not a status list is refused naming its columns (mapDsptListHeader).
 */
export const DSPT_LIST_SHEET_SPEC: SheetSpec = {
  columns: DSPT_LIST_HEADERS,
  required: [],
  maxRows: 200_000,
  aliases: new Map(DSPT_LIST_HEADERS.map((name) => [name, name])),
};

/** Rows written per statement. */
const CHUNK = 5_000;

export interface DsptListFile {
  buffer: Buffer;
  fileName: string;
  rows: SheetRow[];
  /** When the list was produced, if known (the upload's listDate, the fetch's Last-Modified). */
  listedAt: Date | null;
  source: 'upload' | 'scheduled';
  actorUserId: string | null;
}

interface ImportRow {
  id: string;
  created_at: Date;
  listed_at: Date | null;
  mapping: DsptListMapping | null;
  rows: number;
  matched: number;
  unmatched: number;
  publications_recorded: number;
  discrepancies: number;
  entries_changed: number;
  unknown_statuses: DsptListImportResult['unknownStatuses'];
  skipped: DsptListImportResult['skipped'];
}

export function importResult(row: ImportRow, alreadyImported: boolean): DsptListImportResult {
  return {
    rows: row.rows,
    matched: row.matched,
    unmatched: row.unmatched,
    publicationsRecorded: alreadyImported ? 0 : row.publications_recorded,
    discrepancies: row.discrepancies,
    importId: row.id,
    listedAt: (row.listed_at ?? row.created_at).toISOString(),
    mapping: row.mapping ?? { code: null, name: null, status: null, date: null },
    entriesChanged: alreadyImported ? 0 : row.entries_changed,
    unknownStatuses: row.unknown_statuses,
    skipped: row.skipped,
    alreadyImported,
  };
}

/** The header mapping of a read file, or a 400 naming the columns it has. */
export function mappingOf(rows: readonly SheetRow[]): DsptListMapping {
  const answer = mapDsptListHeader(Object.keys(rows[0]?.values ?? {}));
  if ('refusal' in answer) {
    throw new InvalidInput(answer.refusal, [{ field: 'file', message: answer.refusal }]);
  }
  return answer.mapping;
}

/**
 * Imports the DSPT's status list, all or nothing in one transaction:
 * 1. the same file (by SHA-256) imported before changes nothing and answers the earlier counts;
 * 2. entries are upserted, but an entry from an older list never replaces one from a newer list;
 * 3. `dspt_list_matches` (the one programme-wide read, as `dspt_reconcile`) says which LSP holds each code;
 * 4. inside each such LSP in turn (row-level security), DsptListPublisher records what the list shows as
 *    published for the current cycle and counts what is left to reconcile.
 */
@Injectable()
export class DsptListImporter {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly publisher: DsptListPublisher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async run(file: DsptListFile, report?: (processed: number) => void): Promise<DsptListImportResult> {
    const mapping = mappingOf(file.rows);
    const read = readDsptListRows(file.rows, mapping);
    const fileHash = createHash('sha256').update(file.buffer).digest('hex');
    const listedAt = file.listedAt ?? this.clock.now();
    return this.database.outsideTenants(async (manager) => {
      // One import at a time: two copies of a file (or two lists) never interleave.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dspt_list_import'))`);
      const [earlier]: ImportRow[] = await manager.query(
        `SELECT * FROM dspt_list_imports WHERE file_hash = $1 AND error IS NULL`,
        [fileHash],
      );
      if (earlier) {
        return importResult(earlier, true);
      }
      const entriesChanged = await this.upsert(manager, read.entries, listedAt, report);
      const codes = read.entries.map((entry) => entry.odsCode);
      const matches: Array<{ tenant_id: string; provider_id: string; ods_code: string }> = await manager.query(
        `SELECT * FROM dspt_list_matches($1::text[])`,
        [codes],
      );
      const byTenant = new Map<string, string[]>();
      for (const match of matches) {
        byTenant.set(match.tenant_id, [...(byTenant.get(match.tenant_id) ?? []), match.provider_id]);
      }
      let publicationsRecorded = 0;
      let discrepancies = 0;
      for (const [tenantId, providerIds] of byTenant) {
        await this.database.switchTenant(manager, tenantId);
        const outcome = await this.publisher.apply(manager, tenantId, providerIds, file.actorUserId);
        publicationsRecorded += outcome.recorded;
        discrepancies += outcome.discrepancies;
      }
      await this.database.switchTenant(manager, '');
      const matched = new Set(matches.map((match) => match.ods_code)).size;
      const [row]: ImportRow[] = await manager.query(
        `INSERT INTO dspt_list_imports (source, file_name, file_hash, listed_at, mapping, rows, matched, unmatched,
           publications_recorded, discrepancies, entries_changed, unknown_statuses, skipped, imported_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
        [
          file.source,
          file.fileName,
          fileHash,
          listedAt,
          JSON.stringify(mapping),
          file.rows.length,
          matched,
          read.entries.length - matched,
          publicationsRecorded,
          discrepancies,
          entriesChanged,
          JSON.stringify(read.unknownStatuses),
          JSON.stringify(read.skipped),
          file.actorUserId,
        ],
      );
      const result = importResult(row, false);
      await this.audit.record(
        {
          action: 'dspt_list.imported',
          tenantId: null,
          actorUserId: file.actorUserId,
          target: { type: 'dspt_list_import', id: row.id },
          after: {
            ...result,
            skipped: result.skipped.length,
            unknownStatuses: result.unknownStatuses.map((item) => item.value),
          },
        },
        manager,
      );
      return result;
    });
  }

  /** Writes the entries newer than what is held; answers how many were added or changed in content. */
  private async upsert(
    manager: EntityManager,
    entries: DsptListEntry[],
    listedAt: Date,
    report?: (processed: number) => void,
  ): Promise<number> {
    let changed = 0;
    for (let start = 0; start < entries.length; start += CHUNK) {
      const chunk = entries.slice(start, start + CHUNK);
      const [{ count }]: Array<{ count: number }> = await manager.query(
        `WITH incoming AS (
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[])
             AS i(ods_code, organisation_name, status, status_cycle, published_on)
         ), written AS (
           INSERT INTO dspt_list_entries AS e (ods_code, organisation_name, status, status_cycle, published_on, listed_at)
           SELECT ods_code, organisation_name, status, status_cycle, published_on, $6 FROM incoming
           ON CONFLICT (ods_code) DO UPDATE SET organisation_name = EXCLUDED.organisation_name, status = EXCLUDED.status,
             status_cycle = EXCLUDED.status_cycle, published_on = EXCLUDED.published_on, listed_at = EXCLUDED.listed_at,
             updated_at = now()
           WHERE e.listed_at < EXCLUDED.listed_at
           RETURNING e.ods_code
         )
         SELECT count(*)::int AS count FROM incoming i LEFT JOIN dspt_list_entries old ON old.ods_code = i.ods_code
         WHERE i.ods_code IN (SELECT ods_code FROM written)
           AND (old.ods_code IS NULL OR (old.organisation_name, old.status, old.status_cycle, old.published_on)
                IS DISTINCT FROM (i.organisation_name, i.status, i.status_cycle, i.published_on))`,
        [
          chunk.map((entry) => entry.odsCode),
          chunk.map((entry) => entry.organisationName),
          chunk.map((entry) => entry.status),
          chunk.map((entry) => entry.statusCycle),
          chunk.map((entry) => entry.publishedOn),
          listedAt,
        ],
      );
      changed += count;
      report?.(start + chunk.length);
    }
    return changed;
  }
}

/** The day a list was produced, in England. */
export function listedOn(listedAt: Date): string {
  return londonDate(listedAt);
}
