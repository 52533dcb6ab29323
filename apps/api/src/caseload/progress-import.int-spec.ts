import type { ApiErrorBody, AssessmentView, ProgressImportResult } from '@dspt/contracts';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import ExcelJS from 'exceljs';
import { useTestApi } from '../testing/use-test-api';

const QUESTIONS = [
  { code: '1.1.5', section: 'Staffing and Roles', level: 'AS' },
  { code: '4.1.1', section: 'Staffing and Roles', level: 'AS' },
  { code: '9.1.1', section: 'IT Systems and Devices', level: 'SM', cePlusSkippable: true },
  { code: '7.1.1', section: 'Data Security', level: 'none' },
] as const;
/** A cycle in the past whatever today is; unlikely to be used by other files. */
const CYCLE = '2019-20';

describe("importing one provider's question statuses", () => {
  const api = useTestApi();
  let tenant: FixtureTenant;
  let adviserUser: FixtureUser;
  let adviser: ApiClient;

  beforeAll(async () => {
    await api.fixtures.cycleWithQuestions(CYCLE, [...QUESTIONS]);
    tenant = await api.fixtures.tenant('progress');
    adviserUser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    adviser = await new ApiClient(api.app).signIn(adviserUser.email, adviserUser.password, adviserUser.totpSecret);
  });

  const url = (providerId: string, cycle = CYCLE) =>
    `/api/tenants/${tenant.slug}/providers/${providerId}/assessment/import?cycle=${cycle}`;
  const upload = (providerId: string, content: string | Buffer, filename = 'statuses.csv') =>
    adviser.upload('POST', url(providerId), content, filename);
  const statuses = async (providerId: string) => {
    const view = (await adviser.get(`/api/tenants/${tenant.slug}/providers/${providerId}/assessment?cycle=${CYCLE}`))
      .body as AssessmentView;
    return Object.fromEntries(view.questions.map((question) => [question.code, [question.status, question.comment]]));
  };
  const progressRows = async (providerId: string) =>
    (
      await api.fixtures.owner.query(
        `SELECT count(*)::int AS n FROM question_progress p JOIN assessments a ON a.id = p.assessment_id WHERE a.provider_id = $1`,
        [providerId],
      )
    )[0].n;

  it('sets every listed status with its comment, recalculates progress and status, and audits each change', async () => {
    const { id } = await api.fixtures.provider(tenant);
    const response = await upload(
      id,
      'Code,Status,Comment\n1.1.5,Completed,Policy seen on the visit\n4.1.1,in progress,\n7.1.1,completed,Optional but done\n',
    );
    expect(response.status).toBe(200);
    expect(response.body as ProgressImportResult).toEqual({
      cycle: CYCLE,
      rows: 3,
      changed: 3,
      progress: { completed: 1, total: 3 },
      status: 'in_progress',
    });
    expect(await statuses(id)).toEqual({
      '1.1.5': ['completed', 'Policy seen on the visit'],
      '4.1.1': ['in_progress', null],
      '9.1.1': ['not_started', null],
      '7.1.1': ['completed', 'Optional but done'],
    });
    const events = await api.fixtures.owner.query(
      `SELECT action, after FROM audit_events WHERE tenant_id = $1 AND target_id = $2 ORDER BY occurred_at`,
      [tenant.id, id],
    );
    expect(events.map((event: { action: string }) => event.action)).toEqual([
      'progress.updated',
      'progress.updated',
      'progress.updated',
      'import.progress',
    ]);
    expect(events.at(-1).after).toEqual({ cycle: CYCLE, rows: 3, changed: 3, file: 'statuses.csv' });

    // XLSX too; unchanged rows change nothing, a blank comment keeps the saved one, no comment column is fine.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Statuses').addRows([
      ['code', 'status'],
      ['1.1.5', 'completed'],
      ['4.1.1', 'completed'],
      ['9.1.1', 'completed'],
    ]);
    const again = await upload(id, Buffer.from(await workbook.xlsx.writeBuffer()), 'statuses.xlsx');
    expect(again.body).toEqual({
      cycle: CYCLE,
      rows: 3,
      changed: 2,
      progress: { completed: 3, total: 3 },
      status: 'ready_to_publish',
    });
    expect((await statuses(id))['1.1.5']).toEqual(['completed', 'Policy seen on the visit']);
  });

  it('refuses a bad file whole, naming unknown codes and bad statuses by row; nothing is written', async () => {
    const { id } = await api.fixtures.provider(tenant);
    const response = await upload(
      id,
      'code,status,comment\n1.1.5,completed,ok\n1.2.3,completed,\n4.1.1,done,\n1.1.5,in_progress,\n',
    );
    expect(response.status).toBe(400);
    expect((response.body as ApiErrorBody).message).toBe('3 problems in the file: nothing was imported');
    expect((response.body as ApiErrorBody).details).toEqual([
      { row: 3, field: 'code', message: `There is no question 1.2.3 in cycle ${CYCLE}` },
      { row: 4, field: 'status', message: '"done" is not a status: use not_started, in_progress, completed' },
      { row: 5, field: 'code', message: '1.1.5 is already on row 2' },
    ]);
    expect(await progressRows(id)).toBe(0);
    for (const [content, filename, message] of [
      ['code,colour\n1.1.5,red\n', 's.csv', 'The header row is not right'],
      ['', 's.csv', 'The file is empty'],
      ['not a workbook', 's.xlsx', 'is not an XLSX workbook'],
    ] as const) {
      const refused = await upload(id, content, filename);
      expect({ filename, status: refused.status }).toEqual({ filename, status: 400 });
      expect((refused.body as ApiErrorBody).message).toContain(message);
    }
    expect((await upload(id, Buffer.alloc(20 * 1024 * 1024, 'a'), 'huge.csv')).status).toBe(413);
    expect(await progressRows(id)).toBe(0);
  });

  it("answers 404 for another LSP's provider or an unknown cycle, and 403 to viewers", async () => {
    const other = await api.fixtures.tenant('progress-other');
    const stranger = await api.fixtures.provider(other);
    expect((await upload(stranger.id, 'code,status\n1.1.5,completed\n')).status).toBe(404);
    expect(await progressRows(stranger.id)).toBe(0);
    const { id } = await api.fixtures.provider(tenant);
    const unknownCycle = await adviser.upload('POST', url(id, '2099-00'), 'code,status\n1.1.5,completed\n', 's.csv');
    expect(unknownCycle.status).toBe(404);
    const viewerUser = await api.fixtures.member(tenant, 'viewer', { mfa: true });
    const viewer = await new ApiClient(api.app).signIn(viewerUser.email, viewerUser.password, viewerUser.totpSecret);
    expect((await viewer.upload('POST', url(id), 'code,status\n1.1.5,completed\n', 's.csv')).status).toBe(403);
  });
});
