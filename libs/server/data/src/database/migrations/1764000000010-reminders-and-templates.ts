import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableTenantIsolation, enableTenantIsolation } from './row-level-security';

// Spelt out, not imported from libs/domain: a migration must keep meaning what it meant when it ran.
const TEMPLATE_KEYS = `'deadline_reminder', 'guidance', 'invitation'`;

/** The global default wording of each template (LSP admins override subject and body per LSP). */
const DEFAULT_TEMPLATES: Array<{ key: string; subject: string; body: string }> = [
  {
    key: 'deadline_reminder',
    subject: 'DSPT deadline {{deadline}}: {{itemsLeft}} mandatory items left for {{providerName}}',
    body: [
      'Dear {{contactName}},',
      '{{providerName}} ({{odsCode}}) has not yet published its Data Security and Protection Toolkit (DSPT) assessment at Standards Met for {{cycle}}. The deadline is {{deadline}}, {{daysLeft}} days away.',
      'These mandatory items are still open:',
      '{{openItems}}',
      'If you would like help, reply to this email and {{adviserName}} at {{lspName}} will get back to you.',
      'Best wishes,\n{{adviserName}}\n{{lspName}}',
    ].join('\n\n'),
  },
  {
    key: 'guidance',
    subject: 'Help with your DSPT: {{itemsLeft}} mandatory items left for {{providerName}}',
    body: [
      'Dear {{contactName}},',
      '{{personalMessage}}',
      "To publish {{providerName}}'s DSPT at Standards Met by {{deadline}}, these mandatory items are still open. Each has a link to guidance:",
      '{{openItems}}',
      'Reply to this email if you have any questions.',
      'Best wishes,\n{{adviserName}}\n{{lspName}}',
    ].join('\n\n'),
  },
  {
    key: 'invitation',
    subject: 'Your invitation to {{lspName}} on the DSPT Support Portal',
    body: [
      'You have been invited to join {{lspName}} on the DSPT Support Portal as {{role}}.',
      'Open this link to set your password and set up two-step sign-in: {{inviteLink}}',
      'The link works once and expires on {{expiresOn}}. If you were not expecting this email, you can ignore it.',
    ].join('\n\n'),
  },
];

const TENANT_TABLES = ['tenant_email_templates', 'tenant_email_settings', 'reminder_cadences', 'email_messages'];

/**
 * Reminder and guidance emails (issue 5): global template defaults and per-LSP overrides, each LSP's
 * reply-to address, each LSP's reminder cadence per cycle, and the outbox of every reminder and guidance
 * email (one row per (cycle, step, contact) for reminders, unique by idempotency key) with its delivery
 * state. Postgres is the record of what was sent: the queue in Redis only carries the work.
 */
export class RemindersAndTemplates1764000000010 implements MigrationInterface {
  name = 'RemindersAndTemplates1764000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE email_templates (
         key text PRIMARY KEY CONSTRAINT ck_email_templates_key CHECK (key IN (${TEMPLATE_KEYS})),
         subject text NOT NULL,
         body text NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now(),
         updated_by uuid REFERENCES users (id) ON DELETE SET NULL
       )`,
      `GRANT SELECT, UPDATE ON email_templates TO ${APP_ROLE}`,

      `CREATE TABLE tenant_email_templates (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         key text NOT NULL REFERENCES email_templates (key),
         subject text NOT NULL,
         body text NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now(),
         updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
         CONSTRAINT uq_tenant_email_templates_key UNIQUE (tenant_id, key)
       )`,

      `CREATE TABLE tenant_email_settings (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid NOT NULL REFERENCES tenants (id) CONSTRAINT uq_tenant_email_settings_tenant UNIQUE,
         reply_to text CONSTRAINT ck_tenant_email_settings_reply_to CHECK (reply_to = lower(reply_to) AND reply_to LIKE '%_@_%'),
         updated_at timestamptz NOT NULL DEFAULT now(),
         updated_by uuid REFERENCES users (id) ON DELETE SET NULL
       )`,

      `CREATE TABLE reminder_cadences (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         cycle_id uuid NOT NULL REFERENCES assessment_cycles (id),
         offsets_days integer[] NOT NULL CONSTRAINT ck_reminder_cadences_steps CHECK (cardinality(offsets_days) BETWEEN 1 AND 10),
         updated_at timestamptz NOT NULL DEFAULT now(),
         updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
         CONSTRAINT uq_reminder_cadences_cycle UNIQUE (tenant_id, cycle_id)
       )`,

      `CREATE TABLE email_messages (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
         contact_id uuid REFERENCES provider_contacts (id) ON DELETE SET NULL,
         cycle_id uuid NOT NULL REFERENCES assessment_cycles (id),
         kind text NOT NULL CONSTRAINT ck_email_messages_kind CHECK (kind IN ('deadline_reminder', 'guidance')),
         offset_days integer,
         idempotency_key text NOT NULL CONSTRAINT uq_email_messages_idempotency_key UNIQUE,
         to_email text NOT NULL,
         to_name text NOT NULL,
         personal_message text,
         requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
         status text NOT NULL DEFAULT 'queued'
           CONSTRAINT ck_email_messages_status CHECK (status IN ('queued', 'sent', 'failed', 'suppressed')),
         attempts integer NOT NULL DEFAULT 0,
         last_error text,
         subject text,
         smtp_message_id text,
         created_at timestamptz NOT NULL DEFAULT now(),
         last_attempt_at timestamptz,
         sent_at timestamptz,
         failed_at timestamptz,
         suppressed_at timestamptz,
         CONSTRAINT ck_email_messages_step CHECK ((kind = 'deadline_reminder') = (offset_days IS NOT NULL))
       )`,
      `CREATE INDEX ix_email_messages_step ON email_messages (tenant_id, cycle_id, offset_days, status)`,
      `CREATE INDEX ix_email_messages_provider ON email_messages (provider_id, created_at DESC)`,
      `CREATE INDEX ix_email_messages_tenant_status ON email_messages (tenant_id, status, created_at DESC)`,

      // A provider moved to another LSP (transfer_provider) takes its email history along.
      `CREATE FUNCTION email_messages_follow_provider() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE email_messages SET tenant_id = NEW.tenant_id WHERE provider_id = NEW.id;
         RETURN NULL;
       END
       $$`,
      `CREATE TRIGGER tr_providers_email_messages_follow AFTER UPDATE OF tenant_id ON providers
       FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id) EXECUTE FUNCTION email_messages_follow_provider()`,

      ...TENANT_TABLES.flatMap((table) => enableTenantIsolation(table)),
      `GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_email_templates, tenant_email_settings, reminder_cadences TO ${APP_ROLE}`,
      // The outbox is the record of what was sent: rows change state but are never deleted by the app.
      `GRANT SELECT, INSERT, UPDATE ON email_messages TO ${APP_ROLE}`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
    for (const template of DEFAULT_TEMPLATES) {
      await queryRunner.query(`INSERT INTO email_templates (key, subject, body) VALUES ($1, $2, $3)`, [
        template.key,
        template.subject,
        template.body,
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_providers_email_messages_follow ON providers`);
    await queryRunner.query(`DROP FUNCTION email_messages_follow_provider()`);
    for (const table of [...TENANT_TABLES].reverse()) {
      for (const statement of disableTenantIsolation(table)) {
        await queryRunner.query(statement);
      }
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP TABLE email_templates`);
  }
}
