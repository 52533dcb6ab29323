import type { CycleList } from '@dspt/contracts';
import { ApiClient, type FixtureUser } from '@dspt/server/testing';
import { useTestApi } from '../testing/use-test-api';

const HEADER = 'Code,Section,Title,Level,CE_Plus_Skippable';
const GOOD = `${HEADER}\n1.1.5,Staffing and Roles,Senior person,AS,no\n9.1.1,IT Systems and Devices,Unsupported software,SM,yes\n7.1.1,Data Security,Optional item,none,\n`;

describe('assessment cycles and question-set imports (system admin)', () => {
  const api = useTestApi();
  let admin: ApiClient;

  beforeAll(async () => {
    const user = await api.fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true });
    admin = await new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
  });

  function upload(code: string, content: string | Buffer, filename = 'questions.csv') {
    return admin.upload('PUT', `/api/admin/cycles/${code}/questions`, content, filename);
  }

  async function questionsOf(
    code: string,
  ): Promise<Array<{ code: string; level: string; ce_plus_skippable: boolean; position: number }>> {
    return api.fixtures.owner.query(
      `SELECT q.code, q.level, q.ce_plus_skippable, q.position FROM questions q JOIN assessment_cycles c ON c.id = q.cycle_id
       WHERE c.code = $1 ORDER BY q.position`,
      [code],
    );
  }

  it('creates a cycle with dates from its code, then imports its question set', async () => {
    const created = await admin.post('/api/admin/cycles', { code: '2030-31' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      code: '2030-31',
      startsOn: '2030-07-01',
      deadline: '2031-06-30',
      questions: 0,
      mandatory: 0,
      inUse: false,
      current: false,
      chosenAsCurrent: false,
    });
    expect((await admin.post('/api/admin/cycles', { code: '2030-31' })).status).toBe(409);
    const bad = await admin.post('/api/admin/cycles', { code: '2030-32' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('code');

    const imported = await upload('2030-31', GOOD);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ cycle: '2030-31', questions: 3, mandatory: 2, replaced: 0 });
    expect(await questionsOf('2030-31')).toEqual([
      { code: '1.1.5', level: 'AS', ce_plus_skippable: false, position: 0 },
      { code: '9.1.1', level: 'SM', ce_plus_skippable: true, position: 1 },
      { code: '7.1.1', level: 'none', ce_plus_skippable: false, position: 2 },
    ]);
    const list = (await admin.get('/api/admin/cycles')).body as CycleList;
    expect(list.items.find((cycle) => cycle.code === '2030-31')).toMatchObject({
      questions: 3,
      mandatory: 2,
      inUse: false,
    });
  });

  it('creates a cycle with its own deadline, and moves a deadline, naming a bad one', async () => {
    const created = await admin.post('/api/admin/cycles', { code: '2033-34', deadline: '2034-09-30' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: '2033-34', startsOn: '2033-07-01', deadline: '2034-09-30' });
    const early = await admin.post('/api/admin/cycles', { code: '2034-35', deadline: '2034-06-30' });
    expect(early.status).toBe(400);
    expect(early.body.details).toEqual([
      { field: 'deadline', message: "deadline must be after the cycle's first day, 2034-07-01" },
    ]);

    const [{ revision: before }] = await api.fixtures.owner.query(
      `SELECT revision FROM assessment_cycles WHERE code = '2033-34'`,
    );
    const moved = await admin.send('PATCH', '/api/admin/cycles/2033-34', { deadline: '2034-07-31' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ code: '2033-34', deadline: '2034-07-31' });
    const [row] = await api.fixtures.owner.query(
      `SELECT to_char(deadline, 'YYYY-MM-DD') AS deadline, revision FROM assessment_cycles WHERE code = '2033-34'`,
    );
    expect(row).toEqual({ deadline: '2034-07-31', revision: before + 1 });
    const audit = await api.fixtures.owner.query(
      `SELECT before, after FROM audit_events WHERE action = 'cycle.deadline_changed' AND target_id = '2033-34'`,
    );
    expect(audit).toEqual([{ before: { deadline: '2034-09-30' }, after: { deadline: '2034-07-31' } }]);

    for (const [deadline, field] of [
      ['2035-01-01', 'deadline'],
      ['31/07/2034', 'deadline'],
      ['2034-02-30', 'deadline'],
    ] as const) {
      const bad = await admin.send('PATCH', '/api/admin/cycles/2033-34', { deadline });
      expect({
        deadline,
        status: bad.status,
        fields: bad.body.details?.map((detail: { field: string }) => detail.field),
      }).toEqual({ deadline, status: 400, fields: [field] });
    }
    expect((await admin.send('PATCH', '/api/admin/cycles/2099-00', { deadline: '2100-06-30' })).status).toBe(404);
  });

  it('makes a cycle current whatever the date, for every reader of the current cycle, and back to the date', async () => {
    const choose = (client: ApiClient, code: unknown) => client.send('PUT', '/api/admin/cycles/current', { code });
    await admin.post('/api/admin/cycles', { code: '2040-41' });
    await admin.post('/api/admin/cycles', { code: '2041-42' });
    const tenant = await api.fixtures.tenant();
    const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
    const lspAdmin = await signIn(await api.fixtures.member(tenant, 'admin', { mfa: true }));
    const lead = await signIn(await api.fixtures.user({ label: 'lead', globalRole: 'programme_lead', mfa: true }));

    expect((await choose(lspAdmin, '2040-41')).status).toBe(403);
    expect((await choose(lead, '2040-41')).status).toBe(403);
    for (const code of ['soon', 2040, undefined]) {
      const bad = await choose(admin, code);
      expect({
        code,
        status: bad.status,
        fields: [...new Set(bad.body.details?.map((detail: { field: string }) => detail.field))],
      }).toEqual({ code, status: 400, fields: ['code'] });
    }
    expect((await choose(admin, '2090-91')).status).toBe(404);

    const chosen = await choose(admin, '2040-41');
    expect(chosen.status).toBe(200);
    expect((chosen.body as CycleList).items.filter((cycle) => cycle.current)).toEqual([
      expect.objectContaining({ code: '2040-41', current: true, chosenAsCurrent: true }),
    ]);
    // The LSP's reminder steps default to the chosen cycle, as every other reader of "the current cycle" does.
    const cadence = await lspAdmin.get(`/api/tenants/${tenant.slug}/reminders/cadence`);
    expect(cadence.body.cycle).toBe('2040-41');

    // Choosing another moves the choice: there is never more than one.
    const moved = (await choose(admin, '2041-42')).body as CycleList;
    expect(moved.items.filter((cycle) => cycle.chosenAsCurrent).map((cycle) => cycle.code)).toEqual(['2041-42']);
    await expect(
      api.fixtures.owner.query(`UPDATE assessment_cycles SET is_current = true WHERE code = '2040-41'`),
    ).rejects.toThrow(/uq_assessment_cycles_one_current/);
    const audit = await api.fixtures.owner.query(
      `SELECT before, after FROM audit_events WHERE action = 'cycle.current_chosen' ORDER BY occurred_at`,
    );
    expect(audit).toEqual([
      { before: { chosen: null }, after: { chosen: '2040-41' } },
      { before: { chosen: '2040-41' }, after: { chosen: '2041-42' } },
    ]);

    // Null lets the date decide again (and leaves the other tests the date's cycle).
    const back = (await choose(admin, null)).body as CycleList;
    expect(back.items.some((cycle) => cycle.chosenAsCurrent)).toBe(false);
    expect(back.items.find((cycle) => cycle.code === '2041-42')?.current).toBe(false);
  });

  it('previews an import with ?dryRun=true: what it would add, remove and change, saving nothing', async () => {
    await admin.post('/api/admin/cycles', { code: '2035-36' });
    expect((await upload('2035-36', GOOD)).status).toBe(200);
    const next = `${HEADER}\n1.1.5,Staffing and Roles,Senior person,AS,no\n9.1.1,IT Systems and Devices,Unsupported software and devices,SM,yes\n2.1.1,Data Security,New item,AS,no\n`;
    const preview = await admin.upload('PUT', '/api/admin/cycles/2035-36/questions?dryRun=true', next, 'questions.csv');
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      cycle: '2035-36',
      questions: 3,
      mandatory: 3,
      replaced: 3,
      dryRun: true,
      changes: { added: ['2.1.1'], removed: ['7.1.1'], changed: ['9.1.1'], unchanged: 1 },
    });
    expect((await questionsOf('2035-36')).map((question) => question.code)).toEqual(['1.1.5', '9.1.1', '7.1.1']);

    const bad = await admin.upload(
      'PUT',
      '/api/admin/cycles/2035-36/questions?dryRun=true',
      `${HEADER}\n1.1.5,,A,XX,no\n`,
      'questions.csv',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { row: 2, field: 'section', message: 'section is empty' },
      { row: 2, field: 'level', message: '"XX" is not a level: use AS, SM or none' },
    ]);
    expect(
      (await admin.upload('PUT', '/api/admin/cycles/2035-36/questions?dryRun=maybe', next, 'questions.csv')).status,
    ).toBe(400);

    const saved = await upload('2035-36', next);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      questions: 3,
      replaced: 3,
      changes: { added: ['2.1.1'], removed: ['7.1.1'], changed: ['9.1.1'], unchanged: 1 },
    });
    expect((await questionsOf('2035-36')).map((question) => question.code)).toEqual(['1.1.5', '9.1.1', '2.1.1']);
  });

  it('refuses a bad file whole, naming every row and field, and keeps the previous set', async () => {
    await admin.post('/api/admin/cycles', { code: '2031-32' });
    expect((await upload('2031-32', GOOD)).status).toBe(200);
    const response = await upload('2031-32', `${HEADER}\n1.1.5,Staffing,A,AS,no\n1.1.5,,B,XX,maybe\n`);
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('4 problems in the file: nothing was imported');
    expect(response.body.details).toEqual([
      { row: 3, field: 'code', message: '1.1.5 is already on row 2' },
      { row: 3, field: 'section', message: 'section is empty' },
      { row: 3, field: 'level', message: '"XX" is not a level: use AS, SM or none' },
      { row: 3, field: 'ce_plus_skippable', message: '"maybe" is not yes or no' },
    ]);
    expect(await questionsOf('2031-32')).toHaveLength(3);

    for (const [content, filename, message] of [
      ['code,colour\n1.1.5,red\n', 'q.csv', 'The header row is not right'],
      ['', 'q.csv', 'The file is empty'],
      ['not a workbook', 'q.xlsx', 'is not an XLSX workbook'],
    ] as const) {
      const refused = await upload('2031-32', content, filename);
      expect({ filename, status: refused.status }).toEqual({ filename, status: 400 });
      expect(refused.body.message).toContain(message);
    }
    const huge = await upload('2031-32', Buffer.alloc(20 * 1024 * 1024, 'a'), 'huge.csv');
    expect(huge.status).toBe(413);
    expect(await questionsOf('2031-32')).toHaveLength(3);
  });

  it('refuses to replace the question set of a cycle LSPs have started', async () => {
    const tenant = await api.fixtures.tenant();
    const { providerId } = await api.fixtures.caseloadRows(tenant);
    expect(providerId).toBeTruthy();
    const response = await upload('2025-26', GOOD);
    expect(response.status).toBe(409);
    expect(response.body.message).toBe(
      'LSPs have started assessments in 2025-26, so its question set can no longer be replaced',
    );
    const list = (await admin.get('/api/admin/cycles')).body as CycleList;
    expect(list.items.find((cycle) => cycle.code === '2025-26')?.inUse).toBe(true);
  });

  it('offers a template that imports as it is', async () => {
    const csv = await admin.get('/api/admin/cycles/question-set-template?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('question-set-template.csv');
    await admin.post('/api/admin/cycles', { code: '2032-33' });
    expect((await upload('2032-33', csv.text)).body).toMatchObject({ questions: 2, mandatory: 2 });
  });

  it('is for system admins only', async () => {
    const tenant = await api.fixtures.tenant();
    const lspAdmin = await api.fixtures.member(tenant, 'admin', { mfa: true });
    const client = await new ApiClient(api.app).signIn(lspAdmin.email, lspAdmin.password, lspAdmin.totpSecret);
    expect((await client.get('/api/admin/cycles')).status).toBe(403);
    expect((await client.post('/api/admin/cycles', { code: '2033-34' })).status).toBe(403);
    expect((await client.send('PATCH', '/api/admin/cycles/2033-34', { deadline: '2034-07-15' })).status).toBe(403);
    expect(
      (await client.upload('PUT', '/api/admin/cycles/2033-34/questions?dryRun=true', GOOD, 'questions.csv')).status,
    ).toBe(403);
  });
});
