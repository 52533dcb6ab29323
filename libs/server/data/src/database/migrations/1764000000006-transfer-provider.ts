import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './row-level-security';

/**
 * Moving a provider to another LSP (it moved area) changes `tenant_id` on rows of two LSPs at once, which
 * row-level security forbids the app role by design. This narrow SECURITY DEFINER function is the one
 * explicit cross-tenant path for it: given an ODS code and the LSP to move to, it moves the provider (an
 * HQ with its branches) and every caseload row that belongs to it, and nothing else. It refuses, by moving
 * nothing, a branch on its own and a provider already in that LSP. The assigned adviser and the assignees
 * of open tasks are cleared: they are people of the old LSP. The app checks who is asking (a system
 * admin) before calling it, and writes the audit events in both LSPs in the same transaction.
 *
 * It answers one row per provider concerned: `moved` is false (with nothing changed) when it refused, and
 * no rows at all when no provider has the code. A table added later that holds a provider's rows must be
 * added here too (the transfer integration test checks every table with a provider_id column).
 */
export class TransferProvider1764000000006 implements MigrationInterface {
  name = 'TransferProvider1764000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION transfer_provider(ods text, to_tenant uuid)
      RETURNS TABLE (provider_id uuid, ods_code text, name text, kind text, from_tenant uuid, parent_ods_code text,
                     previous_adviser_id uuid, version integer, moved boolean)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
      AS $$
      #variable_conflict use_column
      DECLARE
        target providers%ROWTYPE;
        ids uuid[];
      BEGIN
        SELECT * INTO target FROM providers p WHERE p.ods_code = ods FOR UPDATE;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        IF target.kind = 'branch' OR target.tenant_id = to_tenant THEN
          RETURN QUERY
            SELECT target.id, target.ods_code, target.name, target.kind, target.tenant_id,
                   (SELECT hq.ods_code FROM providers hq WHERE hq.id = target.parent_id),
                   target.assigned_adviser_id, target.version, false;
          RETURN;
        END IF;
        SELECT array_agg(p.id ORDER BY p.id) INTO ids FROM providers p WHERE p.id = target.id OR p.parent_id = target.id;
        PERFORM 1 FROM providers p WHERE p.id = ANY(ids) ORDER BY p.id FOR UPDATE;
        RETURN QUERY
          SELECT p.id, p.ods_code, p.name, p.kind, p.tenant_id, hq.ods_code, p.assigned_adviser_id, p.version + 1, true
          FROM providers p LEFT JOIN providers hq ON hq.id = p.parent_id
          WHERE p.id = ANY(ids) ORDER BY p.parent_id NULLS FIRST, p.ods_code;
        UPDATE providers p SET tenant_id = to_tenant, assigned_adviser_id = NULL, version = p.version + 1, updated_at = now()
          WHERE p.id = ANY(ids);
        UPDATE provider_contacts c SET tenant_id = to_tenant WHERE c.provider_id = ANY(ids);
        UPDATE question_progress q SET tenant_id = to_tenant
          FROM assessments a WHERE a.id = q.assessment_id AND a.provider_id = ANY(ids);
        UPDATE assessments a SET tenant_id = to_tenant WHERE a.provider_id = ANY(ids);
        UPDATE publications pub SET tenant_id = to_tenant WHERE pub.provider_id = ANY(ids);
        UPDATE case_notes n SET tenant_id = to_tenant WHERE n.provider_id = ANY(ids);
        UPDATE tasks t SET tenant_id = to_tenant, assignee_id = CASE WHEN t.done_at IS NULL THEN NULL ELSE t.assignee_id END
          WHERE t.provider_id = ANY(ids);
      END
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION transfer_provider(text, uuid) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION transfer_provider(text, uuid) TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION transfer_provider(text, uuid)`);
  }
}
