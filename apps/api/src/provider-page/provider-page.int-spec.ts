import type { ApiErrorBody, ProviderPageView } from '@dspt/contracts';
import { cycleForDate } from '@dspt/domain';
import { londonDate } from '@dspt/server/platform';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import { useTestApi } from '../testing/use-test-api';

describe('the provider page in one request', () => {
  const api = useTestApi();
  let tenant: FixtureTenant;
  let adviser: ApiClient;
  let otherLspAdviser: ApiClient;
  let otherTenant: FixtureTenant;

  const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
  const providerUrl = (slug: string, providerId: string) => `/api/tenants/${slug}/providers/${providerId}`;

  beforeAll(async () => {
    // The page shows the current cycle's assessment, as the routes without `?cycle=` do.
    await api.fixtures.cycleWithQuestions(cycleForDate(londonDate(new Date())).code, [
      { code: '1.1.5', section: 'Staffing and Roles', level: 'AS' },
      { code: '7.1.1', section: 'Data Security', level: 'none' },
    ]);
    tenant = await api.fixtures.tenant('page');
    otherTenant = await api.fixtures.tenant('page-other');
    adviser = await signIn(await api.fixtures.member(tenant, 'adviser', { mfa: true }));
    otherLspAdviser = await signIn(await api.fixtures.member(otherTenant, 'adviser', { mfa: true }));
  });

  it('answers every part of the page, each as its own endpoint does, for any role that reads the caseload', async () => {
    const provider = await api.fixtures.provider(tenant, { name: 'Oak House' });
    const base = providerUrl(tenant.slug, provider.id);
    expect((await adviser.post(`${base}/notes`, { kind: 'call', body: 'Called about 1.1.5' })).status).toBe(201);
    expect((await adviser.post(`${base}/tasks`, { title: 'Call back', dueOn: '2099-01-01' })).status).toBe(201);
    expect((await adviser.put(`${base}/assessment/questions/7.1.1`, { status: 'in_progress' })).status).toBe(200);
    const viewer = await signIn(await api.fixtures.member(tenant, 'viewer', { mfa: true }));

    const response = await viewer.get(`${base}/page`);

    expect(response.status).toBe(200);
    const page = response.body as ProviderPageView;
    expect(page.provider).toMatchObject({ id: provider.id, name: 'Oak House' });
    expect(page.notes.items.map((note) => note.body)).toEqual(['Called about 1.1.5']);
    expect(page.tasks.items.map((task) => task.title)).toEqual(['Call back']);
    expect(page.blockers?.items.map((item) => item.code)).toEqual(['1.1.5']);
    expect(page.assessment?.questions.map((question) => [question.code, question.status])).toEqual([
      ['1.1.5', 'not_started'],
      ['7.1.1', 'in_progress'],
    ]);
    const own = async (path: string) => (await viewer.get(`${base}${path}`)).body;
    expect(page).toEqual({
      provider: await own(''),
      assessment: await own('/assessment'),
      blockers: await own('/blockers'),
      publications: await own('/publications'),
      notes: await own('/notes'),
      tasks: await own('/tasks'),
      moves: (
        await viewer.get(`/api/tenants/${tenant.slug}/transfer-requests?providerId=${provider.id}&status=accepted`)
      ).body,
      emails: await own('/emails'),
    });
  });

  it("is a 404 for another LSP's provider, as if it did not exist", async () => {
    const provider = await api.fixtures.provider(tenant);

    const response = await otherLspAdviser.get(`${providerUrl(otherTenant.slug, provider.id)}/page`);

    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain(provider.odsCode);
  });

  it('is a 403 for someone with no role in the LSP', async () => {
    const provider = await api.fixtures.provider(tenant);

    expect((await otherLspAdviser.get(`${providerUrl(tenant.slug, provider.id)}/page`)).status).toBe(403);
  });

  it('is a 400 naming the provider id when it is not one', async () => {
    const response = await adviser.get(`${providerUrl(tenant.slug, 'not-a-uuid')}/page`);

    expect(response.status).toBe(400);
    expect((response.body as ApiErrorBody).details).toEqual([
      { field: 'providerId', message: 'providerId must be a UUID' },
    ]);
  });
});
