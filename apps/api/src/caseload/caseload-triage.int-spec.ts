import type { CaseloadItem, CaseloadPage } from '@dspt/contracts';
import { TriageFreshness } from '@dspt/server/caseload';
import { ApiClient, type FixtureTenant } from '@dspt/server/testing';
import { CaseloadFixtures, londonDay } from '../testing/caseload-fixtures';
import { eventually } from '../testing/eventually';
import { useTestApi } from '../testing/use-test-api';

/**
 * The caseload reads each provider's triage from `provider_triage`, kept by the api (see
 * docs/caseload.md "How the caseload stays fast"). These tests change a provider's inputs through every
 * path (the api, a bulk SQL load, a new day, a new question set) and check the list always shows the
 * triage the domain rules give for the inputs as they are now.
 */
describe('caseload triage is kept up to date', () => {
  const api = useTestApi();
  let caseload: CaseloadFixtures;
  let tenant: FixtureTenant;
  let adviser: ApiClient;
  let cycle: { id: string; code: string };
  let base: string;

  const item = async (name: string, more = ''): Promise<CaseloadItem> => {
    // A provider the fixtures just wrote is listed once the api has heard of it (see eventually).
    const response = await eventually(
      () => adviser.get(`${base}?cycle=${cycle.code}&search=${encodeURIComponent(name)}${more}`),
      (answer) => answer.status !== 200 || (answer.body as CaseloadPage).items.length > 0,
    );
    expect(response.status).toBe(200);
    const page = response.body as CaseloadPage;
    expect(page.items).toHaveLength(1);
    return page.items[0];
  };
  const triageRows = async (providerId: string) =>
    api.fixtures.owner.query(`SELECT ranked_on::text, priority_reasons FROM provider_triage WHERE provider_id = $1`, [
      providerId,
    ]);

  beforeAll(async () => {
    caseload = new CaseloadFixtures(api.fixtures.owner);
    tenant = await api.fixtures.tenant('triage');
    const member = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    adviser = await new ApiClient(api.app).signIn(member.email, member.password, member.totpSecret);
    base = `/api/tenants/${tenant.slug}/providers`;
    cycle = await caseload.cycle(30, [{ level: 'AS' }, { level: 'SM' }]);
  });

  it('keeps the next open task: a new task due sooner takes its place, and the next one follows when it is done', async () => {
    const provider = await caseload.provider(tenant, { name: 'Tasked Lodge' });
    expect((await item('Tasked Lodge')).nextTask).toBeNull();
    const tasksUrl = `/api/tenants/${tenant.slug}/tasks`;

    const later = await adviser.post(`${base}/${provider.id}/tasks`, {
      title: 'Send the staff list',
      dueOn: londonDay(9),
    });
    expect(later.status).toBe(201);
    expect((await item('Tasked Lodge')).nextTask).toEqual({ title: 'Send the staff list', dueOn: londonDay(9) });

    const sooner = await adviser.post(`${base}/${provider.id}/tasks`, {
      title: 'Call the manager',
      dueOn: londonDay(2),
    });
    expect(sooner.status).toBe(201);
    expect((await item('Tasked Lodge')).nextTask).toEqual({ title: 'Call the manager', dueOn: londonDay(2) });

    expect((await adviser.patch(`${tasksUrl}/${(sooner.body as { id: string }).id}`, { done: true })).status).toBe(200);
    expect((await item('Tasked Lodge')).nextTask).toEqual({ title: 'Send the staff list', dueOn: londonDay(9) });
  });

  it('re-ranks a provider when a note, progress or a task changes its inputs', async () => {
    const provider = await caseload.provider(tenant, { name: 'Changing Care' });
    expect((await item('Changing Care')).priority.reasons).toEqual([
      '2 items left',
      '30 days to deadline',
      'never contacted',
    ]);

    const note = await adviser.post(`${base}/${provider.id}/notes`, { kind: 'call', body: 'Called the manager' });
    expect(note.status).toBe(201);
    expect((await item('Changing Care')).priority.reasons).toEqual(['2 items left', '30 days to deadline']);

    const [{ code }] = await api.fixtures.owner.query(
      `SELECT code FROM questions WHERE cycle_id = $1 ORDER BY position LIMIT 1`,
      [cycle.id],
    );
    const progress = await adviser.put(`${base}/${provider.id}/assessment/questions/${code}?cycle=${cycle.code}`, {
      status: 'completed',
    });
    expect(progress.status).toBe(200);
    expect(await item('Changing Care')).toMatchObject({ status: 'in_progress', progress: { completed: 1, total: 2 } });

    // Written straight to the table by another connection, as a bulk load would: the triggers mark the
    // triage stale and notify the api, which may take a moment to hear it.
    await caseload.task(tenant, provider.id, londonDay(-2));
    expect(
      await eventually(
        () => item('Changing Care'),
        (found) => found.overdueTasks === 1,
      ),
    ).toMatchObject({
      overdueTasks: 1,
      priority: { reasons: ['1 item left', '30 days to deadline', '1 overdue task'] },
    });
  });

  it('moves a provider written several times in one transaction one version on, and ranks what it committed', async () => {
    const provider = await caseload.provider(tenant, { name: 'Bulk Written Care' });
    expect((await item('Bulk Written Care')).overdueTasks).toBe(0);
    const version = async () =>
      (await api.fixtures.owner.query(`SELECT triage_version FROM providers WHERE id = $1`, [provider.id]))[0]
        .triage_version as number;
    const before = await version();

    // As an import writes: the provider, then rows of its inputs statement after statement.
    await api.fixtures.owner.transaction(async (manager) => {
      await manager.query(`UPDATE providers SET name = 'Bulk Rewritten Care' WHERE id = $1`, [provider.id]);
      for (const daysAgo of [-2, -3]) {
        await manager.query(
          `INSERT INTO tasks (tenant_id, provider_id, title, due_on) VALUES ($1, $2, 'Chase evidence', $3)`,
          [tenant.id, provider.id, londonDay(daysAgo)],
        );
      }
    });

    expect(await version()).toBe(before + 1);
    expect(
      await eventually(
        () => item('Bulk Rewritten Care'),
        (found) => found.overdueTasks === 2,
      ),
    ).toMatchObject({ name: 'Bulk Rewritten Care', overdueTasks: 2 });
  });

  it('reads again, and looks for stale triage, only after a change is notified', async () => {
    const provider = await caseload.provider(tenant, { name: 'Quiet Grange' });
    await item('Quiet Grange');
    // Not a change the triggers see (nothing writes provider_triage but the api): the same page is answered
    // as it was, and another page is read without looking for stale rows first.
    await api.fixtures.owner.query(
      `UPDATE provider_triage SET priority_reasons = '{"as ranked before"}' WHERE provider_id = $1`,
      [provider.id],
    );
    expect((await item('Quiet Grange')).priority.reasons).toEqual([
      '2 items left',
      '30 days to deadline',
      'never contacted',
    ]);
    expect((await item('Quiet Grange', '&pageSize=10')).priority.reasons).toEqual(['as ranked before']);
    // Any change to the provider is notified, and the row is ranked again. The first page is still the one
    // answered before the change until the api hears of it, so wait for the change itself to show.
    await api.fixtures.owner.query(`UPDATE providers SET region = 'London' WHERE id = $1`, [provider.id]);
    const ranked = await eventually(
      () => item('Quiet Grange', '&pageSize=10'),
      (found) => found.region === 'London',
    );
    expect(ranked).toMatchObject({
      region: 'London',
      priority: { reasons: ['2 items left', '30 days to deadline', 'never contacted'] },
    });
  });

  it('sends a kept page in every encoding a browser asks for, as JSON, and a changed page once changed', async () => {
    for (let n = 0; n < 8; n++) {
      await caseload.provider(tenant, { name: `Encoded House ${n}` });
    }
    const path = `${base}?cycle=${cycle.code}&search=Encoded%20House`;
    const page = await eventually(
      () => adviser.get(path),
      (answer) => (answer.body as CaseloadPage).total === 8,
    );
    const encodings: Array<[string, string | undefined]> = [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
      ['gzip, deflate, br, zstd', 'br'],
    ];
    for (const [acceptEncoding, contentEncoding] of encodings) {
      const response = await adviser.request('GET', path, (test) => test.set('Accept-Encoding', acceptEncoding));
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(contentEncoding);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['vary']).toMatch(/Accept-Encoding/);
      expect(response.body).toEqual(page.body);
    }
    await api.fixtures.owner.query(`UPDATE providers SET region = 'North West' WHERE name = 'Encoded House 3'`);
    const changed = await eventually(
      () => adviser.request('GET', path, (test) => test.set('Accept-Encoding', 'br')),
      (answer) => (answer.body as CaseloadPage).items.some((found) => found.region === 'North West'),
    );
    expect(changed.headers['content-encoding']).toBe('br');
    expect((changed.body as CaseloadPage).items.filter((found) => found.region === 'North West')).toHaveLength(1);
  });

  it('re-ranks every provider of the LSP on a new day', async () => {
    const provider = await caseload.provider(tenant, { name: 'Yesterday House' });
    await item('Yesterday House');
    // As if ranked yesterday, when the figures were different, and today is the api's first look.
    await api.fixtures.owner.query(
      `UPDATE provider_triage SET ranked_on = ranked_on - 1, priority_reasons = '{"31 days to deadline"}' WHERE provider_id = $1`,
      [provider.id],
    );
    api.app.get(TriageFreshness).changed(tenant.id);
    expect((await item('Yesterday House')).priority.reasons).toEqual([
      '2 items left',
      '30 days to deadline',
      'never contacted',
    ]);
    expect(await triageRows(provider.id)).toEqual([
      { ranked_on: londonDay(0), priority_reasons: ['2 items left', '30 days to deadline', 'never contacted'] },
    ]);
  });

  it("re-ranks providers with no assessment when the cycle's question set changes", async () => {
    await caseload.provider(tenant, { name: 'Unstarted Lodge' });
    expect((await item('Unstarted Lodge')).progress).toEqual({ completed: 0, total: 2 });
    await api.fixtures.owner.query(
      `INSERT INTO questions (cycle_id, code, section, title, level, position) VALUES ($1, '9.9.9', 'Data Security', 'Late item', 'SM', 99)`,
      [cycle.id],
    );
    expect(
      await eventually(
        () => item('Unstarted Lodge'),
        (found) => found.progress.total === 3,
      ),
    ).toMatchObject({ progress: { completed: 0, total: 3 } });
    await api.fixtures.owner.query(`DELETE FROM questions WHERE cycle_id = $1 AND code = '9.9.9'`, [cycle.id]);
  });

  it('answers concurrent first requests alike, ranking each provider once', async () => {
    const other = await api.fixtures.tenant('triage-concurrent');
    const member = await api.fixtures.member(other, 'adviser', { mfa: true });
    const client = await new ApiClient(api.app).signIn(member.email, member.password, member.totpSecret);
    for (let index = 0; index < 40; index++) {
      await caseload.provider(other, {
        name: `Concurrent ${index}`,
        lastContactAt: index % 2 ? undefined : new Date(),
      });
    }
    const url = `/api/tenants/${other.slug}/providers?cycle=${cycle.code}&pageSize=50`;
    const pages = await Promise.all(Array.from({ length: 8 }, () => client.get(url)));
    expect(pages.map((page) => page.status)).toEqual(Array(8).fill(200));
    const orders = pages.map((page) => (page.body as CaseloadPage).items.map((entry) => entry.name).join());
    expect(new Set(orders).size).toBe(1);
    expect((pages[0].body as CaseloadPage).total).toBe(40);
    const [{ n }] = await api.fixtures.owner.query(
      `SELECT count(*)::int AS n FROM provider_triage WHERE tenant_id = $1`,
      [other.id],
    );
    expect(n).toBe(40);
  });

  it('sorts names as people read them: case and accents ignored, numbers in order', async () => {
    const other = await api.fixtures.tenant('triage-names');
    const member = await api.fixtures.member(other, 'viewer', { mfa: true });
    const client = await new ApiClient(api.app).signIn(member.email, member.password, member.totpSecret);
    for (const name of ['Home 10', 'home 9', 'Élan Court', 'Acorn', 'eden Grove']) {
      await caseload.provider(other, { name });
    }
    const names = async (direction: string) =>
      (
        (await client.get(`/api/tenants/${other.slug}/providers?cycle=${cycle.code}&sort=name&direction=${direction}`))
          .body as CaseloadPage
      ).items.map((entry) => entry.name);
    expect(await names('asc')).toEqual(['Acorn', 'eden Grove', 'Élan Court', 'home 9', 'Home 10']);
    expect(await names('desc')).toEqual(['Home 10', 'home 9', 'Élan Court', 'eden Grove', 'Acorn']);
  });
});
