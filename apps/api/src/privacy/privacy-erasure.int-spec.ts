import type { ErasureResult } from '@dspt/contracts';
import { REDACTION_EXAMPLES } from '@dspt/domain';
import { ImportProgressStore } from '@dspt/server/caseload';
import { REDIS_CLIENT } from '@dspt/server/platform';
import type { ApiClient, FixtureTenant } from '@dspt/server/testing';
import type { Redis } from 'ioredis';
import type { ParsedMail } from 'mailparser';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { useReminderTestApi } from '../testing/reminder-test-api';
import { eventually } from '../testing/eventually';

interface Hit {
  table: string;
  column: string;
  rows: number;
}

/**
 * Erasure: after it, a scan of every column of every table (as the owner, so row-level security hides
 * nothing) and of every key the api and worker keep in Redis finds the person nowhere in the LSP.
 */
describe('erasure of a contact and of a provider leaving the programme', () => {
  const api = useReminderTestApi();
  let tenant: FixtureTenant;
  let other: FixtureTenant;
  let admin: ApiClient;
  let adviser: ApiClient;

  beforeAll(async () => {
    await api.startWorker();
    [tenant, other] = [await api.fixtures.tenant('erasing'), await api.fixtures.tenant('keeping')];
    admin = await api.signIn(await api.fixtures.member(tenant, 'admin', { mfa: true }));
    adviser = await api.signIn(await api.fixtures.member(tenant, 'adviser', { mfa: true }));
  });

  const path = (suffix: string) => `/api/tenants/${tenant.slug}${suffix}`;

  /** Every column of every table in the database, read as text: where `needle` occurs, ignoring case. */
  async function scanDatabase(needle: string): Promise<Hit[]> {
    const columns: Array<{ table_schema: string; table_name: string; column_name: string }> =
      await api.fixtures.owner.query(
        `SELECT c.table_schema, c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
       ORDER BY 1, 2, 3`,
      );
    expect(columns.length).toBeGreaterThan(100);
    const hits: Hit[] = [];
    for (const column of columns) {
      const [{ rows }] = await api.fixtures.owner.query(
        `SELECT count(*)::int AS rows FROM "${column.table_schema}"."${column.table_name}" WHERE strpos(lower("${column.column_name}"::text), lower($1)) > 0`,
        [needle],
      );
      if (rows > 0) {
        hits.push({ table: column.table_name, column: column.column_name, rows });
      }
    }
    return hits;
  }

  /** Every key under the apps' Redis prefix (queues, jobs, sessions, import progress), whatever its type. */
  async function scanRedis(needle: string): Promise<string[]> {
    const redis = api.app.get<Redis>(REDIS_CLIENT);
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${api.env['REDIS_PREFIX']}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const values =
          type === 'string'
            ? [await redis.get(key)]
            : type === 'hash'
              ? Object.entries(await redis.hgetall(key)).flat()
              : type === 'list'
                ? await redis.lrange(key, 0, -1)
                : type === 'set'
                  ? await redis.smembers(key)
                  : type === 'zset'
                    ? await redis.zrange(key, 0, -1)
                    : type === 'stream'
                      ? JSON.stringify(await redis.xrange(key, '-', '+')).split('\n')
                      : [];
        if ([key, ...values].some((value) => value?.toLowerCase().includes(needle.toLowerCase()))) {
          found.push(key);
        }
      }
    } while (cursor !== '0');
    return found;
  }

  it('erases a contact: the address and name are nowhere in the LSP, the trail keeps a pseudonymous event', async () => {
    const hex = randomBytes(3).toString('hex');
    const name = `Zephyrine Quillfeather${hex}`;
    // A hyphen in the address: escaped as "\\-" it once made the redaction pattern invalid (a 500).
    const email = `zephyrine-${hex}@erasure-care.test`;
    const provider = await api.provider(tenant, { label: 'erase', completed: ['4.1.1'] });
    const second = await api.provider(tenant, { label: 'second' });

    // The person as the app knows them: a contact of two providers, a guidance email through the worker and
    // SMTP, notes and a task naming them, a changed role, an unsubscribe from the email's one-click link.
    const added = await admin.post(path(`/providers/${provider.id}/contacts`), {
      name,
      email: email.toUpperCase(),
      role: 'owner',
      isPrimary: false,
    });
    expect(added.status).toBe(201);
    const contactId = added.body.id as string;
    expect(
      (await admin.patch(path(`/providers/${provider.id}/contacts/${contactId}`), { role: 'registered_manager' }))
        .status,
    ).toBe(200);
    expect((await admin.post(path(`/providers/${second.id}/contacts`), { name, email, role: 'owner' })).status).toBe(
      201,
    );
    const sent = await adviser.post(path(`/providers/${provider.id}/guidance-emails`), {
      contactId,
      message: `Lovely to meet you, ${name}.`,
    });
    expect(sent.status).toBe(202);
    await api.smtp.waitFor(() => api.smtp.deliveredTo([email]).get(email)?.length === 1, 'the guidance email');
    // The worker records the send (and clears any error) just after the SMTP server has the email: wait for
    // that, or the error written below could be cleared by it.
    await eventually(
      async () =>
        (await api.fixtures.owner.query(`SELECT status FROM email_messages WHERE id = $1`, [sent.body.id]))[0]?.status,
      (status) => status === 'sent',
    );
    await api.fixtures.owner.query(`UPDATE email_messages SET last_error = $2 WHERE id = $1`, [
      sent.body.id,
      `450 <${email}>: mailbox busy (an earlier try)`,
    ]);
    const [mail] = api.smtp.deliveredTo([email]).get(email) as ParsedMail[];
    const token = /token=([\w.-]+)>/.exec(
      mail.headerLines.find((line) => line.key === 'list-unsubscribe')?.line.replace(/\s+/g, '') ?? '',
    )?.[1];
    expect(
      (
        await request(api.app.getHttpServer())
          .post(`/api/unsubscribe?token=${token}`)
          .type('form')
          .send('List-Unsubscribe=One-Click')
      ).status,
    ).toBeLessThan(300);
    expect(
      (
        await adviser.post(path(`/providers/${provider.id}/notes`), {
          kind: 'call',
          body: `Called ${name.toUpperCase()} (${email}) about 4.1.1`,
        })
      ).status,
    ).toBe(201);
    expect(
      (await adviser.post(path(`/providers/${second.id}/notes`), { kind: 'note', body: 'Nothing about anyone' }))
        .status,
    ).toBe(201);
    const task = await adviser.post(path(`/providers/${second.id}/tasks`), {
      title: `Send ${name} the template`,
      dueOn: '2041-12-10',
    });
    expect({ status: task.status, body: task.body }).toMatchObject({ status: 201 });
    // The caseload keeps each provider's next task, title included, in its triage row: erasure must reach it too.
    const caseload = await adviser.get(path(`/providers?search=${encodeURIComponent(second.odsCode)}`));
    expect(caseload.body.items).toEqual([
      expect.objectContaining({ nextTask: { title: `Send ${name} the template`, dueOn: '2041-12-10' } }),
    ]);
    // A refused import's report in Redis quoting the address (it expires in a day; erasure does not wait).
    await api.app.get(ImportProgressStore).save(tenant.id, {
      importId: randomUUID(),
      status: 'failed',
      processed: 3,
      total: 3,
      message: 'The file was refused',
      errors: [{ field: 'contact_email', row: 3, message: `${email} is already a contact of this provider` }],
    });
    expect(await scanRedis(email)).toEqual([expect.stringContaining(`:import:${tenant.id}:`)]);
    // The same address in another LSP is that LSP's record: erasure here must not touch it.
    const elsewhere = await api.provider(other, { label: 'elsewhere', email });
    // The newer free texts: a progress comment, a reconciliation's reason, and a transfer request to the
    // other LSP, declined (a row both LSPs see).
    await api.fixtures.owner.query(
      `UPDATE question_progress SET comment = $2 WHERE assessment_id IN (SELECT id FROM assessments WHERE provider_id = $1)`,
      [provider.id, `Checked with ${name}`],
    );
    await api.fixtures.owner.query(
      `INSERT INTO dspt_reconciliation_resolutions (tenant_id, provider_id, cycle_id, reason)
       SELECT tenant_id, provider_id, cycle_id, $2 FROM assessments WHERE provider_id = $1 LIMIT 1`,
      [provider.id, `${name} (${email}) confirmed the official list is right`],
    );
    await api.fixtures.owner.query(
      `INSERT INTO provider_transfer_requests
         (from_tenant_id, to_tenant_id, provider_id, ods_code, provider_name, note, status, decline_reason, answered_at)
       VALUES ($1, $2, $3, $4, 'Erase', $5, 'declined', $6, now())`,
      [tenant.id, other.id, provider.id, provider.odsCode, `Ask ${name} first`, `We never reached ${email}`],
    );

    expect(await scanDatabase(email)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'audit_events' }),
        expect.objectContaining({ table: 'email_messages' }),
      ]),
    );
    expect(await scanDatabase(name)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'case_notes' }),
        expect.objectContaining({ table: 'tasks' }),
        expect.objectContaining({ table: 'question_progress', column: 'comment' }),
        expect.objectContaining({ table: 'dspt_reconciliation_resolutions', column: 'reason' }),
        expect.objectContaining({ table: 'provider_transfer_requests', column: 'note' }),
      ]),
    );
    expect(await scanDatabase(email)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'provider_transfer_requests', column: 'decline_reason' }),
      ]),
    );

    expect((await adviser.post(path(`/providers/${provider.id}/contacts/${contactId}/erasure`), {})).status).toBe(403);
    const erased = await admin.post(path(`/providers/${provider.id}/contacts/${contactId}/erasure`), {});
    expect(erased.status).toBe(200);
    const result = erased.body as ErasureResult;
    expect(result).toMatchObject({
      providersDeleted: 0,
      contactsDeleted: 2,
      emailsRedacted: 1,
      notesRedacted: 2,
      tasksRedacted: 1,
    });
    expect(result.pseudonyms).toEqual([expect.stringMatching(/^ds1:[0-9a-f]{64}$/)]);
    expect(result.auditEventsRedacted).toBeGreaterThanOrEqual(3);

    // Only the other LSP's own contact row still holds the address; the name is nowhere.
    expect(await scanDatabase(email)).toEqual([{ table: 'provider_contacts', column: 'email', rows: 1 }]);
    const [kept] = await api.fixtures.owner.query(`SELECT tenant_id FROM provider_contacts WHERE id = $1`, [
      elsewhere.contactId,
    ]);
    expect(kept.tenant_id).toBe(other.id);
    expect(await scanDatabase(name)).toEqual([]);
    expect(await scanRedis(email)).toEqual([]);

    // What is left says what happened without saying who.
    const notes = (await adviser.get(path(`/providers/${provider.id}/notes`))).body.items as Array<{ body: string }>;
    expect(notes.map((note) => note.body)).toEqual(
      expect.arrayContaining([
        'Called [erased] ([erased]) about 4.1.1',
        expect.stringMatching(/^Guidance email to \[erased\] <\[erased\]> listing/),
      ]),
    );
    const [email_row] = await api.fixtures.owner.query(
      `SELECT status, to_email, to_name, personal_message, last_error FROM email_messages WHERE id = $1`,
      [sent.body.id],
    );
    expect(email_row).toEqual({
      status: 'sent',
      to_email: '[erased]',
      to_name: '[erased]',
      personal_message: 'Lovely to meet you, [erased].',
      last_error: '450 <[erased]>: mailbox busy (an earlier try)',
    });
    const events: Array<{ action: string; target_id: string; after: Record<string, unknown> | null }> =
      await api.fixtures.owner.query(
        `SELECT action, target_id, after FROM audit_events WHERE tenant_id = $1 AND action LIKE 'contact.%' ORDER BY occurred_at`,
        [tenant.id],
      );
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['contact.created', 'contact.updated', 'contact.unsubscribed', 'contact.erased']),
    );
    expect(
      events.find((event) => event.action === 'contact.created' && event.target_id === contactId)?.after,
    ).toMatchObject({ name: '[erased]', email: '[erased]', role: 'owner' });
    expect(events.at(-1)).toMatchObject({
      action: 'contact.erased',
      target_id: contactId,
      after: { person: result.pseudonyms[0], contactsDeleted: 2 },
    });
    expect(
      (
        await api.fixtures.owner.query(`SELECT id FROM provider_contacts WHERE email = $1 AND tenant_id = $2`, [
          email,
          tenant.id,
        ])
      ).length,
    ).toBe(0);
    // The provider's own other contact is untouched.
    expect(
      (await api.fixtures.owner.query(`SELECT id FROM provider_contacts WHERE id = $1`, [provider.contactId])).length,
    ).toBe(1);
    // A second request for the erased contact finds nothing.
    expect((await admin.post(path(`/providers/${provider.id}/contacts/${contactId}/erasure`), {})).status).toBe(404);
  });

  it('erases a provider leaving the programme, with its branches and every row they own, after confirming its ODS code', async () => {
    const hex = randomBytes(3).toString('hex');
    const hq = await api.fixtures.provider(tenant, { kind: 'hq', name: `Quillfeather Care Group ${hex}` });
    const branch = await api.fixtures.provider(tenant, {
      kind: 'branch',
      parentId: hq.id,
      name: `Quillfeather Lodge ${hex}`,
    });
    const neighbour = await api.provider(tenant, { label: 'neighbour' });
    const person = { name: `Ottoline Brackenbury${hex}`, email: `ottoline.${hex}@leaving.test` };
    expect((await admin.post(path(`/providers/${hq.id}/contacts`), { ...person, role: 'owner' })).status).toBe(201);
    expect(
      (
        await admin.post(path(`/providers/${branch.id}/contacts`), {
          name: 'Branch Manager',
          email: `branch.${hex}@leaving.test`,
          role: 'registered_manager',
        })
      ).status,
    ).toBe(201);
    expect(
      (await adviser.post(path(`/providers/${hq.id}/notes`), { kind: 'visit', body: `Visited ${person.name}` })).status,
    ).toBe(201);
    expect(
      (await adviser.post(path(`/providers/${branch.id}/tasks`), { title: 'Chase the branch', dueOn: '2041-12-01' }))
        .status,
    ).toBe(201);
    expect(
      (
        await adviser.post(path(`/providers/${neighbour.id}/notes`), {
          kind: 'call',
          body: `${person.email} recommended us`,
        })
      ).status,
    ).toBe(201);
    // Someone who is also a contact of a provider that stays: that provider's record keeps them.
    const shared = { name: `Shared Person${hex}`, email: `shared.${hex}@stays.test`, role: 'owner' };
    expect((await admin.post(path(`/providers/${hq.id}/contacts`), shared)).status).toBe(201);
    expect((await admin.post(path(`/providers/${neighbour.id}/contacts`), shared)).status).toBe(201);
    const { odsCode } = hq;

    const refused = await admin.post(path(`/providers/${hq.id}/erasure`), { confirmOdsCode: 'VNOPE' });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'confirmOdsCode' })]);
    expect((await admin.post(path(`/providers/${hq.id}/erasure`), {})).body.details[0].field).toBe('confirmOdsCode');
    expect((await adviser.post(path(`/providers/${hq.id}/erasure`), { confirmOdsCode: odsCode })).status).toBe(403);

    const erased = await admin.post(path(`/providers/${hq.id}/erasure`), { confirmOdsCode: odsCode.toLowerCase() });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ providersDeleted: 2, contactsDeleted: 3, notesRedacted: 2 });

    for (const needle of [
      person.email,
      person.name,
      `branch.${hex}@leaving.test`,
      `Quillfeather Care Group ${hex}`,
      `Quillfeather Lodge ${hex}`,
    ]) {
      expect({ needle, hits: await scanDatabase(needle) }).toEqual({ needle, hits: [] });
    }
    const [stays] = await api.fixtures.owner.query(
      `SELECT name, email FROM provider_contacts WHERE provider_id = $1 AND email = $2`,
      [neighbour.id, shared.email],
    );
    expect(stays).toEqual({ name: shared.name, email: shared.email });
    const sharedEvents: Array<{ after: { email?: string } }> = await api.fixtures.owner.query(
      `SELECT after FROM audit_events WHERE action = 'contact.created' AND target_id = ANY ($1::text[]) ORDER BY occurred_at`,
      [
        (await api.fixtures.owner.query(`SELECT id FROM provider_contacts WHERE provider_id = $1`, [neighbour.id])).map(
          (row: { id: string }) => row.id,
        ),
      ],
    );
    expect(sharedEvents.map((event) => event.after.email)).toContain(shared.email);
    // Its ODS code stays only in the event recording the erasure.
    expect(await scanDatabase(odsCode)).toEqual([{ table: 'audit_events', column: 'after', rows: 1 }]);
    const tables: Array<{ table_name: string }> = await api.fixtures.owner.query(
      // Every table that points at our providers (the CQC register's provider_id is CQC's own text id).
      `SELECT table_name FROM information_schema.columns
       WHERE column_name = 'provider_id' AND data_type = 'uuid' AND table_schema = 'public'`,
    );
    for (const { table_name } of tables) {
      const [{ n }] = await api.fixtures.owner.query(
        `SELECT count(*)::int AS n FROM ${table_name} WHERE provider_id = ANY ($1::uuid[])`,
        [[hq.id, branch.id]],
      );
      expect({ table_name, n }).toEqual({ table_name, n: 0 });
    }
    const [event] = await api.fixtures.owner.query(
      `SELECT after FROM audit_events WHERE action = 'provider.erased' AND target_id = $1`,
      [hq.id],
    );
    expect(event.after).toMatchObject({
      odsCode,
      providersDeleted: 2,
      people: expect.arrayContaining([expect.stringMatching(/^ds1:/)]),
    });
    expect((await admin.get(path(`/providers/${hq.id}`))).status).toBe(404);
  });

  it('erases a short name from a transfer note typed at its 500-character cap, though "[erased]" is longer', async () => {
    const provider = await api.provider(tenant, { label: 'capped' });
    await api.fixtures.owner.query(`UPDATE provider_contacts SET name = 'Ann Lee' WHERE id = $1`, [provider.contactId]);
    const note = `${'Ann Lee '.repeat(62)}done`;
    expect(note).toHaveLength(500);
    const [request] = await api.fixtures.owner.query(
      `INSERT INTO provider_transfer_requests (from_tenant_id, to_tenant_id, provider_id, ods_code, provider_name, note)
       VALUES ($1, $2, $3, $4, 'Capped', $5) RETURNING id`,
      [tenant.id, other.id, provider.id, provider.odsCode, note],
    );

    const erased = await admin.post(path(`/providers/${provider.id}/contacts/${provider.contactId}/erasure`), {});
    expect(erased.status).toBe(200);
    const [row] = await api.fixtures.owner.query(`SELECT note FROM provider_transfer_requests WHERE id = $1`, [
      request.id,
    ]);
    expect(row.note).toBe(`${'[erased] '.repeat(62)}done`);
  });

  it('scrubs the audit trail by the same rule as libs/domain, and only for people of the LSP it runs in', async () => {
    for (const example of REDACTION_EXAMPLES) {
      const [{ redacted }] = await api.fixtures.owner.query(`SELECT privacy_redact_text($1, $2::text[]) AS redacted`, [
        example.text,
        example.identifiers,
      ]);
      expect({ text: example.text, redacted }).toEqual({ text: example.text, redacted: example.expected });
    }
    const [{ json }] = await api.fixtures.owner.query(
      `SELECT privacy_redact_json('{"name": "Ann Lee", "list": ["ann lee", 3, null], "ann lee": {"deep": "Mrs Ann Lee"}}'::jsonb, '{Ann Lee}') AS json`,
    );
    expect(json).toEqual({ name: '[erased]', list: ['[erased]', 3, null], '[erased]': { deep: 'Mrs [erased]' } });

    const elsewhere = await api.provider(other, { label: 'foreign' });
    const refusal = await api.fixtures.owner
      .query(`SELECT set_config('app.tenant_id', $1, false), erase_from_audit_trail(NULL, ARRAY[$2::uuid])`, [
        tenant.id,
        elsewhere.contactId,
      ])
      .catch((error: Error) => error.message);
    expect(refusal).toMatch(/No such contact in this LSP/);
    const [{ grantees }] = await api.fixtures.owner.query(
      `SELECT array_agg(CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE acl.grantee::regrole::text END) AS grantees
       FROM pg_proc p, aclexplode(p.proacl) acl
       WHERE p.proname = 'erase_from_audit_trail' AND acl.privilege_type = 'EXECUTE' AND acl.grantee <> p.proowner`,
    );
    expect(grantees).toEqual(['dspt_app']);
  });
});
