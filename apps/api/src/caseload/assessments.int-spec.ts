import type {
  ApiErrorBody,
  AssessmentView,
  BlockerList,
  PublicationList,
  PublicationView,
  QuestionProgressResult,
} from '@dspt/contracts';
import { cycleForDate, daysBetween } from '@dspt/domain';
import { londonDate } from '@dspt/server/platform';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import { randomUUID } from 'node:crypto';
import { useTestApi } from '../testing/use-test-api';

/** Seven items in DSPT order (not code order): six mandatory, three of them needed for Approaching Standards. */
const QUESTIONS = [
  { code: '1.1.5', section: 'Staffing and Roles', level: 'AS' },
  { code: '4.1.1', section: 'Staffing and Roles', level: 'AS' },
  { code: '3.2.1', section: 'Staffing and Roles', level: 'SM' },
  { code: '3.3.1', section: 'Staffing and Roles', level: 'none' },
  { code: '1.1.1', section: 'Policies and Procedures', level: 'AS' },
  { code: '9.1.1', section: 'IT Systems and Devices', level: 'SM', cePlusSkippable: true },
  { code: '10.2.1', section: 'IT Systems and Devices', level: 'SM' },
] as const;
const AS_ITEMS = ['1.1.1', '1.1.5', '4.1.1'];
/** Both cycles lie in the past whatever today is, so publications in them are never in the future. */
const CYCLE = '2023-24';
const NEXT_CYCLE = '2024-25';

describe('assessments: progress, blockers and publications', () => {
  const api = useTestApi();
  let tenant: FixtureTenant;
  let adviserUser: FixtureUser;
  let adviser: ApiClient;
  let viewer: ApiClient;

  const base = () => `/api/tenants/${tenant.slug}/providers`;
  const assessmentUrl = (providerId: string, cycle = CYCLE) => `${base()}/${providerId}/assessment?cycle=${cycle}`;
  const questionUrl = (providerId: string, code: string, cycle = CYCLE) =>
    `${base()}/${providerId}/assessment/questions/${code}?cycle=${cycle}`;
  const blockersUrl = (providerId: string, cycle = CYCLE) => `${base()}/${providerId}/blockers?cycle=${cycle}`;
  const publicationsUrl = (providerId: string) => `${base()}/${providerId}/publications`;

  const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);

  async function assessmentRow(providerId: string, cycle = CYCLE) {
    const [row] = await api.fixtures.owner.query(
      `SELECT a.mandatory_completed, a.mandatory_total, a.any_progress, a.status
       FROM assessments a JOIN assessment_cycles c ON c.id = a.cycle_id WHERE a.provider_id = $1 AND c.code = $2`,
      [providerId, cycle],
    );
    return row ?? null;
  }

  async function progressRows(
    providerId: string,
  ): Promise<Array<{ code: string; status: string; comment: string | null; updated_by: string }>> {
    return api.fixtures.owner.query(
      `SELECT q.code, p.status, p.comment, p.updated_by FROM question_progress p
       JOIN assessments a ON a.id = p.assessment_id JOIN questions q ON q.id = p.question_id
       WHERE a.provider_id = $1 ORDER BY q.position`,
      [providerId],
    );
  }

  async function publicationRows(
    providerId: string,
  ): Promise<Array<{ level: string; published_on: string; covered_by_id: string | null }>> {
    return api.fixtures.owner.query(
      `SELECT level, published_on::text, covered_by_id FROM publications WHERE provider_id = $1 ORDER BY published_on, created_at`,
      [providerId],
    );
  }

  async function auditRows(providerId: string, action: string) {
    return api.fixtures.owner.query(
      `SELECT actor_user_id, before, after FROM audit_events WHERE tenant_id = $1 AND target_type = 'provider' AND target_id = $2 AND action = $3
       ORDER BY occurred_at`,
      [tenant.id, providerId, action],
    );
  }

  async function complete(providerId: string, codes: string[], cycle = CYCLE): Promise<void> {
    for (const code of codes) {
      expect((await adviser.put(questionUrl(providerId, code, cycle), { status: 'completed' })).status).toBe(200);
    }
  }

  beforeAll(async () => {
    await api.fixtures.cycleWithQuestions(CYCLE, [...QUESTIONS]);
    await api.fixtures.cycleWithQuestions(NEXT_CYCLE, [...QUESTIONS]);
    tenant = await api.fixtures.tenant('assess');
    adviserUser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    adviser = await signIn(adviserUser);
    viewer = await signIn(await api.fixtures.member(tenant, 'viewer', { mfa: true }));
  });

  describe('progress', () => {
    it('lists every question of the cycle in DSPT order, not started until touched, counting only mandatory items', async () => {
      const provider = await api.fixtures.provider(tenant);
      const response = await viewer.get(assessmentUrl(provider.id));
      expect(response.status).toBe(200);
      const view = response.body as AssessmentView;
      expect(view).toMatchObject({ cycle: CYCLE, deadline: '2024-06-30', progress: { completed: 0, total: 6 } });
      expect(view.questions.map((question) => question.code)).toEqual(QUESTIONS.map((question) => question.code));
      expect(view.questions[0]).toEqual({
        code: '1.1.5',
        section: 'Staffing and Roles',
        title: 'Evidence item 1.1.5',
        level: 'AS',
        mandatory: true,
        cePlusSkippable: false,
        metByCePlus: false,
        status: 'not_started',
        comment: null,
        updatedBy: null,
        updatedAt: null,
      });
      expect(view.questions.filter((question) => question.mandatory).map((question) => question.code)).toEqual([
        '1.1.5',
        '4.1.1',
        '3.2.1',
        '1.1.1',
        '9.1.1',
        '10.2.1',
      ]);
      // Reading writes nothing.
      expect(await assessmentRow(provider.id)).toBeNull();
    });

    it('saves a status with comment, who and when, audits it and recalculates the counts and status', async () => {
      const provider = await api.fixtures.provider(tenant);
      const response = await adviser.put(questionUrl(provider.id, '1.1.5'), {
        status: 'completed',
        comment: '  Named the registered manager  ',
      });
      expect(response.status).toBe(200);
      const result = response.body as QuestionProgressResult;
      expect(result).toEqual({
        question: expect.objectContaining({
          code: '1.1.5',
          status: 'completed',
          comment: 'Named the registered manager',
          updatedBy: 'Test adviser',
          updatedAt: expect.any(String),
        }),
        progress: { completed: 1, total: 6 },
        status: 'in_progress',
      });
      expect(Math.abs(Date.parse(result.question.updatedAt ?? '') - Date.now())).toBeLessThan(60_000);
      expect(await assessmentRow(provider.id)).toEqual({
        mandatory_completed: 1,
        mandatory_total: 6,
        any_progress: true,
        status: 'in_progress',
      });
      expect(await progressRows(provider.id)).toEqual([
        { code: '1.1.5', status: 'completed', comment: 'Named the registered manager', updated_by: adviserUser.id },
      ]);
      expect(await auditRows(provider.id, 'progress.updated')).toEqual([
        {
          actor_user_id: adviserUser.id,
          before: { cycle: CYCLE, code: '1.1.5', status: 'not_started', comment: null },
          after: { cycle: CYCLE, code: '1.1.5', status: 'completed', comment: 'Named the registered manager' },
        },
      ]);

      // The view shows it; an optional item changes no count; saving the same again records nothing.
      const view = (await viewer.get(assessmentUrl(provider.id))).body as AssessmentView;
      expect(view.questions[0]).toMatchObject({
        status: 'completed',
        comment: 'Named the registered manager',
        updatedBy: 'Test adviser',
      });
      expect((await adviser.put(questionUrl(provider.id, '3.3.1'), { status: 'in_progress' })).body).toMatchObject({
        progress: { completed: 1, total: 6 },
      });
      expect((await adviser.put(questionUrl(provider.id, '1.1.5'), { status: 'completed' })).status).toBe(200);
      expect(await auditRows(provider.id, 'progress.updated')).toHaveLength(2);

      // Leaving the comment out keeps it; null clears it; going back to in progress lowers the count.
      const back = await adviser.put(questionUrl(provider.id, '1.1.5'), { status: 'in_progress' });
      expect(back.body).toMatchObject({
        question: { status: 'in_progress', comment: 'Named the registered manager' },
        progress: { completed: 0 },
      });
      const cleared = await adviser.put(questionUrl(provider.id, '1.1.5'), { status: 'in_progress', comment: null });
      expect(cleared.body).toMatchObject({ question: { comment: null }, status: 'in_progress' });
    });

    it('is ready to publish once every mandatory item is complete, optional ones left alone', async () => {
      const provider = await api.fixtures.provider(tenant);
      await complete(provider.id, ['1.1.5', '4.1.1', '3.2.1', '1.1.1', '9.1.1']);
      const last = await adviser.put(questionUrl(provider.id, '10.2.1'), { status: 'completed' });
      expect(last.body).toMatchObject({ progress: { completed: 6, total: 6 }, status: 'ready_to_publish' });
      expect(await assessmentRow(provider.id)).toMatchObject({ mandatory_completed: 6, status: 'ready_to_publish' });
      expect(((await viewer.get(blockersUrl(provider.id))).body as BlockerList).items).toEqual([]);
    });

    it('keeps the counts true when several items are saved at once (no lost updates, no 500)', async () => {
      const provider = await api.fixtures.provider(tenant);
      const codes = ['1.1.5', '4.1.1', '3.2.1', '1.1.1', '9.1.1', '10.2.1'];
      const saveAll = (status: string) =>
        Promise.all(codes.map((code) => adviser.put(questionUrl(provider.id, code), { status })));
      for (const [status, completed] of [
        ['completed', 6],
        ['in_progress', 0],
        ['completed', 6],
      ] as const) {
        const responses = await saveAll(status);
        expect(responses.map((response) => response.status)).toEqual(codes.map(() => 200));
        expect(await assessmentRow(provider.id)).toMatchObject({ mandatory_completed: completed, mandatory_total: 6 });
      }
      expect(await assessmentRow(provider.id)).toMatchObject({ status: 'ready_to_publish' });
    });

    it('counts Cyber Essentials Plus items as met for a provider holding it', async () => {
      const withCePlus = await api.fixtures.provider(tenant, { hasCePlus: true });
      const view = (await viewer.get(assessmentUrl(withCePlus.id))).body as AssessmentView;
      expect(view.progress).toEqual({ completed: 1, total: 6 });
      expect(view.questions.find((question) => question.code === '9.1.1')).toMatchObject({
        cePlusSkippable: true,
        metByCePlus: true,
        status: 'not_started',
      });
      const blockers = (await viewer.get(blockersUrl(withCePlus.id))).body as BlockerList;
      expect(blockers.items.map((item) => item.code)).toEqual(['1.1.1', '1.1.5', '3.2.1', '4.1.1', '10.2.1']);
      const update = await adviser.put(questionUrl(withCePlus.id, '1.1.5'), { status: 'completed' });
      expect(update.body).toMatchObject({ progress: { completed: 2, total: 6 } });
      expect(await assessmentRow(withCePlus.id)).toMatchObject({ mandatory_completed: 2, mandatory_total: 6 });

      // Without CE+ the same item is an ordinary blocker.
      const without = await api.fixtures.provider(tenant);
      const plain = (await viewer.get(assessmentUrl(without.id))).body as AssessmentView;
      expect(plain.progress).toEqual({ completed: 0, total: 6 });
      expect(plain.questions.find((question) => question.code === '9.1.1')).toMatchObject({ metByCePlus: false });
    });

    it('names the blockers in the DSPT words, in DSPT code order, and drops each item once completed', async () => {
      const provider = await api.fixtures.provider(tenant);
      const response = await viewer.get(blockersUrl(provider.id));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        cycle: CYCLE,
        items: [
          {
            code: '1.1.1',
            section: 'Policies and Procedures',
            title: 'Evidence item 1.1.1',
            sentence: 'Please complete mandatory requirement 1.1.1 in the Policies and Procedures section',
          },
          {
            code: '1.1.5',
            section: 'Staffing and Roles',
            title: 'Evidence item 1.1.5',
            sentence: 'Please complete mandatory requirement 1.1.5 in the Staffing and Roles section',
          },
          {
            code: '3.2.1',
            section: 'Staffing and Roles',
            title: 'Evidence item 3.2.1',
            sentence: 'Please complete mandatory requirement 3.2.1 in the Staffing and Roles section',
          },
          {
            code: '4.1.1',
            section: 'Staffing and Roles',
            title: 'Evidence item 4.1.1',
            sentence: 'Please complete mandatory requirement 4.1.1 in the Staffing and Roles section',
          },
          {
            code: '9.1.1',
            section: 'IT Systems and Devices',
            title: 'Evidence item 9.1.1',
            sentence: 'Please complete mandatory requirement 9.1.1 in the IT Systems and Devices section',
          },
          {
            code: '10.2.1',
            section: 'IT Systems and Devices',
            title: 'Evidence item 10.2.1',
            sentence: 'Please complete mandatory requirement 10.2.1 in the IT Systems and Devices section',
          },
        ],
      });
      await complete(provider.id, ['4.1.1']);
      // In progress is not complete.
      await adviser.put(questionUrl(provider.id, '1.1.1'), { status: 'in_progress' });
      const after = (await viewer.get(blockersUrl(provider.id))).body as BlockerList;
      expect(after.items.map((item) => item.code)).toEqual(['1.1.1', '1.1.5', '3.2.1', '9.1.1', '10.2.1']);
    });

    it('uses the current cycle when none is named', async () => {
      const current = cycleForDate(londonDate(new Date())).code;
      await api.fixtures.cycleWithQuestions(current, [{ code: '1.1.5', section: 'Staffing and Roles', level: 'AS' }]);
      const provider = await api.fixtures.provider(tenant);
      const response = await viewer.get(`${base()}/${provider.id}/assessment`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ cycle: current });
      expect((await viewer.get(`${base()}/${provider.id}/blockers`)).body).toMatchObject({ cycle: current });
    });

    it('answers 404 naming an unknown question or cycle, and 400 naming each bad field', async () => {
      const provider = await api.fixtures.provider(tenant);
      const unknown = await adviser.put(questionUrl(provider.id, '9.9.9'), { status: 'completed' });
      expect(unknown.status).toBe(404);
      expect((unknown.body as ApiErrorBody).message).toBe(`There is no question 9.9.9 in cycle ${CYCLE}`);

      const noCycle = await viewer.get(assessmentUrl(provider.id, '2001-02'));
      expect(noCycle.status).toBe(404);
      expect((noCycle.body as ApiErrorBody).message).toContain('2001-02');

      const noProvider = await viewer.get(assessmentUrl(randomUUID()));
      expect(noProvider.status).toBe(404);
      expect((noProvider.body as ApiErrorBody).message).toBe('Provider not found');

      const cases: Array<[Promise<{ status: number; body: unknown }>, string[]]> = [
        [adviser.put(questionUrl(provider.id, '1.1.5'), { status: 'done' }), ['status']],
        [
          adviser.put(questionUrl(provider.id, '1.1.5'), { status: 'completed', comment: 'x'.repeat(2001) }),
          ['comment'],
        ],
        [adviser.put(questionUrl(provider.id, '1.1.5'), { status: 'completed', score: 3 }), ['score']],
        [adviser.put(questionUrl(provider.id, 'not-a-code'), { status: 'completed' }), ['code']],
        [adviser.put(questionUrl(provider.id, '1.1.5', '2025'), { status: 'completed' }), ['cycle']],
        [viewer.get(`${base()}/not-a-uuid/assessment`), ['providerId']],
        [viewer.get(blockersUrl(provider.id, 'latest')), ['cycle']],
      ];
      for (const [request, fields] of cases) {
        const response = await request;
        expect(response.status).toBe(400);
        expect((response.body as ApiErrorBody).details?.map((detail) => detail.field)).toEqual(fields);
      }
      expect(await progressRows(provider.id)).toEqual([]);
    });
  });

  describe('publications', () => {
    it('records publications and lists the history across cycles, newest first', async () => {
      const provider = await api.fixtures.provider(tenant);
      const asPublication = await adviser.post(publicationsUrl(provider.id), {
        level: 'approaching_standards',
        publishedOn: '2024-05-10',
        completeItems: AS_ITEMS,
      });
      expect(asPublication.status).toBe(201);
      expect(asPublication.body as PublicationView).toEqual({
        id: expect.any(String),
        cycle: CYCLE,
        level: 'approaching_standards',
        publishedOn: '2024-05-10',
        summary: '2023-24 Approaching Standards, published 10/05/2024',
        coveredBy: null,
        covers: [],
        recordedBy: 'Test adviser',
      });
      expect(await assessmentRow(provider.id)).toMatchObject({
        mandatory_completed: 3,
        status: 'approaching_standards',
      });

      const smPublication = await adviser.post(publicationsUrl(provider.id), {
        level: 'standards_met',
        publishedOn: '2025-05-10',
        cycle: NEXT_CYCLE,
        completeItems: ['1.1.1', '1.1.5', '3.2.1', '4.1.1', '9.1.1', '10.2.1'],
      });
      expect(smPublication.status).toBe(201);
      expect(await assessmentRow(provider.id, NEXT_CYCLE)).toMatchObject({
        mandatory_completed: 6,
        status: 'standards_met',
      });

      const history = await viewer.get(publicationsUrl(provider.id));
      expect(history.status).toBe(200);
      expect((history.body as PublicationList).items.map((item) => item.summary)).toEqual([
        '2024-25 Standards Met, published 10/05/2025',
        '2023-24 Approaching Standards, published 10/05/2024',
      ]);
      const recorded = await auditRows(provider.id, 'publication.recorded');
      expect(
        recorded.map((row: { after: { level: string; completedItems: string[] } }) => [
          row.after.level,
          row.after.completedItems,
        ]),
      ).toEqual([
        // In the order of the DSPT's list.
        ['approaching_standards', ['1.1.5', '4.1.1', '1.1.1']],
        ['standards_met', ['1.1.5', '4.1.1', '3.2.1', '1.1.1', '9.1.1', '10.2.1']],
      ]);
    });

    it('refuses Approaching Standards after Approaching Standards, with the explanation, writing nothing', async () => {
      const provider = await api.fixtures.provider(tenant);
      expect(
        (
          await adviser.post(publicationsUrl(provider.id), {
            level: 'approaching_standards',
            publishedOn: '2024-05-10',
            completeItems: AS_ITEMS,
          })
        ).status,
      ).toBe(201);
      await complete(provider.id, AS_ITEMS, NEXT_CYCLE);

      const again = await adviser.post(publicationsUrl(provider.id), {
        level: 'approaching_standards',
        publishedOn: '2025-05-10',
      });
      expect(again.status).toBe(422);
      expect(again.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message:
          'The last publication was Approaching Standards, which can be published only once: this time the provider must reach Standards Met',
      });
      expect(await publicationRows(provider.id)).toEqual([
        { level: 'approaching_standards', published_on: '2024-05-10', covered_by_id: null },
      ]);
      expect(await assessmentRow(provider.id, NEXT_CYCLE)).toMatchObject({ status: 'in_progress' });
    });

    it('refuses a back-dated Approaching Standards just before another one, writing nothing', async () => {
      const provider = await api.fixtures.provider(tenant);
      await complete(provider.id, AS_ITEMS, NEXT_CYCLE);
      expect(
        (
          await adviser.post(publicationsUrl(provider.id), {
            level: 'approaching_standards',
            publishedOn: '2025-05-10',
          })
        ).status,
      ).toBe(201);

      const earlier = await adviser.post(publicationsUrl(provider.id), {
        level: 'approaching_standards',
        publishedOn: '2024-05-10',
        completeItems: AS_ITEMS,
      });
      expect([earlier.status, earlier.body.message]).toEqual([
        422,
        'The next publication is Approaching Standards, which can be published only once: one before it must be Standards Met or above',
      ]);
      expect(await publicationRows(provider.id)).toEqual([
        { level: 'approaching_standards', published_on: '2025-05-10', covered_by_id: null },
      ]);
    });

    it('refuses Standards Met while blockers remain, naming them, and accepts it when completeItems lists exactly those', async () => {
      const provider = await api.fixtures.provider(tenant);
      await complete(provider.id, ['1.1.5']);
      const open = ['1.1.1', '3.2.1', '4.1.1', '9.1.1', '10.2.1'];

      const refused = await adviser.post(publicationsUrl(provider.id), {
        level: 'standards_met',
        publishedOn: '2024-05-10',
      });
      expect(refused.status).toBe(422);
      expect((refused.body as ApiErrorBody).message).toBe(
        `5 items mandatory for Standards Met are not complete (${open.join(', ')}); list them in completeItems if they are done`,
      );

      // Some but not all: still refused, and the items it did list are not marked either.
      const partial = await adviser.post(publicationsUrl(provider.id), {
        level: 'standards_met',
        publishedOn: '2024-05-10',
        completeItems: ['1.1.1', '3.2.1'],
      });
      expect(partial.status).toBe(422);
      expect((partial.body as ApiErrorBody).message).toContain(
        '3 items mandatory for Standards Met are not complete (4.1.1, 9.1.1, 10.2.1)',
      );

      // An item that is not open (already complete, or optional) is not "exactly those".
      for (const extra of ['1.1.5', '3.3.1']) {
        const wrong = await adviser.post(publicationsUrl(provider.id), {
          level: 'standards_met',
          publishedOn: '2024-05-10',
          completeItems: [...open, extra],
        });
        expect(wrong.status).toBe(400);
        expect(wrong.body).toMatchObject({
          details: [{ field: 'completeItems', message: expect.stringContaining(extra) }],
        });
      }
      expect((await progressRows(provider.id)).map((row) => row.code)).toEqual(['1.1.5']);
      expect(await publicationRows(provider.id)).toEqual([]);

      const accepted = await adviser.post(publicationsUrl(provider.id), {
        level: 'standards_met',
        publishedOn: '2024-05-10',
        completeItems: open,
      });
      expect(accepted.status).toBe(201);
      expect(await progressRows(provider.id)).toEqual(
        ['1.1.5', '4.1.1', '3.2.1', '1.1.1', '9.1.1', '10.2.1'].map((code) => ({
          code,
          status: 'completed',
          comment: null,
          updated_by: adviserUser.id,
        })),
      );
      expect(await assessmentRow(provider.id)).toEqual({
        mandatory_completed: 6,
        mandatory_total: 6,
        any_progress: true,
        status: 'standards_met',
      });
      expect(await auditRows(provider.id, 'progress.updated')).toHaveLength(6);
      expect(((await viewer.get(blockersUrl(provider.id))).body as BlockerList).items).toEqual([]);
    });

    it('records Standards Exceeded only for a provider holding Cyber Essentials Plus', async () => {
      const without = await api.fixtures.provider(tenant);
      await complete(without.id, ['1.1.5', '4.1.1', '3.2.1', '1.1.1', '9.1.1', '10.2.1']);
      const refused = await adviser.post(publicationsUrl(without.id), {
        level: 'standards_exceeded',
        publishedOn: '2024-05-10',
      });
      expect(refused.status).toBe(422);
      expect((refused.body as ApiErrorBody).message).toBe(
        'Standards Exceeded needs a current Cyber Essentials Plus certificate',
      );

      const withCePlus = await api.fixtures.provider(tenant, { hasCePlus: true });
      // 9.1.1 is met by CE+, so it is not among the items to complete.
      const accepted = await adviser.post(publicationsUrl(withCePlus.id), {
        level: 'standards_exceeded',
        publishedOn: '2024-05-10',
        completeItems: ['1.1.1', '1.1.5', '3.2.1', '4.1.1', '10.2.1'],
      });
      expect(accepted.status).toBe(201);
      expect(await assessmentRow(withCePlus.id)).toMatchObject({
        mandatory_completed: 6,
        status: 'standards_exceeded',
      });
    });

    it("lets an HQ's publication cover chosen branches: each gets its own row and status", async () => {
      const hq = await api.fixtures.provider(tenant, { kind: 'hq', name: 'Acorn Care HQ' });
      const [north, south, east] = [
        await api.fixtures.provider(tenant, { kind: 'branch', parentId: hq.id, name: 'Acorn North' }),
        await api.fixtures.provider(tenant, { kind: 'branch', parentId: hq.id, name: 'Acorn South' }),
        await api.fixtures.provider(tenant, { kind: 'branch', parentId: hq.id, name: 'Acorn East' }),
      ];
      const response = await adviser.post(publicationsUrl(hq.id), {
        level: 'standards_met',
        publishedOn: '2024-05-10',
        completeItems: ['1.1.1', '1.1.5', '3.2.1', '4.1.1', '9.1.1', '10.2.1'],
        coversBranchIds: [south.id, north.id],
      });
      expect(response.status).toBe(201);
      const publication = response.body as PublicationView;
      expect(publication.covers).toEqual([
        { providerId: north.id, odsCode: north.odsCode, name: 'Acorn North' },
        { providerId: south.id, odsCode: south.odsCode, name: 'Acorn South' },
      ]);
      for (const branch of [north, south]) {
        expect(await publicationRows(branch.id)).toEqual([
          { level: 'standards_met', published_on: '2024-05-10', covered_by_id: publication.id },
        ]);
        expect(await assessmentRow(branch.id)).toMatchObject({ status: 'standards_met' });
        const history = (await viewer.get(publicationsUrl(branch.id))).body as PublicationList;
        expect(history.items).toEqual([
          expect.objectContaining({
            summary: '2023-24 Standards Met, published 10/05/2024',
            coveredBy: { providerId: hq.id, odsCode: hq.odsCode, name: 'Acorn Care HQ' },
          }),
        ]);
      }
      expect(await assessmentRow(hq.id)).toMatchObject({ status: 'standards_met' });
      expect(await publicationRows(east.id)).toEqual([]);
      expect(await assessmentRow(east.id)).toBeNull();
      expect((await viewer.get(assessmentUrl(east.id))).body).toMatchObject({ progress: { completed: 0 } });
    });

    it("refuses branches that are not the HQ's own, and cover from a provider that is not an HQ, writing nothing", async () => {
      const hq = await api.fixtures.provider(tenant, { kind: 'hq' });
      const own = await api.fixtures.provider(tenant, { kind: 'branch', parentId: hq.id });
      const otherHq = await api.fixtures.provider(tenant, { kind: 'hq' });
      const stranger = await api.fixtures.provider(tenant, { kind: 'branch', parentId: otherHq.id });
      await complete(hq.id, ['1.1.5', '4.1.1', '3.2.1', '1.1.1', '9.1.1', '10.2.1']);

      const mixed = await adviser.post(publicationsUrl(hq.id), {
        level: 'standards_met',
        publishedOn: '2024-05-10',
        coversBranchIds: [own.id, stranger.id],
      });
      expect(mixed.status).toBe(400);
      expect(mixed.body).toMatchObject({
        details: [
          {
            field: 'coversBranchIds',
            message: `coversBranchIds must be branches of this HQ; these are not: ${stranger.id}`,
          },
        ],
      });

      const single = await api.fixtures.provider(tenant);
      const notHq = await adviser.post(publicationsUrl(single.id), {
        level: 'standards_met',
        publishedOn: '2024-05-10',
        coversBranchIds: [own.id],
      });
      expect(notHq.status).toBe(400);
      expect(notHq.body).toMatchObject({ details: [{ field: 'coversBranchIds' }] });

      for (const provider of [hq, own, stranger, single]) {
        expect(await publicationRows(provider.id)).toEqual([]);
      }
      expect(await assessmentRow(hq.id)).toMatchObject({ status: 'ready_to_publish' });
    });

    it('refuses a covered branch whose own last publication was Approaching Standards, and the whole request with it', async () => {
      const hq = await api.fixtures.provider(tenant, { kind: 'hq' });
      const branch = await api.fixtures.provider(tenant, { kind: 'branch', parentId: hq.id, name: 'Once Only Branch' });
      expect(
        (
          await adviser.post(publicationsUrl(branch.id), {
            level: 'approaching_standards',
            publishedOn: '2024-05-10',
            completeItems: AS_ITEMS,
          })
        ).status,
      ).toBe(201);

      const response = await adviser.post(publicationsUrl(hq.id), {
        level: 'approaching_standards',
        publishedOn: '2025-05-10',
        completeItems: AS_ITEMS,
        coversBranchIds: [branch.id],
      });
      expect(response.status).toBe(422);
      expect((response.body as ApiErrorBody).message).toContain(
        `Branch Once Only Branch (${branch.odsCode}): The last publication was Approaching Standards`,
      );
      expect(await publicationRows(hq.id)).toEqual([]);
      expect(await progressRows(hq.id)).toEqual([]);
    });

    it('validates the publication, naming each bad field', async () => {
      const provider = await api.fixtures.provider(tenant);
      const today = londonDate(new Date());
      const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(daysBetween(today, tomorrow)).toBe(1);
      const cases: Array<[object, string[]]> = [
        [{ level: 'standards_met', publishedOn: tomorrow }, ['publishedOn']],
        [{ level: 'standards_met', publishedOn: '2024-02-30' }, ['publishedOn']],
        [{ level: 'standards_met', publishedOn: '2024-05-10', cycle: NEXT_CYCLE }, ['cycle']],
        [{ level: 'gold', publishedOn: '10/05/2024' }, ['level', 'publishedOn']],
        [{ level: 'standards_met', publishedOn: '2024-05-10', completeItems: ['4.1.1', '4.1.1'] }, ['completeItems']],
        [{ level: 'standards_met', publishedOn: '2024-05-10', coversBranchIds: ['branch-1'] }, ['coversBranchIds']],
        [{}, ['level', 'publishedOn']],
      ];
      for (const [body, fields] of cases) {
        const response = await adviser.post(publicationsUrl(provider.id), body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect({
          body,
          fields: [...new Set((response.body as ApiErrorBody).details?.map((detail) => detail.field))],
        }).toEqual({ body, fields });
      }
      const noCycle = await adviser.post(publicationsUrl(provider.id), {
        level: 'standards_met',
        publishedOn: '2019-05-10',
      });
      expect(noCycle.status).toBe(404);
      expect((noCycle.body as ApiErrorBody).message).toContain('2018-19');
      expect(await publicationRows(provider.id)).toEqual([]);
    });
  });

  it('lets a viewer read but change nothing', async () => {
    const provider = await api.fixtures.provider(tenant);
    expect((await viewer.get(assessmentUrl(provider.id))).status).toBe(200);
    expect((await viewer.get(blockersUrl(provider.id))).status).toBe(200);
    expect((await viewer.get(publicationsUrl(provider.id))).status).toBe(200);
    expect((await viewer.put(questionUrl(provider.id, '1.1.5'), { status: 'completed' })).status).toBe(403);
    expect(
      (
        await viewer.post(publicationsUrl(provider.id), {
          level: 'approaching_standards',
          publishedOn: '2024-05-10',
          completeItems: AS_ITEMS,
        })
      ).status,
    ).toBe(403);
    expect(await progressRows(provider.id)).toEqual([]);
    expect(await publicationRows(provider.id)).toEqual([]);
  });
});
