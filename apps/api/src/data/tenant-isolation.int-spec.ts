import { globalRoleGrants } from '@dspt/domain';
import type { AccessRule } from '@dspt/server/platform';
import { ImportProgressStore } from '@dspt/server/caseload';
import { ApiClient, type Fixtures, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useTestApi } from '../testing/use-test-api';

interface Operation {
  method: string;
  path: string;
  access: AccessRule | undefined;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const TENANT_PREFIX = '/api/tenants/{tenantSlug}/';

/** Every operation of the app's own OpenAPI document: routes added later are covered automatically. */
async function operations(app: NestExpressApplication): Promise<Operation[]> {
  const document = (await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, { 'x-access'?: AccessRule }>>;
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, access: operation['x-access'] })),
  );
}

function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/**
 * A valid body for operations that have one, so a refusal cannot be a validation error in disguise.
 * A new mutating tenant route with a body needs an entry here (the test says so).
 */
const SAMPLE_BODIES: Record<string, object> = {
  'POST /api/tenants/{tenantSlug}/invitations': { email: 'isolation-probe@test.example', role: 'viewer' },
  'PATCH /api/tenants/{tenantSlug}/users/{userId}': { role: 'admin' },
  'POST /api/tenants/{tenantSlug}/users/{userId}/mfa-reset': {},
  'PUT /api/tenants/{tenantSlug}/providers/{providerId}/assessment/questions/{code}': { status: 'in_progress' },
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/publications': {
    level: 'standards_met',
    publishedOn: '2025-05-10',
  },
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/notes': { kind: 'call', body: 'Isolation probe' },
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/tasks': { title: 'Isolation probe', dueOn: '2099-01-01' },
  'PATCH /api/tenants/{tenantSlug}/tasks/{taskId}': { done: true },
  'POST /api/tenants/{tenantSlug}/providers': {
    odsCode: 'VPRB1',
    name: 'Isolation probe',
    kind: 'single_site',
    serviceType: 'homecare',
    sizeBand: 'micro',
    localAuthority: 'Leeds',
    region: 'London',
  },
  'POST /api/tenants/{tenantSlug}/providers/assign': {
    providerIds: ['00000000-0000-4000-8000-000000000000'],
    adviserId: null,
  },
  'PATCH /api/tenants/{tenantSlug}/providers/{providerId}': { version: 1, name: 'Isolation probe' },
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/archive': {},
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/unarchive': {},
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/contacts': {
    name: 'Isolation probe',
    email: 'isolation-probe@test.example',
    role: 'other',
  },
  'PATCH /api/tenants/{tenantSlug}/providers/{providerId}/contacts/{contactId}': { name: 'Isolation probe' },
  'PUT /api/tenants/{tenantSlug}/reminders/cadence': { cycle: '2025-26', offsetsDays: [30, 7] },
  'PUT /api/tenants/{tenantSlug}/local-authorities': { localAuthorities: ['Isolation probe'] },
  'POST /api/tenants/{tenantSlug}/coverage/claims': { cqcLocationIds: ['1-000'] },
  'POST /api/tenants/{tenantSlug}/emails/{messageId}/retry': {},
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/guidance-emails': { message: 'Isolation probe' },
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/guidance-emails/preview': { message: 'Isolation probe' },
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/contacts/{contactId}/resubscribe': {
    request: 'Isolation probe',
  },
  'POST /api/tenants/{tenantSlug}/email-templates/preview': {
    key: 'guidance',
    providerId: '00000000-0000-4000-8000-000000000000',
  },
  'PUT /api/tenants/{tenantSlug}/email-templates': {
    key: 'guidance',
    subject: 'Isolation probe',
    body: '{{openItems}}',
  },
  'PUT /api/tenants/{tenantSlug}/email-settings': { replyTo: 'isolation-probe@test.example' },
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/contacts/{contactId}/erasure': {},
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/erasure': { confirmOdsCode: 'VPRB1' },
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/transfer-requests': {
    toTenantSlug: 'isolation-probe',
    note: 'Isolation probe',
  },
  'POST /api/tenants/{tenantSlug}/transfer-requests/{requestId}/accept': { version: 1 },
  'POST /api/tenants/{tenantSlug}/transfer-requests/{requestId}/decline': { version: 1, reason: 'Isolation probe' },
  'POST /api/tenants/{tenantSlug}/transfer-requests/{requestId}/cancel': { version: 1 },
  'POST /api/tenants/{tenantSlug}/reconciliation/{providerId}': { action: 'keep', reason: 'Isolation probe' },
  // Uploads: no file at all, so a refusal cannot come from reading one.
  'POST /api/tenants/{tenantSlug}/imports/providers': {},
  'POST /api/tenants/{tenantSlug}/providers/{providerId}/assessment/import': {},
};

/** One row of each caseload table for a provider (fixtures.caseloadRows), with the ids the routes take. */
async function caseloadResources(
  fixtures: Fixtures,
  tenant: FixtureTenant,
): Promise<{
  providerId: string;
  taskId: string;
  code: string;
  contactId: string;
  odsCode: string;
  messageId: string;
}> {
  const { providerId } = await fixtures.caseloadRows(tenant);
  const [task] = await fixtures.owner.query(`SELECT id FROM tasks WHERE provider_id = $1`, [providerId]);
  const [contact] = await fixtures.owner.query(`SELECT id FROM provider_contacts WHERE provider_id = $1`, [providerId]);
  const [provider] = await fixtures.owner.query(`SELECT ods_code FROM providers WHERE id = $1`, [providerId]);
  const [message] = await fixtures.owner.query(`SELECT id FROM email_messages WHERE provider_id = $1`, [providerId]);
  return {
    providerId,
    taskId: task.id,
    code: '1.1.5',
    contactId: contact.id,
    odsCode: provider.ods_code,
    messageId: message.id,
  };
}

/** A waiting request offering the tenant's provider to a third LSP (neither A nor B). */
async function transferRequestResource(fixtures: Fixtures, tenant: FixtureTenant, providerId: string): Promise<string> {
  const elsewhere = await fixtures.tenant('elsewhere');
  const [request] = await fixtures.owner.query(
    `INSERT INTO provider_transfer_requests (from_tenant_id, to_tenant_id, provider_id, ods_code, provider_name, note)
     SELECT $1, $2, p.id, p.ods_code, p.name, 'Moved area' FROM providers p WHERE p.id = $3 RETURNING id`,
    [tenant.id, elsewhere.id, providerId],
  );
  return request.id;
}

/** A background provider import of the tenant, as its progress is kept. */
async function importResource(app: NestExpressApplication, tenant: FixtureTenant): Promise<string> {
  const importId = randomUUID();
  await app.get(ImportProgressStore).save(tenant.id, { importId, status: 'importing', processed: 10, total: 1500 });
  return importId;
}

describe('tenant isolation matrix (every tenant-scoped route in the OpenAPI document)', () => {
  const api = useTestApi();
  let app: NestExpressApplication;
  let fixtures: Fixtures;
  let routes: Operation[];
  let tenantRoutes: Operation[];
  let a: FixtureTenant;
  let b: FixtureTenant;
  let bViewer: FixtureUser;
  let bResources: Record<string, string>;
  let bSecrets: string[];

  const signIn = async (user: FixtureUser) => new ApiClient(app).signIn(user.email, user.password, user.totpSecret);
  const url = (path: string, values: Record<string, string>) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      if (!value) {
        throw new Error(`No fixture for path parameter {${name}} of ${path}: add tenant B's resource to bResources`);
      }
      return value;
    });

  beforeAll(async () => {
    ({ app, fixtures } = api);
    routes = await operations(app);
    tenantRoutes = routes.filter((route) => route.path.startsWith(TENANT_PREFIX));
    [a, b] = [await fixtures.tenant('a'), await fixtures.tenant('b')];
    await fixtures.member(b, 'admin', { mfa: true });
    bViewer = await fixtures.member(b, 'viewer', { mfa: true });
    const invitationId = await fixtures.invitation(b, `b-invitee-${b.slug}@test.example`);
    const bCaseload = await caseloadResources(fixtures, b);
    const importId = await importResource(app, b);
    const requestId = await transferRequestResource(fixtures, b, bCaseload.providerId);
    bResources = {
      tenantSlug: b.slug,
      slug: b.slug,
      userId: bViewer.id,
      invitationId,
      importId,
      requestId,
      ...bCaseload,
    };
    bSecrets = [
      requestId,
      b.id,
      b.name,
      bViewer.id,
      bViewer.email,
      invitationId,
      `b-invitee-${b.slug}`,
      bCaseload.providerId,
      bCaseload.taskId,
      bCaseload.contactId,
      bCaseload.odsCode,
      importId,
      bCaseload.messageId,
    ];
  });

  it('finds the tenant routes and each one declares tenant access (and only they do)', () => {
    expect(tenantRoutes.length).toBeGreaterThanOrEqual(7);
    for (const route of routes) {
      const declaredTenant = route.access?.kind === 'tenant';
      expect({ route: `${route.method} ${route.path}`, tenantRule: declaredTenant }).toEqual({
        route: `${route.method} ${route.path}`,
        tenantRule: route.path.startsWith(TENANT_PREFIX),
      });
    }
  });

  it('declares an access rule on every route, as recorded here (review any change to this list)', () => {
    const missing = routes.filter((route) => !route.access).map((route) => `${route.method} ${route.path}`);
    expect(missing).toEqual([]);
    const table = Object.fromEntries(
      routes.map((route) => [
        `${route.method} ${route.path}`,
        route.access?.kind === 'tenant' || route.access?.kind === 'global'
          ? `${route.access.kind}:${route.access.permission}`
          : route.access?.kind,
      ]),
    );
    expect(table).toMatchSnapshot();
  });

  it("refuses a member of A every route under B's slug, and B's resource ids under A's slug, leaking nothing", async () => {
    const aAdmin = await signIn(await fixtures.member(a, 'admin', { mfa: true }));
    const answers: string[] = [];
    for (const route of tenantRoutes) {
      const key = `${route.method} ${route.path}`;
      const body = SAMPLE_BODIES[key];
      if (['POST', 'PUT', 'PATCH'].includes(route.method) && body === undefined) {
        throw new Error(`Add a valid sample body for ${key} to SAMPLE_BODIES`);
      }
      const underB = await aAdmin.send(route.method, url(route.path, bResources), body);
      answers.push(`${key} as B: ${underB.status}`);
      expect({ key, status: underB.status }).toEqual({ key, status: 403 });
      for (const secret of bSecrets) {
        expect(JSON.stringify(underB.body)).not.toContain(secret);
      }

      if (pathParameters(route.path).length > 1) {
        const withBIds = await aAdmin.send(route.method, url(route.path, { ...bResources, tenantSlug: a.slug }), body);
        answers.push(`${key} with B's ids: ${withBIds.status}`);
        expect({ key, status: withBIds.status }).toEqual({ key, status: 404 });
        for (const secret of bSecrets) {
          expect(JSON.stringify(withBIds.body)).not.toContain(secret);
        }
      }
    }
    expect(answers.length).toBeGreaterThan(tenantRoutes.length);

    // And nothing of B's changed.
    const [membership] = await fixtures.owner.query(
      `SELECT role FROM memberships WHERE user_id = $1 AND tenant_id = $2`,
      [bViewer.id, b.id],
    );
    expect(membership.role).toBe('viewer');
    const [bUser] = await fixtures.owner.query(`SELECT mfa_enrolled_at FROM users WHERE id = $1`, [bViewer.id]);
    expect(bUser.mfa_enrolled_at).not.toBeNull();
    const [invitation] = await fixtures.owner.query(`SELECT revoked_at FROM invitations WHERE id = $1`, [
      bResources['invitationId'],
    ]);
    expect(invitation.revoked_at).toBeNull();
    const [{ n }] = await fixtures.owner.query(`SELECT count(*)::int AS n FROM invitations WHERE tenant_id = $1`, [
      b.id,
    ]);
    expect(n).toBe(1);
    const [caseload] = await fixtures.owner.query(
      `SELECT (SELECT qp.status FROM question_progress qp JOIN assessments a ON a.id = qp.assessment_id WHERE a.provider_id = $1) AS progress,
              (SELECT count(*)::int FROM publications WHERE provider_id = $1) AS publications,
              (SELECT count(*)::int FROM case_notes WHERE provider_id = $1) AS notes,
              (SELECT count(*)::int FROM tasks WHERE provider_id = $1 AND done_at IS NULL) AS open_tasks`,
      [bResources['providerId']],
    );
    expect(caseload).toEqual({ progress: 'completed', publications: 1, notes: 1, open_tasks: 1 });
    const [provider] = await fixtures.owner.query(
      `SELECT p.name LIKE 'Provider %' AS named, p.version, p.archived_at, p.assigned_adviser_id,
              (SELECT array_agg(c.name) FROM provider_contacts c WHERE c.provider_id = p.id) AS contacts
       FROM providers p WHERE p.id = $1`,
      [bResources['providerId']],
    );
    expect(provider).toEqual({
      named: true,
      version: 1,
      archived_at: null,
      assigned_adviser_id: null,
      contacts: ['Pat Manager'],
    });
    const [{ providers }] = await fixtures.owner.query(
      `SELECT count(*)::int AS providers FROM providers WHERE tenant_id = $1`,
      [b.id],
    );
    expect(providers).toBe(1);
    const [emails] = await fixtures.owner.query(
      `SELECT (SELECT array_agg(status) FROM email_messages WHERE tenant_id = $1) AS statuses,
              (SELECT offsets_days FROM reminder_cadences WHERE tenant_id = $1) AS cadence,
              (SELECT subject FROM tenant_email_templates WHERE tenant_id = $1) AS subject,
              (SELECT reply_to FROM tenant_email_settings WHERE tenant_id = $1) AS reply_to,
              (SELECT count(*)::int FROM email_suppressions WHERE tenant_id = $1) AS suppressions`,
      [b.id],
    );
    expect(emails).toEqual({
      statuses: ['failed'],
      cadence: [60, 30, 7],
      subject: 'Guidance for {{providerName}}',
      reply_to: 'help@lsp.example',
      suppressions: 1,
    });
  });

  it('refuses a programme lead and a system admin every tenant route', async () => {
    for (const globalRole of ['programme_lead', 'system_admin'] as const) {
      const client = await signIn(await fixtures.user({ label: globalRole, globalRole, mfa: true }));
      // Routes that name a programme-wide permission (`orGlobal`) let its holders in on purpose: tested where they live.
      const refused = tenantRoutes.filter(
        ({ access }) =>
          !(access?.kind === 'tenant' && access.orGlobal && globalRoleGrants(globalRole, access.orGlobal)),
      );
      // Only GET and PUT local-authorities name one (tenants.manage: system admins).
      expect(tenantRoutes.length - refused.length).toBe(globalRole === 'system_admin' ? 2 : 0);
      for (const route of refused) {
        const response = await client.send(
          route.method,
          url(route.path, { ...bResources, tenantSlug: a.slug }),
          SAMPLE_BODIES[`${route.method} ${route.path}`],
        );
        expect({ globalRole, route: `${route.method} ${route.path}`, status: response.status }).toEqual({
          globalRole,
          route: `${route.method} ${route.path}`,
          status: 403,
        });
      }
    }
  });

  it('lets a viewer change nothing', async () => {
    const viewer = await signIn(await fixtures.member(a, 'viewer', { mfa: true }));
    const aMember = await fixtures.member(a, 'adviser');
    const aInvitation = await fixtures.invitation(a, `a-invitee-${a.slug}@test.example`);
    const aCaseload = await caseloadResources(fixtures, a);
    const requestId = await transferRequestResource(fixtures, a, aCaseload.providerId);
    const own = {
      tenantSlug: a.slug,
      userId: aMember.id,
      invitationId: aInvitation,
      importId: await importResource(app, a),
      requestId,
      ...aCaseload,
    };
    const mutating = tenantRoutes.filter((route) => route.method !== 'GET');
    expect(mutating.length).toBeGreaterThan(0);
    for (const route of mutating) {
      const key = `${route.method} ${route.path}`;
      const response = await viewer.send(route.method, url(route.path, own), SAMPLE_BODIES[key]);
      expect({ key, status: response.status }).toEqual({ key, status: 403 });
    }
    const [membership] = await fixtures.owner.query(`SELECT role FROM memberships WHERE user_id = $1`, [aMember.id]);
    expect(membership.role).toBe('adviser');
  });

  it('answers 401 to every non-public route without a session', async () => {
    const anonymous = new ApiClient(app);
    for (const route of routes.filter((candidate) => candidate.access?.kind !== 'public')) {
      const response = await anonymous.send(
        route.method,
        url(route.path, bResources),
        SAMPLE_BODIES[`${route.method} ${route.path}`] ?? {},
      );
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });
});
