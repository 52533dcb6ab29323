import type { CycleList } from '@dspt/contracts';
import { ApiClient } from '@dspt/server/testing';
import { useTestApi } from './testing/use-test-api';

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

  async function questionsOf(code: string): Promise<Array<{ code: string; level: string; ce_plus_skippable: boolean; position: number }>> {
    return api.fixtures.owner.query(
      `SELECT q.code, q.level, q.ce_plus_skippable, q.position FROM questions q JOIN assessment_cycles c ON c.id = q.cycle_id
       WHERE c.code = $1 ORDER BY q.position`,
      [code],
    );
  }

  it('creates a cycle with dates from its code, then imports its question set', async () => {
    const created = await admin.post('/api/admin/cycles', { code: '2030-31' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: '2030-31', startsOn: '2030-07-01', deadline: '2031-06-30', questions: 0, mandatory: 0, inUse: false });
    expect((await admin.post('/api/admin/cycles', { code: '2030-31' })).status).toBe(409);
    const bad = await admin.post('/api/admin/cycles', { code: '2030-32' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('code');

    const imported = await upload('2030-31', GOOD);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ cycle: '2030-31', questions: 3, mandatory: 2, replaced: 0 });
    expect(await questionsOf('2030-31')).toEqual([
      { code: '1.1.5', level: 'AS', ce_plus_skippable: false, position: 0 },
      { code: '9.1.1', level: 'SM', ce_plus_skippable: true, position: 1 },
      { code: '7.1.1', level: 'none', ce_plus_skippable: false, position: 2 },
    ]);
    const list = (await admin.get('/api/admin/cycles')).body as CycleList;
    expect(list.items.find((cycle) => cycle.code === '2030-31')).toMatchObject({ questions: 3, mandatory: 2, inUse: false });
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
    expect(response.body.message).toBe('LSPs have started assessments in 2025-26, so its question set can no longer be replaced');
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
  });
});
