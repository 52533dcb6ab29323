import type { CaseNoteList, ProviderDetail } from '@dspt/contracts';
import { AppConfigService, EmailAddressHasher } from '@dspt/server/platform';
import { dataSourceOptions, dropDatabase, MIGRATIONS, useEmailHashKeyInMigrations } from '@dspt/server/data';
import { EmailComposer } from '@dspt/server/reminders';
import { type ApiClient, createEmptyTestDatabase, type FixtureTenant, withMigrationLock } from '@dspt/server/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { useReminderTestApi } from '../testing/reminder-test-api';

const MIGRATION = 1764000000032;
const timestampOf = (migration: (typeof MIGRATIONS)[number]) => Number(migration.name.slice(-13));

describe('unsubscribes follow the address, per LSP', () => {
  const api = useReminderTestApi();
  let lspA: FixtureTenant;
  let lspB: FixtureTenant;
  let adviserA: ApiClient;
  const address = `pat-${randomBytes(3).toString('hex')}@branches.test`;

  beforeAll(async () => {
    lspA = await api.fixtures.tenant('address-a');
    lspB = await api.fixtures.tenant('address-b');
    adviserA = await api.signIn(await api.fixtures.member(lspA, 'adviser', { mfa: true }));
  });

  const outboxOf = async (contactIds: string[]) =>
    (await api.outbox(contactIds)).map((row) => ({ contact: row.contact_id, kind: row.kind }));

  it('computes the same keyed hash in PostgreSQL as in the app, and keeps no address in the list', async () => {
    const hasher = new EmailAddressHasher(api.app.get(AppConfigService).get('EMAIL_HASH_KEY'));
    for (const email of ['pat@care.example', '  Pat@Care.EXAMPLE\t', 'élodie+1@care.example', 'ÉLODIE@care.example']) {
      const [row] = await api.fixtures.owner.query(`SELECT email_address_hash($1, $2) AS hash`, [email, hasher.sqlKey]);
      expect({ email, hash: Buffer.from(row.hash).toString('hex') }).toEqual({
        email,
        hash: hasher.hash(email).toString('hex'),
      });
    }
  });

  it('keeps a contact re-added with the same address unsubscribed, at every provider of that LSP, and not at another LSP', async () => {
    const first = await api.provider(lspA, { label: 'first', email: address });
    const branch = await api.provider(lspA, { label: 'branch' });
    const elsewhere = await api.provider(lspB, { label: 'elsewhere', email: address });

    // Pat unsubscribes with the link from an email of LSP A.
    const token = api.app.get(EmailComposer, { strict: false }).tokens.sign({
      tenantId: lspA.id,
      contactId: first.contactId,
    });
    const done = await request(api.app.getHttpServer()).post('/api/unsubscribe').send({ token });
    expect(done.body).toMatchObject({ unsubscribed: true });
    const list = await api.fixtures.owner.query(`SELECT tenant_id, email_hash FROM email_suppressions`);
    expect(list).toEqual([{ tenant_id: lspA.id, email_hash: expect.any(Buffer) }]);
    expect(JSON.stringify(list)).not.toContain('branches.test');

    // The contact row is removed and Pat is added again, in other letters, at the same provider and at a branch.
    const contacts = `/api/tenants/${lspA.slug}/providers/${first.id}/contacts`;
    expect((await adviserA.delete(`${contacts}/${first.contactId}`)).status).toBe(204);
    const readded = await adviserA.post(contacts, {
      name: 'Pat Again',
      email: address.toUpperCase(),
      role: 'registered_manager',
      isPrimary: true,
    });
    expect(readded.status).toBe(201);
    expect(readded.body.unsubscribedAt).toEqual(expect.any(String));
    await api.fixtures.owner.query(`UPDATE provider_contacts SET email = $2 WHERE id = $1`, [
      branch.contactId,
      address,
    ]);
    const detail = (await adviserA.get(`/api/tenants/${lspA.slug}/providers/${branch.id}`)).body as ProviderDetail;
    expect(detail.contacts[0].unsubscribedAt).toEqual(expect.any(String));

    // The planner leaves both out; LSP B's contact with the same address still gets its reminder.
    const preview = await adviserA.get(`/api/tenants/${lspA.slug}/reminders/preview?cycle=2040-41&offsetDays=30`);
    expect(preview.body.excluded.unsubscribed).toBe(2);
    await api.plan();
    expect(await outboxOf([readded.body.id, branch.contactId, elsewhere.contactId])).toEqual([
      { contact: elsewhere.contactId, kind: 'deadline_reminder' },
    ]);
    const guidance = await adviserA.post(`/api/tenants/${lspA.slug}/providers/${first.id}/guidance-emails`, {});
    expect(guidance.status).toBe(409);
  });

  it('keeps the unsubscribe when a provider moves to another LSP, and leaves it with the old LSP too', async () => {
    const moving = await api.provider(lspA, { label: 'moving', unsubscribed: true });
    const transfer = await (
      await api.systemAdmin()
    ).post(`/api/admin/providers/${moving.odsCode}/transfer`, {
      toTenantSlug: lspB.slug,
      reason: 'Moved area',
    });
    expect(transfer.status).toBe(200);
    const hash = (tenant: FixtureTenant) =>
      api.fixtures.owner.query(
        `SELECT 1 FROM email_suppressions WHERE tenant_id = $1 AND email_hash = email_address_hash($2, $3)`,
        [tenant.id, moving.email, api.emailHashKey()],
      );
    expect(await hash(lspA)).toHaveLength(1);
    expect(await hash(lspB)).toHaveLength(1);
    await api.plan();
    expect(await outboxOf([moving.contactId])).toEqual([]);
  });

  it("resubscribes only on the person's request, recorded in the audit trail and the case notes; then reminders go out", async () => {
    const provider = await api.provider(lspA, { label: 'asks-again' });
    await api.unsubscribeAddress(lspA, provider.email.toUpperCase());
    await api.plan();
    expect(await outboxOf([provider.contactId])).toEqual([]);

    const resubscribe = `/api/tenants/${lspA.slug}/providers/${provider.id}/contacts/${provider.contactId}/resubscribe`;
    for (const body of [{}, { request: '' }, { request: ' \n ' }, { reason: 'Asked' }, { request: 'x'.repeat(1001) }]) {
      const refused = await adviserA.post(resubscribe, body);
      expect({
        body,
        status: refused.status,
        fields: refused.body.details?.map((d: { field: string }) => d.field),
      }).toEqual({
        body,
        status: 400,
        fields: expect.arrayContaining(['request']),
      });
    }
    const stillListed = () =>
      api.fixtures.owner.query(
        `SELECT 1 FROM email_suppressions WHERE tenant_id = $1 AND email_hash = email_address_hash($2, $3)`,
        [lspA.id, provider.email, api.emailHashKey()],
      );
    expect(await stillListed()).toHaveLength(1);

    const personsRequest = 'Phoned on 3 Dec asking to receive reminders again';
    const done = await adviserA.post(resubscribe, { request: personsRequest });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: provider.contactId, unsubscribedAt: null });
    expect(await stillListed()).toEqual([]);
    const [audit] = await api.fixtures.owner.query(
      `SELECT after FROM audit_events WHERE tenant_id = $1 AND action = 'contact.resubscribed' AND target_id = $2`,
      [lspA.id, provider.id],
    );
    expect(audit.after).toEqual({ contactId: provider.contactId, request: personsRequest });
    const notes = (await adviserA.get(`/api/tenants/${lspA.slug}/providers/${provider.id}/notes`)).body as CaseNoteList;
    expect(notes.items[0]).toMatchObject({
      kind: 'note',
      body: expect.stringContaining(`Their request: ${personsRequest}`),
      author: { displayName: 'Test adviser' },
    });

    await api.plan();
    expect(await outboxOf([provider.contactId])).toEqual([{ contact: provider.contactId, kind: 'deadline_reminder' }]);
    await api.startWorker();
    await api.smtp.waitFor(
      () => api.smtp.deliveredTo([provider.email]).get(provider.email)?.length === 1,
      'the reminder after resubscribing',
    );
  });
});

describe('migration 1764000000032 moves existing unsubscribes to hashed addresses', () => {
  let url = '';
  let dataSource: DataSource | undefined;

  afterAll(async () => {
    useEmailHashKeyInMigrations(null);
    await dataSource?.destroy();
    if (url && !process.env['KEEP_TEST_DATABASE']) {
      await dropDatabase(url);
    }
  });

  it('hashes each LSP’s unsubscribed addresses once, drops the old column, and puts them back going down', async () => {
    url = await createEmptyTestDatabase('suppressions');
    const before = MIGRATIONS.filter((migration) => timestampOf(migration) < MIGRATION);
    const Migration = MIGRATIONS.find((migration) => timestampOf(migration) === MIGRATION);
    expect(Migration).toBeDefined();
    const db = new DataSource({ ...dataSourceOptions({ url, poolSize: 2 }), migrations: before });
    dataSource = db;
    await db.initialize();
    await withMigrationLock(() => db.runMigrations({ transaction: 'each' }));

    const [a] = await db.query(`INSERT INTO tenants (slug, name, region) VALUES ('mig-a', 'A', 'London') RETURNING id`);
    const [b] = await db.query(`INSERT INTO tenants (slug, name, region) VALUES ('mig-b', 'B', 'London') RETURNING id`);
    const contact = async (tenantId: string, ods: string, email: string, unsubscribed: boolean) => {
      const [provider] = await db.query(
        `INSERT INTO providers (tenant_id, ods_code, name, kind, service_type, size_band, local_authority, region)
         VALUES ($1, $2, $2, 'single_site', 'homecare', 'small', 'Leeds', 'Yorkshire and The Humber') RETURNING id`,
        [tenantId, ods],
      );
      const [row] = await db.query(
        `INSERT INTO provider_contacts (tenant_id, provider_id, name, email, role, is_primary, unsubscribed_at)
         VALUES ($1, $2, 'Pat', $3, 'owner', true, CASE WHEN $4 THEN timestamptz '2026-01-02T03:04:05Z' END) RETURNING id`,
        [tenantId, provider.id, email, unsubscribed],
      );
      return row.id as string;
    };
    await contact(a.id, 'VMIG1', 'pat@two.test', true);
    await contact(a.id, 'VMIG2', 'pat@two.test', true);
    const stillSubscribed = await contact(b.id, 'VMIG3', 'pat@two.test', false);
    await contact(b.id, 'VMIG4', 'kim@one.test', true);

    const runner = db.createQueryRunner();
    try {
      const migration = new Migration!();
      // Without the key it stops, saying why, rather than writing hashes nobody can match.
      useEmailHashKeyInMigrations(null);
      await runner.startTransaction();
      await expect(migration.up(runner)).rejects.toThrow(/must hash unsubscribed addresses with EMAIL_HASH_KEY/);
      await runner.rollbackTransaction();

      const hasher = new EmailAddressHasher('migration-test-email-hash-key-0123456789');
      useEmailHashKeyInMigrations(hasher.sqlKey);
      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();
      const rows = await db.query(
        `SELECT tenant_id, encode(email_hash, 'hex') AS hash, unsubscribed_at FROM email_suppressions ORDER BY tenant_id = $1 DESC`,
        [a.id],
      );
      expect(rows).toEqual([
        {
          tenant_id: a.id,
          hash: hasher.hash('pat@two.test').toString('hex'),
          unsubscribed_at: new Date('2026-01-02T03:04:05Z'),
        },
        {
          tenant_id: b.id,
          hash: hasher.hash('kim@one.test').toString('hex'),
          unsubscribed_at: new Date('2026-01-02T03:04:05Z'),
        },
      ]);
      const columns = await db.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'provider_contacts' AND column_name = 'unsubscribed_at'`,
      );
      expect(columns).toEqual([]);

      await runner.startTransaction();
      await migration.down(runner);
      await runner.commitTransaction();
      const restored = await db.query(
        `SELECT id, unsubscribed_at IS NOT NULL AS unsubscribed FROM provider_contacts ORDER BY id`,
      );
      expect(restored.filter((row: { unsubscribed: boolean }) => row.unsubscribed)).toHaveLength(3);
      expect(restored.find((row: { id: string }) => row.id === stillSubscribed)).toEqual({
        id: stillSubscribed,
        unsubscribed: false,
      });
    } finally {
      await runner.release();
    }
  });
});
