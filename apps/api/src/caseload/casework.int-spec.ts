import type { ApiErrorBody, CaseNote, CaseNoteList, Task, TaskList } from '@dspt/contracts';
import { londonDate } from '@dspt/server/platform';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import { randomUUID } from 'node:crypto';
import { useTestApi } from '../testing/use-test-api';

const DAY_MS = 86_400_000;

/** Today in Europe/London moved by `days`, as YYYY-MM-DD (the api's Clock is the real one). */
function day(days: number): string {
  const today = londonDate(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString();
}

describe('casework: case notes and tasks', () => {
  const api = useTestApi();
  let tenant: FixtureTenant;
  let adviserUser: FixtureUser;
  let adviser: ApiClient;
  let adminUser: FixtureUser;
  let admin: ApiClient;
  let viewerUser: FixtureUser;
  let viewer: ApiClient;

  const notesUrl = (providerId: string) => `/api/tenants/${tenant.slug}/providers/${providerId}/notes`;
  const providerTasksUrl = (providerId: string) => `/api/tenants/${tenant.slug}/providers/${providerId}/tasks`;
  const tasksUrl = (query = '') => `/api/tenants/${tenant.slug}/tasks${query}`;
  const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);

  async function lastContact(providerId: string): Promise<string | null> {
    const [row] = await api.fixtures.owner.query(`SELECT last_contact_at, version FROM providers WHERE id = $1`, [
      providerId,
    ]);
    expect(row.version).toBe(1);
    return row.last_contact_at ? new Date(row.last_contact_at).toISOString() : null;
  }

  async function auditActions(providerId: string): Promise<string[]> {
    const rows: Array<{ action: string }> = await api.fixtures.owner.query(
      `SELECT action FROM audit_events WHERE tenant_id = $1 AND target_type = 'provider' AND target_id = $2 ORDER BY occurred_at`,
      [tenant.id, providerId],
    );
    return rows.map((row) => row.action);
  }

  /** A task written straight to the database: the api refuses due days in the past. */
  async function insertTask(
    providerId: string,
    title: string,
    dueOn: string,
    assigneeId: string | null,
    done = false,
  ): Promise<string> {
    const [row] = await api.fixtures.owner.query(
      `INSERT INTO tasks (tenant_id, provider_id, assignee_id, title, due_on, done_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [tenant.id, providerId, assigneeId, title, dueOn, done ? new Date() : null],
    );
    return row.id;
  }

  beforeAll(async () => {
    tenant = await api.fixtures.tenant('casework');
    adviserUser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    adminUser = await api.fixtures.member(tenant, 'admin', { mfa: true });
    viewerUser = await api.fixtures.member(tenant, 'viewer', { mfa: true });
    [adviser, admin, viewer] = [await signIn(adviserUser), await signIn(adminUser), await signIn(viewerUser)];
  });

  describe('case notes', () => {
    it("keeps a timeline newest first, and the latest contact as the provider's last contact", async () => {
      const provider = await api.fixtures.provider(tenant);
      expect(await lastContact(provider.id)).toBeNull();

      const call = await adviser.post(notesUrl(provider.id), {
        kind: 'call',
        body: '  Called the manager about 4.1.1  ',
        occurredAt: hoursAgo(48),
      });
      expect(call.status).toBe(201);
      expect(call.body as CaseNote).toEqual({
        id: expect.any(String),
        kind: 'call',
        body: 'Called the manager about 4.1.1',
        occurredAt: expect.any(String),
        author: { id: adviserUser.id, displayName: 'Test adviser' },
      });
      const callAt = (call.body as CaseNote).occurredAt;
      expect(Math.abs(Date.parse(callAt) - (Date.now() - 48 * 3_600_000))).toBeLessThan(60_000);
      expect(await lastContact(provider.id)).toBe(callAt);

      // A backdated visit goes into the timeline but does not move the last contact back.
      const visit = await admin.post(notesUrl(provider.id), {
        kind: 'visit',
        body: 'Site visit last week',
        occurredAt: hoursAgo(24 * 7),
      });
      expect(visit.status).toBe(201);
      expect(await lastContact(provider.id)).toBe(callAt);

      // Left out, occurredAt is now: the newest contact.
      const email = await adviser.post(notesUrl(provider.id), { kind: 'email', body: 'Sent the guidance on 3.2.1' });
      expect(email.status).toBe(201);
      const emailAt = (email.body as CaseNote).occurredAt;
      expect(Math.abs(Date.parse(emailAt) - Date.now())).toBeLessThan(60_000);
      expect(await lastContact(provider.id)).toBe(emailAt);

      const list = await viewer.get(notesUrl(provider.id));
      expect(list.status).toBe(200);
      expect((list.body as CaseNoteList).items.map((note) => [note.kind, note.author?.displayName])).toEqual([
        ['email', 'Test adviser'],
        ['call', 'Test adviser'],
        ['visit', 'Test admin'],
      ]);
      expect(await auditActions(provider.id)).toEqual(['note.created', 'note.created', 'note.created']);
      const [audit] = await api.fixtures.owner.query(
        `SELECT actor_user_id, after FROM audit_events WHERE action = 'note.created' AND after->>'noteId' = $1`,
        [(call.body as CaseNote).id],
      );
      expect(audit).toEqual({
        actor_user_id: adviserUser.id,
        after: { noteId: (call.body as CaseNote).id, kind: 'call', occurredAt: callAt },
      });
    });

    it('accepts every kind of note and refuses bad ones, naming each field', async () => {
      const provider = await api.fixtures.provider(tenant);
      for (const kind of ['call', 'email', 'meeting', 'visit', 'note']) {
        expect((await adviser.post(notesUrl(provider.id), { kind, body: `A ${kind}` })).status).toBe(201);
      }
      const cases: Array<[object, string[]]> = [
        [{ kind: 'letter', body: 'Posted a letter' }, ['kind']],
        [{ kind: 'call', body: '   ' }, ['body']],
        [{ kind: 'call', body: 'x'.repeat(10_001) }, ['body']],
        [{ kind: 'call', body: 'Tomorrow', occurredAt: new Date(Date.now() + DAY_MS).toISOString() }, ['occurredAt']],
        [{ kind: 'call', body: 'No zone', occurredAt: '2026-03-01T10:30:00' }, ['occurredAt']],
        [{ kind: 'call', body: 'Not a date', occurredAt: 'yesterday' }, ['occurredAt']],
        [{}, ['kind', 'body']],
      ];
      for (const [body, fields] of cases) {
        const response = await adviser.post(notesUrl(provider.id), body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect({
          body,
          fields: [...new Set((response.body as ApiErrorBody).details?.map((detail) => detail.field))],
        }).toEqual({ body, fields });
      }
      const [{ n }] = await api.fixtures.owner.query(
        `SELECT count(*)::int AS n FROM case_notes WHERE provider_id = $1`,
        [provider.id],
      );
      expect(n).toBe(5);

      const unknown = await adviser.post(notesUrl(randomUUID()), { kind: 'call', body: 'Nobody' });
      expect(unknown.status).toBe(404);
      expect((unknown.body as ApiErrorBody).message).toBe('Provider not found');
    });
  });

  describe('tasks', () => {
    it('creates a task (assigned to its author unless said), changes and completes it, auditing each step', async () => {
      const provider = await api.fixtures.provider(tenant, { name: 'Birch House' });
      const created = await adviser.post(providerTasksUrl(provider.id), {
        title: ' Chase the staff list ',
        dueOn: day(7),
      });
      expect(created.status).toBe(201);
      const task = created.body as Task;
      expect(task).toEqual({
        id: expect.any(String),
        providerId: provider.id,
        providerName: 'Birch House',
        title: 'Chase the staff list',
        dueOn: day(7),
        overdue: false,
        doneAt: null,
        assignee: { id: adviserUser.id, displayName: 'Test adviser' },
      });

      const reassigned = await adviser.patch(tasksUrl(`/${task.id}`), {
        assigneeId: adminUser.id,
        dueOn: day(3),
        title: 'Chase the staff list (4.1.1)',
      });
      expect(reassigned.status).toBe(200);
      expect(reassigned.body).toMatchObject({
        title: 'Chase the staff list (4.1.1)',
        dueOn: day(3),
        assignee: { id: adminUser.id, displayName: 'Test admin' },
      });

      const done = await admin.patch(tasksUrl(`/${task.id}`), { done: true });
      expect(done.status).toBe(200);
      expect(Math.abs(Date.parse((done.body as Task).doneAt ?? '') - Date.now())).toBeLessThan(60_000);
      // Nothing to change: no event.
      expect((await admin.patch(tasksUrl(`/${task.id}`), { done: true })).status).toBe(200);

      const unassigned = await admin.patch(tasksUrl(`/${task.id}`), { done: false, assigneeId: null });
      expect(unassigned.body).toMatchObject({ doneAt: null, assignee: null });

      const [row] = await api.fixtures.owner.query(
        `SELECT title, due_on::text, assignee_id, done_at, created_by FROM tasks WHERE id = $1`,
        [task.id],
      );
      expect(row).toEqual({
        title: 'Chase the staff list (4.1.1)',
        due_on: day(3),
        assignee_id: null,
        done_at: null,
        created_by: adviserUser.id,
      });
      expect(await auditActions(provider.id)).toEqual([
        'task.created',
        'task.updated',
        'task.completed',
        'task.updated',
      ]);
      const [update] = await api.fixtures.owner.query(
        `SELECT before, after FROM audit_events WHERE action = 'task.updated' AND target_id = $1 ORDER BY occurred_at LIMIT 1`,
        [provider.id],
      );
      expect(update).toEqual({
        before: { taskId: task.id, title: 'Chase the staff list', dueOn: day(7), assigneeId: adviserUser.id },
        after: { taskId: task.id, title: 'Chase the staff list (4.1.1)', dueOn: day(3), assigneeId: adminUser.id },
      });

      const forProvider = await viewer.get(providerTasksUrl(provider.id));
      expect(forProvider.status).toBe(200);
      expect((forProvider.body as TaskList).items.map((item) => item.id)).toEqual([task.id]);
    });

    it('lists "My tasks" with the overdue ones first, then by due date', async () => {
      // An admin of their own, so no other test's tasks are theirs.
      const ownerUser = await api.fixtures.member(tenant, 'admin', { mfa: true });
      const owner = await signIn(ownerUser);
      const [oak, elm] = [
        await api.fixtures.provider(tenant, { name: 'Oak Lodge' }),
        await api.fixtures.provider(tenant, { name: 'Elm Court' }),
      ];
      const later = (await owner.post(providerTasksUrl(oak.id), { title: 'Later', dueOn: day(10) })).body as Task;
      const today = (await owner.post(providerTasksUrl(elm.id), { title: 'Today', dueOn: day(0) })).body as Task;
      const lateById = {
        week: await insertTask(elm.id, 'A week late', day(-7), ownerUser.id),
        day: await insertTask(oak.id, 'A day late', day(-1), ownerUser.id),
      };
      const doneLate = await insertTask(oak.id, 'Done, was due long ago', day(-30), ownerUser.id, true);
      await insertTask(oak.id, "The adviser's", day(-3), adviserUser.id);

      const mine = await owner.get(tasksUrl());
      expect(mine.status).toBe(200);
      expect((mine.body as TaskList).items.map((item) => [item.title, item.overdue, item.providerName])).toEqual([
        ['A week late', true, 'Elm Court'],
        ['A day late', true, 'Oak Lodge'],
        ['Today', false, 'Elm Court'],
        ['Later', false, 'Oak Lodge'],
      ]);
      expect((mine.body as TaskList).items.map((item) => item.id)).toEqual([
        lateById.week,
        lateById.day,
        today.id,
        later.id,
      ]);

      const doneList = (await owner.get(tasksUrl('?assignee=me&status=done'))).body as TaskList;
      expect(doneList.items.map((item) => [item.id, item.overdue])).toEqual([[doneLate, false]]);

      // Someone else's tasks by id, and everyone's.
      const advisers = (await viewer.get(tasksUrl(`?assignee=${adviserUser.id}`))).body as TaskList;
      expect(advisers.items.map((item) => item.title)).toContain("The adviser's");
      expect(advisers.items.every((item) => item.assignee?.id === adviserUser.id)).toBe(true);
      const everyone = (await viewer.get(tasksUrl('?assignee=all&status=open'))).body as TaskList;
      expect(everyone.items.map((item) => item.title)).toEqual(
        expect.arrayContaining(['A week late', "The adviser's", 'Later']),
      );
      const dueDays = everyone.items.map((item) => item.dueOn);
      expect(dueDays).toEqual([...dueDays].sort());
      // A viewer has no tasks of their own.
      expect(((await viewer.get(tasksUrl())).body as TaskList).items).toEqual([]);

      for (const query of ['?assignee=someone', '?status=late', '?page=2']) {
        const response = await viewer.get(tasksUrl(query));
        expect(response.status).toBe(400);
      }
      expect((await viewer.get(tasksUrl('?assignee=someone'))).body).toMatchObject({
        details: [{ field: 'assignee' }],
      });
    });

    it('assigns tasks only to advisers and admins of the LSP', async () => {
      const provider = await api.fixtures.provider(tenant);
      const elsewhere = await api.fixtures.tenant('elsewhere');
      const outsider = await api.fixtures.member(elsewhere, 'adviser');
      for (const assigneeId of [viewerUser.id, outsider.id, randomUUID()]) {
        const response = await adviser.post(providerTasksUrl(provider.id), {
          title: 'Follow up',
          dueOn: day(1),
          assigneeId,
        });
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({
          details: [{ field: 'assigneeId', message: 'assigneeId must be an adviser or admin of this LSP' }],
        });
      }
      const task = (
        await adviser.post(providerTasksUrl(provider.id), { title: 'Follow up', dueOn: day(1), assigneeId: null })
      ).body as Task;
      expect(task.assignee).toBeNull();
      const patch = await adviser.patch(tasksUrl(`/${task.id}`), { assigneeId: viewerUser.id });
      expect(patch.status).toBe(400);
      expect(patch.body).toMatchObject({ details: [{ field: 'assigneeId' }] });
      const [row] = await api.fixtures.owner.query(`SELECT assignee_id FROM tasks WHERE id = $1`, [task.id]);
      expect(row.assignee_id).toBeNull();
    });

    it('validates tasks, naming each bad field', async () => {
      const provider = await api.fixtures.provider(tenant);
      const cases: Array<[object, string[]]> = [
        [{ title: 'Late already', dueOn: day(-1) }, ['dueOn']],
        [{ title: 'No such day', dueOn: '2026-02-30' }, ['dueOn']],
        [{ title: '  ', dueOn: day(1) }, ['title']],
        [{ title: 'Bad assignee', dueOn: day(1), assigneeId: 'me' }, ['assigneeId']],
        [{}, ['title', 'dueOn']],
      ];
      for (const [body, fields] of cases) {
        const response = await adviser.post(providerTasksUrl(provider.id), body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect({
          body,
          fields: [...new Set((response.body as ApiErrorBody).details?.map((detail) => detail.field))],
        }).toEqual({ body, fields });
      }
      const task = (await adviser.post(providerTasksUrl(provider.id), { title: 'Valid', dueOn: day(2) })).body as Task;
      const patches: Array<[object, string[]]> = [
        [{ done: 'yes' }, ['done']],
        [{ title: null }, ['title']],
        [{ dueOn: day(-2) }, ['dueOn']],
        [{ providerId: randomUUID() }, ['providerId']],
      ];
      for (const [body, fields] of patches) {
        const response = await adviser.patch(tasksUrl(`/${task.id}`), body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect({
          body,
          fields: [...new Set((response.body as ApiErrorBody).details?.map((detail) => detail.field))],
        }).toEqual({ body, fields });
      }
      const unknown = await adviser.patch(tasksUrl(`/${randomUUID()}`), { done: true });
      expect(unknown.status).toBe(404);
      expect((unknown.body as ApiErrorBody).message).toBe('Task not found');
      const [{ n }] = await api.fixtures.owner.query(`SELECT count(*)::int AS n FROM tasks WHERE provider_id = $1`, [
        provider.id,
      ]);
      expect(n).toBe(1);
    });
  });

  it('lets a viewer read but change nothing', async () => {
    const provider = await api.fixtures.provider(tenant);
    const taskId = await insertTask(provider.id, 'Viewer cannot touch', day(1), adviserUser.id);
    expect((await viewer.get(notesUrl(provider.id))).status).toBe(200);
    expect((await viewer.get(providerTasksUrl(provider.id))).status).toBe(200);
    expect((await viewer.post(notesUrl(provider.id), { kind: 'call', body: 'Viewer call' })).status).toBe(403);
    expect((await viewer.post(providerTasksUrl(provider.id), { title: 'Viewer task', dueOn: day(1) })).status).toBe(
      403,
    );
    expect((await viewer.patch(tasksUrl(`/${taskId}`), { done: true })).status).toBe(403);
    const [counts] = await api.fixtures.owner.query(
      `SELECT (SELECT count(*)::int FROM case_notes WHERE provider_id = $1) AS notes, (SELECT count(*)::int FROM tasks WHERE provider_id = $1) AS tasks,
              (SELECT done_at FROM tasks WHERE id = $2) AS done_at`,
      [provider.id, taskId],
    );
    expect(counts).toEqual({ notes: 0, tasks: 1, done_at: null });
    expect(await lastContact(provider.id)).toBeNull();
  });
});
