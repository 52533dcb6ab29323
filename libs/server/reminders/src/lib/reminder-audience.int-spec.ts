import { EmailAddressHasher } from '@dspt/server/platform';
import {
  Fixtures,
  type FixtureTenant,
  INTEGRATION_MFA_KEY,
  integrationEnv,
  migrateTestDatabase,
} from '@dspt/server/testing';
import { loadEmailRenderData } from './email-render-data';
import { suppressionReason } from './email-suppression';
import { reminderAudienceSql } from './reminder-audience';

/**
 * Who gets a reminder is decided twice: in SQL when the planner picks the audience, and in TypeScript when the
 * sender re-checks each email before it goes out. The two must agree, or an email is planned and then
 * suppressed (or, worse, never planned). Every combination of the facts either side reads is generated and
 * both answers compared.
 */
const ARCHIVED = [false, true] as const;
const PUBLICATIONS = [
  'none',
  'approaching_standards',
  'standards_met',
  'standards_exceeded',
  'met_other_cycle',
] as const;
const CONTACTS = ['primary', 'primary_unsubscribed', 'secondary_only', 'none'] as const;

interface Case {
  archived: boolean;
  publication: (typeof PUBLICATIONS)[number];
  contact: (typeof CONTACTS)[number];
}

const CASES: Case[] = ARCHIVED.flatMap((archived) =>
  PUBLICATIONS.flatMap((publication) => CONTACTS.map((contact) => ({ archived, publication, contact }))),
);

describe('the reminder audience (SQL) and the send-time check (TypeScript)', () => {
  const env = integrationEnv();
  const hasher = new EmailAddressHasher('parity-test-email-hash-key-0123456789abcdef');
  let fixtures: Fixtures;
  let tenant: FixtureTenant;
  let cycleId: string;
  let otherCycleId: string;
  const providers = new Map<string, { case: Case; contactIds: string[] }>();

  beforeAll(async () => {
    await migrateTestDatabase(env['DATABASE_OWNER_URL']);
    fixtures = await Fixtures.connect(env['DATABASE_OWNER_URL'], INTEGRATION_MFA_KEY);
    tenant = await fixtures.tenant('parity');
    cycleId = (await fixtures.cycle()).id;
    otherCycleId = (await fixtures.cycle()).id;
    for (const [index, testCase] of CASES.entries()) {
      const provider = await fixtures.provider(tenant);
      const db = fixtures.owner;
      if (testCase.archived) {
        await db.query(`UPDATE providers SET archived_at = now() WHERE id = $1`, [provider.id]);
      }
      if (testCase.publication !== 'none') {
        const [level, cycle] =
          testCase.publication === 'met_other_cycle'
            ? ['standards_met', otherCycleId]
            : [testCase.publication, cycleId];
        await db.query(
          `INSERT INTO publications (tenant_id, provider_id, cycle_id, level, published_on) VALUES ($1, $2, $3, $4, '2026-05-10')`,
          [tenant.id, provider.id, cycle, level],
        );
      }
      const contactIds: string[] = [];
      if (testCase.contact !== 'none') {
        const email = `case-${index}-${provider.odsCode.toLowerCase()}@provider.example`;
        const [contact] = await db.query(
          `INSERT INTO provider_contacts (tenant_id, provider_id, name, email, role, is_primary)
           VALUES ($1, $2, 'Pat Manager', $3, 'registered_manager', $4) RETURNING id`,
          [tenant.id, provider.id, email, testCase.contact !== 'secondary_only'],
        );
        contactIds.push(contact.id);
        if (testCase.contact === 'primary_unsubscribed') {
          await db.query(
            `INSERT INTO email_suppressions (tenant_id, email_hash, unsubscribed_at)
             VALUES ($1, email_address_hash($2, $3), now())`,
            [tenant.id, email, hasher.sqlKey],
          );
        }
      }
      providers.set(provider.id, { case: testCase, contactIds });
    }
  });

  afterAll(() => fixtures?.close());

  it(`agree on all ${CASES.length} combinations of archived, publication and contact`, async () => {
    const audience: Array<{ provider_id: string; contact_id: string }> = await fixtures.owner.query(
      `SELECT p.id AS provider_id, c.id AS contact_id ${reminderAudienceSql('$3')}`,
      [tenant.id, cycleId, hasher.sqlKey],
    );
    const inSql = new Set(audience.map((row) => `${row.provider_id}/${row.contact_id}`));

    const disagreements: string[] = [];
    for (const [providerId, { case: testCase, contactIds }] of providers) {
      for (const contactId of contactIds.length > 0 ? contactIds : [null]) {
        const data = await loadEmailRenderData(
          fixtures.owner.manager,
          { tenantId: tenant.id, providerId, cycleId, contactId },
          hasher.sqlKey,
        );
        const sendable = data !== null && suppressionReason('deadline_reminder', data) === null;
        const planned = inSql.has(`${providerId}/${contactId}`);
        if (sendable !== planned) {
          disagreements.push(
            `${JSON.stringify(testCase)}: SQL ${planned ? 'plans' : 'skips'}, send-time check ${sendable ? 'sends' : 'suppresses'}`,
          );
        }
      }
    }
    expect(disagreements).toEqual([]);
    // The generated cases reach both answers: some are emailed, most are not.
    expect(inSql.size).toBeGreaterThan(0);
    expect(inSql.size).toBeLessThan(CASES.length);
  });
});
