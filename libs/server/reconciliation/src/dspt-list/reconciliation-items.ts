import type { ReconciliationItem } from '@dspt/contracts';
import { officialLevel, PUBLICATION_LEVEL_NAMES, type PublicationLevel, reconciliationKind } from '@dspt/domain';
import { londonDate } from '@dspt/server/platform';
import type { EntityManager } from 'typeorm';

export interface ListedProvider {
  providerId: string;
  odsCode: string;
  name: string;
  kind: 'single_site' | 'hq' | 'branch';
  parentId: string | null;
  portal: PublicationLevel | null;
  official: PublicationLevel | null;
  listStatus: string;
  listPublishedOn: string | null;
  listedOn: string;
  /** An adviser kept the portal's value against exactly this disagreement. */
  kept: boolean;
}

interface Row {
  id: string;
  ods_code: string;
  name: string;
  kind: ListedProvider['kind'];
  parent_id: string | null;
  portal: PublicationLevel | null;
  status: 'standards_exceeded' | 'standards_met' | 'approaching_standards' | 'not_published';
  status_cycle: string | null;
  published_on: string | null;
  listed_at: Date;
  kept_levels: Array<{ portal: string | null; official: string | null }>;
}

/**
 * The current LSP's active providers that the DSPT status list has an entry for, with the portal's level
 * for the cycle (its latest publication) and the list's. Runs inside the LSP's transaction: row-level
 * security keeps it to that LSP.
 */
export async function listedProviders(
  manager: EntityManager,
  cycle: { id: string; code: string },
  providerIds?: readonly string[],
): Promise<ListedProvider[]> {
  const rows: Row[] = await manager.query(
    `SELECT p.id, p.ods_code, p.name, p.kind, p.parent_id, e.status, e.status_cycle, e.published_on::text AS published_on,
            e.listed_at,
            (SELECT pub.level FROM publications pub WHERE pub.provider_id = p.id AND pub.cycle_id = $1
             ORDER BY pub.published_on DESC, pub.created_at DESC LIMIT 1) AS portal,
            COALESCE((SELECT json_agg(json_build_object('portal', r.portal_level, 'official', r.official_level))
                      FROM dspt_reconciliation_resolutions r WHERE r.provider_id = p.id AND r.cycle_id = $1), '[]') AS kept_levels
     FROM providers p JOIN dspt_list_entries e ON e.ods_code = p.ods_code
     WHERE p.archived_at IS NULL AND ($2::uuid[] IS NULL OR p.id = ANY ($2::uuid[]))
     ORDER BY p.name, p.ods_code`,
    [cycle.id, providerIds ?? null],
  );
  return rows.map((row) => {
    const listedOn = londonDate(row.listed_at);
    const entry = { status: row.status, statusCycle: row.status_cycle, publishedOn: row.published_on };
    const official = officialLevel(entry, listedOn, cycle.code);
    const status = row.status === 'not_published' ? 'Not Published' : PUBLICATION_LEVEL_NAMES[row.status];
    return {
      providerId: row.id,
      odsCode: row.ods_code,
      name: row.name,
      kind: row.kind,
      parentId: row.parent_id,
      portal: row.portal,
      official,
      listStatus: row.status_cycle ? `${row.status_cycle} ${status}` : status,
      listPublishedOn: row.published_on,
      listedOn,
      kept: row.kept_levels.some((kept) => kept.portal === row.portal && kept.official === official),
    };
  });
}

/** The disagreements still open (not kept by an adviser), in name order. */
export function openItems(providers: readonly ListedProvider[]): ReconciliationItem[] {
  return providers.flatMap((provider) => {
    const kind = reconciliationKind(provider.portal, provider.official);
    if (!kind || provider.kept) {
      return [];
    }
    const { providerId, odsCode, name, portal, official, listStatus, listPublishedOn } = provider;
    return [{ providerId, odsCode, name, kind, portal, official, listStatus, listPublishedOn }];
  });
}
