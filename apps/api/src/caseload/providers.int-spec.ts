import type { ApiErrorBody, ProviderContact, ProviderDetail, StaleEditDetail } from '@dspt/contracts';
import { cycleForDate } from '@dspt/domain';
import { londonDate } from '@dspt/server/platform';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import { randomUUID } from 'node:crypto';
import { CaseloadFixtures, randomSiteCode } from '../testing/caseload-fixtures';
import { useTestApi } from '../testing/use-test-api';

describe('providers and contacts', () => {
  const api = useTestApi();
  let caseload: CaseloadFixtures;
  let currentCycleId: string;

  beforeAll(async () => {
    caseload = new CaseloadFixtures(api.fixtures.owner);
    const current = cycleForDate(londonDate(new Date()));
    currentCycleId = await caseload.ensureCycle(current.code, current.startsOn, current.deadline);
  });

  const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);

  /** A fresh LSP with a signed-in adviser. */
  async function lsp(label = 'prov') {
    const tenant = await api.fixtures.tenant(label);
    const adviserUser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    return { tenant, adviserUser, adviser: await signIn(adviserUser), base: `/api/tenants/${tenant.slug}/providers` };
  }

  const validInput = (change: Record<string, unknown> = {}) => ({
    odsCode: randomSiteCode(),
    name: 'Rose Court Care Home',
    kind: 'single_site',
    serviceType: 'care_home_residential',
    sizeBand: 'small',
    localAuthority: 'Leeds',
    region: 'Yorkshire and The Humber',
    ...change,
  });

  const count = async (sql: string, parameters: unknown[]) =>
    (await api.fixtures.owner.query(`SELECT count(*)::int AS n FROM ${sql}`, parameters))[0].n as number;

  const auditRows = (tenant: FixtureTenant, action: string, targetId: string) =>
    api.fixtures.owner.query(
      `SELECT actor_user_id, target_type, before, after FROM audit_events WHERE tenant_id = $1 AND action = $2 AND target_id = $3 ORDER BY occurred_at`,
      [tenant.id, action, targetId],
    );

  const fields = (body: ApiErrorBody) => body.details?.map((detail) => detail.field);

  describe('create', () => {
    it('creates a provider with its contacts: ODS code normalised, emails lower-cased, first contact primary, audited, assessed for the current cycle', async () => {
      const { tenant, adviserUser, adviser, base } = await lsp();
      const code = randomSiteCode();
      const response = await adviser.post(base, {
        ...validInput({
          odsCode: `  ${code.toLowerCase()} `,
          name: '  Rose Court  ',
          hasCePlus: true,
          assignedAdviserId: adviserUser.id,
        }),
        contacts: [
          {
            name: 'Pat Okafor',
            email: ' Pat.Okafor@RoseCourt.example ',
            phone: '0113 496 0000',
            role: 'registered_manager',
          },
          { name: 'Sam Lee', email: 'sam@rosecourt.example', role: 'owner' },
        ],
      });
      expect(response.status).toBe(201);
      const detail = response.body as ProviderDetail;
      expect(detail).toMatchObject({
        odsCode: code,
        name: 'Rose Court',
        kind: 'single_site',
        parent: null,
        branches: [],
        hasCePlus: true,
        assignedAdviser: { id: adviserUser.id, email: adviserUser.email, displayName: 'Test adviser' },
        lastContactAt: null,
        archivedAt: null,
        version: 1,
      });
      expect(detail.contacts.map((contact) => [contact.email, contact.isPrimary])).toEqual([
        ['pat.okafor@rosecourt.example', true],
        ['sam@rosecourt.example', false],
      ]);
      const [row] = await api.fixtures.owner.query(`SELECT tenant_id, ods_code, name FROM providers WHERE id = $1`, [
        detail.id,
      ]);
      expect(row).toEqual({ tenant_id: tenant.id, ods_code: code, name: 'Rose Court' });
      const [created] = await auditRows(tenant, 'provider.created', detail.id);
      expect(created).toMatchObject({
        actor_user_id: adviserUser.id,
        target_type: 'provider',
        before: null,
        after: { odsCode: code, hasCePlus: true, version: 1 },
      });
      expect(created.after.contacts).toHaveLength(2);
      // The phone is on the contact, never in the provider's audit details (erasure could not find it there).
      expect(detail.contacts.find((contact) => contact.name === 'Pat Okafor')?.phone).toBe('0113 496 0000');
      expect(JSON.stringify(created.after)).not.toMatch(/phone|0113 ?496/i);

      // The current cycle's assessment exists and counts CE+-skippable mandatory items as met.
      const [assessment] = await api.fixtures.owner.query(
        `SELECT mandatory_completed, mandatory_total, status FROM assessments WHERE provider_id = $1 AND cycle_id = $2`,
        [detail.id, currentCycleId],
      );
      const [expected] = await api.fixtures.owner.query(
        `SELECT count(*) FILTER (WHERE level <> 'none')::int AS total, count(*) FILTER (WHERE level <> 'none' AND ce_plus_skippable)::int AS ce FROM questions WHERE cycle_id = $1`,
        [currentCycleId],
      );
      expect(assessment).toMatchObject({ mandatory_total: expected.total, mandatory_completed: expected.ce });
      expect(detail.progress).toEqual({ completed: expected.ce, total: expected.total });
      expect(detail.status).toBe(assessment.status);

      const read = await adviser.get(`${base}/${detail.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(detail);
    });

    it('names every missing or bad field, and writes nothing', async () => {
      const { tenant, adviser, base } = await lsp();
      const empty = await adviser.post(base, {});
      expect(empty.status).toBe(400);
      expect(new Set(fields(empty.body))).toEqual(
        new Set(['odsCode', 'name', 'kind', 'serviceType', 'sizeBand', 'localAuthority', 'region']),
      );

      const bad = await adviser.post(base, {
        ...validInput({
          name: '   ',
          kind: 'castle',
          serviceType: 'spa',
          sizeBand: 'huge',
          region: 'Mars',
          hasCePlus: 'yes',
          assignedAdviserId: 'bob',
          colour: 'red',
        }),
        contacts: [{ name: 'Pat', email: 'not-an-email', role: 'boss' }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(new Set(fields(bad.body))).toEqual(
        new Set([
          'name',
          'kind',
          'serviceType',
          'sizeBand',
          'region',
          'hasCePlus',
          'assignedAdviserId',
          'colour',
          'contacts.0.email',
          'contacts.0.role',
        ]),
      );
      expect(bad.body.details).toContainEqual({ field: 'region', message: expect.stringContaining('North East') });
      expect(bad.body.details).toContainEqual({ field: 'name', message: 'name must not be blank' });

      for (const [odsCode, kind, message] of [
        ['8AB12', 'single_site', 'ODS codes starting with 8 are not for DSPT social care'],
        ['AB', 'single_site', 'ODS code must be 3 to 6 letters or digits'],
        ['V1-23', 'single_site', 'ODS code must be 3 to 6 letters or digits'],
        ['VAB12', 'hq', 'This looks like a site code (V + 4 characters): an HQ uses its organisation code'],
      ]) {
        const response = await adviser.post(base, validInput({ odsCode, kind }));
        expect({ odsCode, status: response.status, details: response.body.details }).toEqual({
          odsCode,
          status: 400,
          details: [{ field: 'odsCode', message }],
        });
      }

      const primaries = await adviser.post(base, {
        ...validInput(),
        contacts: [
          { name: 'A', email: 'a@x.example', role: 'owner', isPrimary: true },
          { name: 'B', email: 'b@x.example', role: 'owner', isPrimary: true },
          { name: 'C', email: 'A@x.example', role: 'owner' },
        ],
      });
      expect(primaries.status).toBe(400);
      expect(fields(primaries.body)).toEqual(['contacts', 'contacts.2.email']);
      expect(await count(`providers WHERE tenant_id = $1`, [tenant.id])).toBe(0);
      expect(await count(`audit_events WHERE tenant_id = $1 AND action LIKE 'provider.%'`, [tenant.id])).toBe(0);
    });

    it('refuses an ODS code registered anywhere with 409, without saying which LSP holds it', async () => {
      const { tenant, adviser, base } = await lsp();
      const elsewhere = await api.fixtures.tenant('holder');
      const theirs = await caseload.provider(elsewhere, { name: 'Secret Elsewhere Home' });
      const response = await adviser.post(base, validInput({ odsCode: theirs.odsCode.toLowerCase() }));
      expect(response.status).toBe(409);
      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: `ODS code ${theirs.odsCode} is already registered`,
      });
      for (const secret of [elsewhere.id, elsewhere.slug, elsewhere.name, theirs.id, 'Secret Elsewhere']) {
        expect(JSON.stringify(response.body)).not.toContain(secret);
      }

      const ours = await adviser.post(base, validInput());
      const again = await adviser.post(base, validInput({ odsCode: ours.body.odsCode }));
      expect(again.status).toBe(409);
      expect(again.body.message).toBe(`ODS code ${ours.body.odsCode} is already registered`);
      expect(await count(`providers WHERE tenant_id = $1`, [tenant.id])).toBe(1);
      expect(await count(`providers WHERE ods_code = $1`, [theirs.odsCode])).toBe(1);
    });

    it('checks an ODS code before adding: its form for the kind, then whether any LSP holds it, never which', async () => {
      const { adviser, base } = await lsp();
      const elsewhere = await api.fixtures.tenant('holder');
      const theirs = await caseload.provider(elsewhere, { name: 'Secret Elsewhere Home' });
      const check = (query: string) => adviser.get(`${base}/ods-check?${query}`);

      const taken = await check(`code=${theirs.odsCode.toLowerCase()}`);
      expect(taken.status).toBe(200);
      expect(taken.body).toEqual({
        odsCode: theirs.odsCode,
        registered: true,
        problem: `ODS code ${theirs.odsCode} is already registered`,
      });
      for (const secret of [elsewhere.id, elsewhere.slug, elsewhere.name, theirs.id, 'Secret Elsewhere']) {
        expect(JSON.stringify(taken.body)).not.toContain(secret);
      }
      const free = randomSiteCode();
      expect((await check(`code=%20${free}%20`)).body).toEqual({ odsCode: free, registered: false, problem: null });
      expect((await check(`code=${free}&kind=hq`)).body.problem).toBe(
        'This looks like a site code (V + 4 characters): an HQ uses its organisation code',
      );
      expect((await check('code=8HX12')).body).toEqual({
        odsCode: '8HX12',
        registered: false,
        problem: 'ODS codes starting with 8 are not for DSPT social care',
      });

      const missing = await check('kind=hq');
      expect(missing.status).toBe(400);
      expect(fields(missing.body)).toEqual(['code']);
      const badKind = await check(`code=${free}&kind=castle`);
      expect(badKind.status).toBe(400);
      expect(fields(badKind.body)).toEqual(['kind']);
    });

    it('links a branch to an HQ of the same LSP, and refuses every other HQ link', async () => {
      const { adviser, base } = await lsp();
      const hq = (
        await adviser.post(
          base,
          validInput({ odsCode: `A${randomSiteCode().slice(1)}`, kind: 'hq', name: 'Head Office' }),
        )
      ).body as ProviderDetail;
      const site = (await adviser.post(base, validInput({ name: 'A Single Site' }))).body as ProviderDetail;
      const otherHq = await caseload.provider(await api.fixtures.tenant('other'), {
        kind: 'hq',
        odsCode: `C${randomSiteCode().slice(1)}`,
      });

      const cases: Array<[Record<string, unknown>, string]> = [
        [{ kind: 'branch' }, "A branch needs parentOdsCode: its HQ's ODS code"],
        [
          { kind: 'branch', parentOdsCode: otherHq.odsCode },
          `No provider with ODS code ${otherHq.odsCode} in this LSP: add the HQ first`,
        ],
        [{ kind: 'branch', parentOdsCode: site.odsCode }, `${site.odsCode} is a single site, not an HQ`],
        [
          { kind: 'single_site', parentOdsCode: hq.odsCode },
          'parentOdsCode is only for branches, and this provider is a single site',
        ],
      ];
      for (const [change, message] of cases) {
        const response = await adviser.post(base, validInput(change));
        expect({ change, status: response.status, details: response.body.details }).toEqual({
          change,
          status: 400,
          details: [{ field: 'parentOdsCode', message }],
        });
      }

      const branch = await adviser.post(
        base,
        validInput({ kind: 'branch', parentOdsCode: hq.odsCode.toLowerCase(), name: 'Branch One' }),
      );
      expect(branch.status).toBe(201);
      expect(branch.body.parent).toEqual({ id: hq.id, odsCode: hq.odsCode, name: 'Head Office' });
      const hqNow = (await adviser.get(`${base}/${hq.id}`)).body as ProviderDetail;
      expect(hqNow.branches).toEqual([{ id: branch.body.id, odsCode: branch.body.odsCode, name: 'Branch One' }]);

      // An HQ with branches stays an HQ until they move.
      const demote = await adviser.patch(`${base}/${hq.id}`, { version: hqNow.version, kind: 'single_site' });
      expect(demote.status).toBe(400);
      expect(demote.body.details).toEqual([
        { field: 'kind', message: 'This HQ has 1 branch: link them to another HQ first' },
      ]);

      // A branch that becomes a single site leaves its HQ.
      const alone = await adviser.patch(`${base}/${branch.body.id}`, { version: 1, kind: 'single_site' });
      expect(alone.status).toBe(200);
      expect(alone.body).toMatchObject({ kind: 'single_site', parent: null, version: 2 });
    });

    it('assigns only an adviser or admin of the LSP', async () => {
      const { tenant, adviser, base } = await lsp();
      const viewer = await api.fixtures.member(tenant, 'viewer');
      const admin = await api.fixtures.member(tenant, 'admin');
      const outsider = await api.fixtures.member(await api.fixtures.tenant('else'), 'adviser');
      for (const id of [viewer.id, outsider.id, randomUUID()]) {
        const response = await adviser.post(base, validInput({ assignedAdviserId: id }));
        expect(response.status).toBe(400);
        expect(response.body.details).toEqual([
          { field: 'assignedAdviserId', message: 'assignedAdviserId must be an adviser or admin of this LSP' },
        ]);
      }
      const ok = await adviser.post(base, validInput({ assignedAdviserId: admin.id }));
      expect(ok.status).toBe(201);
      expect(ok.body.assignedAdviser.id).toBe(admin.id);
    });
  });

  describe('read', () => {
    it("answers 404 for an unknown provider or another LSP's, and 400 naming a malformed id", async () => {
      const { adviser, base } = await lsp();
      const theirs = await caseload.provider(await api.fixtures.tenant('else'), { name: 'Not Yours' });
      for (const id of [randomUUID(), theirs.id]) {
        const response = await adviser.get(`${base}/${id}`);
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Provider not found' });
      }
      const malformed = await adviser.get(`${base}/not-a-uuid`);
      expect(malformed.status).toBe(400);
      expect(malformed.body.details).toEqual([{ field: 'providerId', message: 'providerId must be a UUID' }]);
    });
  });

  describe('edit', () => {
    it('saves the changed fields, bumps the version and audits old and new values; an edit that changes nothing saves nothing', async () => {
      const { tenant, adviserUser, adviser, base } = await lsp();
      const created = (await adviser.post(base, validInput())).body as ProviderDetail;
      const response = await adviser.patch(`${base}/${created.id}`, {
        version: 1,
        name: 'Rose Court Care',
        sizeBand: 'medium',
        localAuthority: 'Leeds',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: 'Rose Court Care',
        sizeBand: 'medium',
        localAuthority: 'Leeds',
        version: 2,
      });
      expect(await auditRows(tenant, 'provider.updated', created.id)).toEqual([
        {
          actor_user_id: adviserUser.id,
          target_type: 'provider',
          before: { name: 'Rose Court Care Home', sizeBand: 'small', version: 1 },
          after: { name: 'Rose Court Care', sizeBand: 'medium', version: 2 },
        },
      ]);

      const same = await adviser.patch(`${base}/${created.id}`, { version: 2, name: 'Rose Court Care' });
      expect(same.status).toBe(200);
      expect(same.body.version).toBe(2);
      expect(await auditRows(tenant, 'provider.updated', created.id)).toHaveLength(1);
    });

    it('refuses null for a field that cannot be cleared, a missing version, and a taken ODS code', async () => {
      const { adviser, base } = await lsp();
      const created = (await adviser.post(base, validInput())).body as ProviderDetail;
      const other = (await adviser.post(base, validInput())).body as ProviderDetail;
      const nulls = await adviser.patch(`${base}/${created.id}`, {
        version: 1,
        name: null,
        hasCePlus: null,
        region: null,
      });
      expect(nulls.status).toBe(400);
      expect(new Set(fields(nulls.body))).toEqual(new Set(['name', 'hasCePlus', 'region']));
      const noVersion = await adviser.patch(`${base}/${created.id}`, { name: 'x' });
      expect(noVersion.status).toBe(400);
      expect(noVersion.body.details).toEqual([
        { field: 'version', message: 'version must be the version number the edit started from' },
      ]);
      const taken = await adviser.patch(`${base}/${created.id}`, { version: 1, odsCode: other.odsCode });
      expect(taken.status).toBe(409);
      expect(taken.body.message).toBe(`ODS code ${other.odsCode} is already registered`);
      const [row] = await api.fixtures.owner.query(`SELECT ods_code, version FROM providers WHERE id = $1`, [
        created.id,
      ]);
      expect(row).toEqual({ ods_code: created.odsCode, version: 1 });
    });

    it('gives the second of two advisers editing the same version a 409 listing what the first changed, and saves nothing of theirs', async () => {
      const { tenant, adviserUser, adviser, base } = await lsp();
      const secondUser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
      const second = await signIn(secondUser);
      const created = (await adviser.post(base, validInput())).body as ProviderDetail;

      const first = await adviser.patch(`${base}/${created.id}`, {
        version: 1,
        name: 'Renamed by the first',
        sizeBand: 'large',
        assignedAdviserId: adviserUser.id,
      });
      expect(first.status).toBe(200);
      const stale = await second.patch(`${base}/${created.id}`, {
        version: 1,
        name: 'Renamed by the second',
        localAuthority: 'Bradford',
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        message: expect.stringContaining('version 1; it is now version 2'),
      });
      expect(stale.body.details as StaleEditDetail[]).toEqual([
        {
          field: 'name',
          message: 'name was changed by Test adviser after you opened this provider',
          current: 'Renamed by the first',
        },
        {
          field: 'sizeBand',
          message: 'sizeBand was changed by Test adviser after you opened this provider',
          current: 'large',
        },
        {
          field: 'assignedAdviserId',
          message: 'assignedAdviserId was changed by Test adviser after you opened this provider',
          current: adviserUser.id,
        },
      ]);
      const [row] = await api.fixtures.owner.query(
        `SELECT name, local_authority, version FROM providers WHERE id = $1`,
        [created.id],
      );
      expect(row).toEqual({ name: 'Renamed by the first', local_authority: 'Leeds', version: 2 });

      // Having seen the changes, the second adviser saves on top of version 2.
      const retry = await second.patch(`${base}/${created.id}`, { version: 2, localAuthority: 'Bradford' });
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ name: 'Renamed by the first', localAuthority: 'Bradford', version: 3 });
    });

    it('recalculates the current cycle when the CE+ flag changes', async () => {
      const { adviser, base } = await lsp();
      const created = (await adviser.post(base, validInput())).body as ProviderDetail;
      const [expected] = await api.fixtures.owner.query(
        `SELECT count(*) FILTER (WHERE level <> 'none' AND ce_plus_skippable)::int AS ce FROM questions WHERE cycle_id = $1`,
        [currentCycleId],
      );
      const withCe = await adviser.patch(`${base}/${created.id}`, { version: 1, hasCePlus: true });
      expect(withCe.body.progress.completed).toBe(expected.ce);
      const [assessment] = await api.fixtures.owner.query(
        `SELECT mandatory_completed FROM assessments WHERE provider_id = $1 AND cycle_id = $2`,
        [created.id, currentCycleId],
      );
      expect(assessment.mandatory_completed).toBe(expected.ce);
      const without = await adviser.patch(`${base}/${created.id}`, { version: 2, hasCePlus: false });
      expect(without.body.progress.completed).toBe(0);
    });
  });

  describe('archive', () => {
    it('archives and unarchives, each once, audited; an archived provider cannot be edited', async () => {
      const { tenant, adviser, base } = await lsp();
      const created = (await adviser.post(base, validInput())).body as ProviderDetail;
      const archived = await adviser.post(`${base}/${created.id}/archive`);
      expect(archived.status).toBe(200);
      expect(archived.body).toMatchObject({ archivedAt: expect.any(String), version: 2 });
      expect((await adviser.post(`${base}/${created.id}/archive`)).status).toBe(409);

      const edit = await adviser.patch(`${base}/${created.id}`, { version: 2, name: 'Edited while archived' });
      expect(edit.status).toBe(409);
      expect(edit.body.message).toBe('Rose Court Care Home is archived: unarchive it to make changes');
      const stale = await adviser.patch(`${base}/${created.id}`, { version: 1, name: 'Edited from an old page' });
      expect(stale.status).toBe(409);
      expect(stale.body.details).toEqual([
        { field: 'archivedAt', message: expect.any(String), current: archived.body.archivedAt },
      ]);
      const contact = await adviser.post(`${base}/${created.id}/contacts`, {
        name: 'Pat',
        email: 'pat@x.example',
        role: 'owner',
      });
      expect(contact.status).toBe(409);

      const back = await adviser.post(`${base}/${created.id}/unarchive`);
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ archivedAt: null, version: 3 });
      expect((await adviser.post(`${base}/${created.id}/unarchive`)).status).toBe(409);
      expect(await auditRows(tenant, 'provider.archived', created.id)).toEqual([
        expect.objectContaining({
          before: { archivedAt: null, version: 1 },
          after: { archivedAt: archived.body.archivedAt, version: 2 },
        }),
      ]);
      expect(await auditRows(tenant, 'provider.unarchived', created.id)).toHaveLength(1);
    });
  });

  describe('contacts', () => {
    it('keeps one primary at a time, refuses a repeated address, and audits every change', async () => {
      const { tenant, adviser, base } = await lsp();
      const created = (await adviser.post(base, validInput())).body as ProviderDetail;
      const contacts = `${base}/${created.id}/contacts`;

      const first = await adviser.post(contacts, { name: 'Pat Okafor', email: 'PAT@x.example', role: 'dspt_admin' });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        id: expect.any(String),
        name: 'Pat Okafor',
        email: 'pat@x.example',
        phone: null,
        role: 'dspt_admin',
        isPrimary: true,
        unsubscribedAt: null,
      });
      const second = await adviser.post(contacts, { name: 'Sam Lee', email: 'sam@x.example', role: 'owner' });
      expect(second.body.isPrimary).toBe(false);
      const third = await adviser.post(contacts, {
        name: 'Kim Ray',
        email: 'kim@x.example',
        role: 'registered_manager',
        isPrimary: true,
      });
      expect(third.body.isPrimary).toBe(true);

      const primaries = async () =>
        (
          await api.fixtures.owner.query(`SELECT email FROM provider_contacts WHERE provider_id = $1 AND is_primary`, [
            created.id,
          ])
        ).map((row: { email: string }) => row.email);
      expect(await primaries()).toEqual(['kim@x.example']);

      const promote = await adviser.patch(`${contacts}/${second.body.id}`, { isPrimary: true, role: 'dspt_admin' });
      expect(promote.status).toBe(200);
      expect(promote.body).toMatchObject({ isPrimary: true, role: 'dspt_admin', name: 'Sam Lee' });
      expect(await primaries()).toEqual(['sam@x.example']);

      const repeated = await adviser.post(contacts, { name: 'Pat again', email: 'pat@X.example', role: 'other' });
      expect(repeated.status).toBe(409);
      expect(repeated.body.message).toBe('pat@x.example is already a contact of this provider');
      const renamedOnto = await adviser.patch(`${contacts}/${third.body.id}`, { email: 'sam@x.example' });
      expect(renamedOnto.status).toBe(409);

      const invalid = await adviser.patch(`${contacts}/${third.body.id}`, { email: 'nope', name: null });
      expect(invalid.status).toBe(400);
      expect(new Set(fields(invalid.body))).toEqual(new Set(['email', 'name']));

      expect((await adviser.delete(`${contacts}/${first.body.id}`)).status).toBe(204);
      expect((await adviser.delete(`${contacts}/${first.body.id}`)).status).toBe(404);
      expect((await adviser.patch(`${contacts}/${randomUUID()}`, { name: 'x' })).status).toBe(404);

      const detail = (await adviser.get(`${base}/${created.id}`)).body as ProviderDetail;
      expect(detail.contacts.map((contact: ProviderContact) => [contact.email, contact.isPrimary])).toEqual([
        ['sam@x.example', true],
        ['kim@x.example', false],
      ]);

      expect(await auditRows(tenant, 'contact.created', third.body.id)).toEqual([
        expect.objectContaining({
          target_type: 'provider_contact',
          after: {
            providerId: created.id,
            name: 'Kim Ray',
            email: 'kim@x.example',
            phone: null,
            role: 'registered_manager',
            isPrimary: true,
          },
        }),
      ]);
      // Kim lost the primary role when Sam gained it.
      expect(
        (await auditRows(tenant, 'contact.updated', third.body.id)).map(
          (row: { after: { isPrimary: boolean } }) => row.after.isPrimary,
        ),
      ).toEqual([false]);
      expect(await auditRows(tenant, 'contact.deleted', first.body.id)).toEqual([
        expect.objectContaining({ before: expect.objectContaining({ email: 'pat@x.example' }), after: null }),
      ]);
    });

    it('keeps a UK phone number as typed, clears it with null, and names the phone field when it is no UK number', async () => {
      const { tenant, adviser, base } = await lsp();
      const created = (await adviser.post(base, validInput())).body as ProviderDetail;
      const contacts = `${base}/${created.id}/contacts`;

      const added = await adviser.post(contacts, {
        name: 'Pat Okafor',
        email: 'pat@x.example',
        phone: '  0113  496 0000 ',
        role: 'registered_manager',
      });
      expect(added.status).toBe(201);
      expect(added.body.phone).toBe('0113 496 0000');

      const foreign = await adviser.post(contacts, {
        name: 'Sam Lee',
        email: 'sam@x.example',
        phone: '+1 202 555 0100',
        role: 'owner',
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.details).toEqual([
        { field: 'phone', message: 'Phone number must be a UK number: only +44 may start it' },
      ]);
      const premium = await adviser.patch(`${contacts}/${added.body.id}`, { phone: '0906 123 4567' });
      expect(premium.status).toBe(400);
      expect(fields(premium.body)).toEqual(['phone']);

      const mobile = await adviser.patch(`${contacts}/${added.body.id}`, { phone: '+44 7700 900123' });
      expect(mobile.body.phone).toBe('+44 7700 900123');
      const detail = (await adviser.get(`${base}/${created.id}`)).body as ProviderDetail;
      expect(detail.contacts.map((contact) => contact.phone)).toEqual(['+44 7700 900123']);
      const cleared = await adviser.patch(`${contacts}/${added.body.id}`, { phone: null });
      expect(cleared.body.phone).toBeNull();
      expect(
        (await auditRows(tenant, 'contact.updated', added.body.id)).map(
          (row: { after: { phone: string | null } }) => row.after.phone,
        ),
      ).toEqual(['+44 7700 900123', null]);
    });

    it('answers 404 for a contact of another provider', async () => {
      const { adviser, base } = await lsp();
      const one = (
        await adviser.post(base, { ...validInput(), contacts: [{ name: 'A', email: 'a@x.example', role: 'owner' }] })
      ).body as ProviderDetail;
      const two = (await adviser.post(base, validInput())).body as ProviderDetail;
      const response = await adviser.patch(`${base}/${two.id}/contacts/${one.contacts[0].id}`, { name: 'Moved?' });
      expect(response.status).toBe(404);
      expect(response.body.message).toBe('Contact not found');
    });
  });

  it('lets a viewer read but change nothing', async () => {
    const { tenant, adviser, base } = await lsp();
    const created = (
      await adviser.post(base, { ...validInput(), contacts: [{ name: 'A', email: 'a@x.example', role: 'owner' }] })
    ).body as ProviderDetail;
    const viewer = await signIn(await api.fixtures.member(tenant, 'viewer', { mfa: true }));
    expect((await viewer.get(`${base}/${created.id}`)).status).toBe(200);
    expect((await viewer.get(base)).status).toBe(200);
    const contact = `${base}/${created.id}/contacts/${created.contacts[0].id}`;
    const attempts = [
      await viewer.post(base, validInput()),
      await viewer.patch(`${base}/${created.id}`, { version: 1, name: 'Viewer edit' }),
      await viewer.post(`${base}/${created.id}/archive`),
      await viewer.post(`${base}/${created.id}/unarchive`),
      await viewer.post(`${base}/${created.id}/contacts`, { name: 'B', email: 'b@x.example', role: 'owner' }),
      await viewer.patch(contact, { name: 'Viewer edit' }),
      await viewer.delete(contact),
      await viewer.post(`${base}/assign`, { providerIds: [created.id], adviserId: null }),
      await viewer.get(`${base}/ods-check?code=VAB12`),
    ];
    expect(attempts.map((response) => response.status)).toEqual(Array(attempts.length).fill(403));
    const [row] = await api.fixtures.owner.query(`SELECT name, version FROM providers WHERE id = $1`, [created.id]);
    expect(row).toEqual({ name: 'Rose Court Care Home', version: 1 });
    expect(await count(`provider_contacts WHERE provider_id = $1`, [created.id])).toBe(1);
  });
});
