import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, CURRENT_TENANT_SQL } from './row-level-security';

/**
 * Erasure (UK GDPR art. 17). The audit trail is append-only for the app (`SELECT, INSERT`), yet an erased
 * person's address and name must leave the details of earlier events too. `erase_from_audit_trail` is the
 * one narrow way to change it: SECURITY DEFINER, executable by the app's role only, in the LSP the
 * transaction is in, and only for people and providers that still exist there (the app calls it before
 * deleting them), so it cannot be used to rewrite the trail at will. It replaces their address and name
 * in every text of `before`/`after` with `[erased]` (the rule of libs/domain `redactIdentifiers`, held to
 * the same examples by a test), and for an erased provider blanks the details of events about its own
 * rows (`{"erased": true}`). Events keep their action, actor, time and target id.
 */
export class Erasure1764000000031 implements MigrationInterface {
  name = 'Erasure1764000000031';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Whole, case-insensitive occurrences: not preceded or followed by a letter or digit.
      `CREATE FUNCTION privacy_redact_text(value text, identifiers text[]) RETURNS text
       LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog AS $$
       DECLARE identifier text;
       BEGIN
         IF value IS NULL THEN RETURN NULL; END IF;
         FOREACH identifier IN ARRAY coalesce(identifiers, '{}') LOOP
           value := regexp_replace(
             value,
             '(?<![[:alnum:]])' || regexp_replace(identifier, '([^[:alnum:][:space:]])', '\\\\\\1', 'g') || '(?![[:alnum:]])',
             '[erased]',
             'gi');
         END LOOP;
         RETURN value;
       END
       $$`,
      `CREATE FUNCTION privacy_redact_json(value jsonb, identifiers text[]) RETURNS jsonb
       LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_catalog AS $$
       BEGIN
         RETURN CASE jsonb_typeof(value)
           WHEN 'string' THEN to_jsonb(privacy_redact_text(value #>> '{}', identifiers))
           WHEN 'object' THEN (SELECT coalesce(jsonb_object_agg(privacy_redact_text(key, identifiers), privacy_redact_json(item, identifiers)), '{}'::jsonb)
                               FROM jsonb_each(value) AS entry (key, item))
           WHEN 'array' THEN (SELECT coalesce(jsonb_agg(privacy_redact_json(item, identifiers) ORDER BY position), '[]'::jsonb)
                              FROM jsonb_array_elements(value) WITH ORDINALITY AS entry (item, position))
           ELSE value
         END;
       END
       $$`,
      `CREATE FUNCTION erase_from_audit_trail(erased_provider uuid, erased_contacts uuid[]) RETURNS integer
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
       DECLARE
         tenant uuid := ${CURRENT_TENANT_SQL};
         providers_erased uuid[];
         contacts uuid[];
         identifiers text[];
         targets text[] := '{}';
         changed integer;
       BEGIN
         IF tenant IS NULL THEN
           RAISE EXCEPTION 'erase_from_audit_trail needs the LSP (app.tenant_id)';
         END IF;
         IF erased_provider IS NOT NULL THEN
           SELECT array_agg(p.id) INTO providers_erased FROM providers p
           WHERE p.tenant_id = tenant AND (p.id = erased_provider OR p.parent_id = erased_provider);
           IF providers_erased IS NULL OR NOT erased_provider = ANY (providers_erased) THEN
             RAISE EXCEPTION 'No such provider in this LSP';
           END IF;
           SELECT array_agg(c.id) INTO contacts FROM provider_contacts c
           WHERE c.tenant_id = tenant AND c.provider_id = ANY (providers_erased);
           SELECT array_agg(id::text) INTO targets FROM (
             SELECT id FROM unnest(providers_erased) AS id
             UNION ALL SELECT id FROM provider_contacts WHERE provider_id = ANY (providers_erased)
             UNION ALL SELECT id FROM case_notes WHERE provider_id = ANY (providers_erased)
             UNION ALL SELECT id FROM tasks WHERE provider_id = ANY (providers_erased)
             UNION ALL SELECT id FROM assessments WHERE provider_id = ANY (providers_erased)
             UNION ALL SELECT id FROM publications WHERE provider_id = ANY (providers_erased)
             UNION ALL SELECT id FROM email_messages WHERE provider_id = ANY (providers_erased)
           ) AS rows;
           -- Its ODS code stays: an organisation's public code, kept in the event that records the erasure.
           SELECT array_agg(p.name) INTO identifiers FROM providers p
           WHERE p.id = ANY (providers_erased) AND length(trim(p.name)) >= 3;
         ELSE
           SELECT array_agg(c.id) INTO contacts FROM provider_contacts c
           WHERE c.tenant_id = tenant AND c.id = ANY (erased_contacts);
           IF coalesce(cardinality(contacts), 0) <> coalesce(cardinality(erased_contacts), 0) OR contacts IS NULL THEN
             RAISE EXCEPTION 'No such contact in this LSP';
           END IF;
         END IF;
         -- Names shorter than 3 characters are left to the address (libs/domain MIN_NAME_LENGTH).
         SELECT coalesce(identifiers, '{}') || coalesce(array_agg(DISTINCT value ORDER BY value), '{}') INTO identifiers
         FROM provider_contacts c, LATERAL (VALUES (c.email), (trim(c.name))) AS v (value)
         WHERE c.id = ANY (coalesce(contacts, '{}')) AND (value LIKE '%@%' OR length(value) >= 3)
           -- A leaving provider's contact who is also a contact of a provider that stays is that provider's record.
           AND NOT EXISTS (SELECT 1 FROM provider_contacts o
                           WHERE erased_provider IS NOT NULL AND o.tenant_id = tenant AND o.email = c.email
                             AND NOT o.provider_id = ANY (providers_erased));
         SELECT coalesce(array_agg(value ORDER BY length(value) DESC), '{}') INTO identifiers FROM unnest(identifiers) AS value;

         UPDATE audit_events e SET
           before = CASE WHEN e.target_id = ANY (targets) THEN CASE WHEN e.before IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END
                         ELSE privacy_redact_json(e.before, identifiers) END,
           after = CASE WHEN e.target_id = ANY (targets) THEN CASE WHEN e.after IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END
                        ELSE privacy_redact_json(e.after, identifiers) END
         WHERE e.tenant_id = tenant
           AND (e.target_id = ANY (targets)
                OR EXISTS (SELECT 1 FROM unnest(identifiers) AS identifier
                           WHERE strpos(lower(coalesce(e.before::text, '') || ' ' || coalesce(e.after::text, '')),
                                        lower(substr(to_jsonb(identifier)::text, 2, length(to_jsonb(identifier)::text) - 2))) > 0));
         GET DIAGNOSTICS changed = ROW_COUNT;
         RETURN changed;
       END
       $$`,
      `REVOKE ALL ON FUNCTION erase_from_audit_trail(uuid, uuid[]) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION erase_from_audit_trail(uuid, uuid[]) TO ${APP_ROLE}`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION erase_from_audit_trail(uuid, uuid[])`);
    await queryRunner.query(`DROP FUNCTION privacy_redact_json(jsonb, text[])`);
    await queryRunner.query(`DROP FUNCTION privacy_redact_text(text, text[])`);
  }
}
