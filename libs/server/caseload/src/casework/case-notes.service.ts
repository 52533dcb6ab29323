import { invalidField } from '@dspt/domain';
import type { CaseNote, CaseNoteInput } from '@dspt/contracts';
import type { CaseNoteKind } from '@dspt/domain';
import { findProviderOrFail } from '../providers/provider-lookup';
import {
  AuditService,
  CaseNoteEntity,
  type ProviderEntity,
  requireSignedInUser,
  ScopedDatabase,
} from '@dspt/server/data';
import { Clock } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

interface CaseNoteRow {
  id: string;
  kind: CaseNoteKind;
  body: string;
  occurred_at: Date;
  author_id: string | null;
  author_name: string | null;
}

const NOTES_SQL = `
  SELECT n.id, n.kind, n.body, n.occurred_at, u.id AS author_id, u.display_name AS author_name
  FROM case_notes n LEFT JOIN users u ON u.id = n.author_id`;

function toCaseNote(row: CaseNoteRow): CaseNote {
  return {
    id: row.id,
    kind: row.kind,
    body: row.body,
    occurredAt: new Date(row.occurred_at).toISOString(),
    author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
  };
}

/** A browser clock a little ahead of ours is not a note from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The provider's timeline of calls, emails, meetings, visits and notes; the latest sets its last contact. */
@Injectable()
export class CaseNotesService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Newest first. */
  list(providerId: string): Promise<CaseNote[]> {
    return this.database.inCurrentTenant((manager) => this.listIn(manager, providerId));
  }

  /** As `list`, in the caller's transaction. */
  async listIn(manager: EntityManager, providerId: string): Promise<CaseNote[]> {
    await findProviderOrFail(manager, providerId);
    const rows: CaseNoteRow[] = await manager.query(
      `${NOTES_SQL} WHERE n.provider_id = $1 ORDER BY n.occurred_at DESC, n.created_at DESC`,
      [providerId],
    );
    return rows.map(toCaseNote);
  }

  create(providerId: string, input: CaseNoteInput): Promise<CaseNote> {
    const now = this.clock.now();
    const occurredAt = input.occurredAt === undefined ? now : new Date(input.occurredAt);
    if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw invalidField('occurredAt', 'occurredAt must not be in the future');
    }
    return this.database.inCurrentTenant(async (manager) => {
      const provider = await findProviderOrFail(manager, providerId);
      const noteId = await this.record(manager, provider, { kind: input.kind, body: input.body, occurredAt });
      const [row]: CaseNoteRow[] = await manager.query(`${NOTES_SQL} WHERE n.id = $1`, [noteId]);
      return toCaseNote(row);
    });
  }

  /**
   * Writes a note by the signed-in user in the caller's transaction, moves the provider's last contact and
   * audits it; answers the note's id. Other flows that are themselves a contact (guidance emails) log
   * themselves through this.
   */
  async record(
    manager: EntityManager,
    provider: ProviderEntity,
    input: { kind: CaseNoteKind; body: string; occurredAt: Date },
  ): Promise<string> {
    const note = await manager.save(
      manager.create(CaseNoteEntity, {
        tenantId: provider.tenantId,
        providerId: provider.id,
        authorId: requireSignedInUser().id,
        kind: input.kind,
        body: input.body.trim(),
        occurredAt: input.occurredAt,
      }),
    );
    // Plain SQL: last contact is derived, so it neither bumps the provider's edit version nor its updated_at.
    // A backdated note older than the current last contact leaves it as it is.
    await manager.query(
      `UPDATE providers SET last_contact_at = $2 WHERE id = $1 AND (last_contact_at IS NULL OR last_contact_at < $2)`,
      [provider.id, input.occurredAt],
    );
    await this.audit.record(
      {
        action: 'note.created',
        tenantId: provider.tenantId,
        target: { type: 'provider', id: provider.id },
        after: { noteId: note.id, kind: note.kind, occurredAt: input.occurredAt.toISOString() },
      },
      manager,
    );
    return note.id;
  }
}
