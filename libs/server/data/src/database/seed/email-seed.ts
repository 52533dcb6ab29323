import type { EntityManager } from 'typeorm';

/** The demo LSP that shows an LSP's own reminder cadence and email wording. */
export const DEMO_EMAIL_LSP = 'tyne-and-wear-care-alliance';

/**
 * Demo email settings (the default templates come with the migrations, and every LSP starts on the
 * cycle's default steps of 90, 30 and 7 days): each demo LSP's reply-to address, and for one LSP its own
 * cadence for the current cycle (an extra step 14 days before) and its own guidance email wording.
 * Idempotent.
 */
export async function seedDemoEmailSettings(manager: EntityManager, currentCycleCode: string): Promise<void> {
  await manager.query(
    `INSERT INTO tenant_email_settings (tenant_id, reply_to)
     SELECT id, 'dspt-help@' || slug || '.demo.test' FROM tenants ON CONFLICT (tenant_id) DO NOTHING`,
  );
  await manager.query(
    `INSERT INTO reminder_cadences (tenant_id, cycle_id, offsets_days)
     SELECT t.id, c.id, '{90,30,14,7}' FROM tenants t, assessment_cycles c WHERE t.slug = $1 AND c.code = $2
     ON CONFLICT (tenant_id, cycle_id) DO NOTHING`,
    [DEMO_EMAIL_LSP, currentCycleCode],
  );
  await manager.query(
    `INSERT INTO tenant_email_templates (tenant_id, key, subject, body)
     SELECT id, 'guidance', $2, $3 FROM tenants WHERE slug = $1 ON CONFLICT (tenant_id, key) DO NOTHING`,
    [
      DEMO_EMAIL_LSP,
      '{{lspName}}: what is left on your DSPT ({{itemsLeft}} items)',
      [
        'Hello {{contactName}},',
        '{{personalMessage}}',
        'Here is what {{providerName}} still needs to finish before {{deadline}}, with a guidance link for each item:',
        '{{openItems}}',
        'Call or reply any time, we are happy to help.',
        '{{adviserName}}\n{{lspName}}',
      ].join('\n\n'),
    ],
  );
}
