import type { ApiErrorBody } from '@dspt/contracts';
import { GLOBAL_PERMISSIONS, MAX_INPUT_DEPTH, type GlobalPermission } from '@dspt/domain';
import type { AccessRule } from '@dspt/server/platform';
import { ApiClient, type FixtureTenant } from '@dspt/server/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useTestApi } from '../testing/use-test-api';

interface Schema {
  type?: string;
  enum?: unknown[];
  format?: string;
  $ref?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface Operation {
  key: string;
  method: string;
  path: string;
  access: AccessRule | undefined;
  query: { name: string; schema: Schema }[];
  jsonBody: Schema | undefined;
  multipart: boolean;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        'x-access'?: AccessRule;
        parameters?: { name: string; in: string; schema?: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A layer of Express's router: a route's path and methods, or middleware (no route). */
interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}
const NUL_TEXT = 'hostile\u0000text';
const HUGE_INTEGER = 2_147_483_648;
const BOUNDARY = 'hostile-input-boundary';
const DEEP_JSON = '['.repeat(5_000) + ']'.repeat(5_000);

/** A field to spoil: its path in the body (`contacts.0.email`) and the value that spoils it. */
interface Probe {
  field: string;
  body: unknown;
}

/** Every text and number field of a JSON body schema, each with a body that spoils only it. */
function probes(
  schema: Schema,
  schemas: Record<string, Schema>,
  field: string,
  wrap: (value: unknown) => unknown,
  depth = 0,
): Probe[] {
  const resolved = resolve(schema, schemas);
  if (depth > 4) {
    return [];
  }
  if (resolved.properties) {
    return Object.entries(resolved.properties).flatMap(([name, property]) =>
      probes(property, schemas, field ? `${field}.${name}` : name, (value) => wrap({ [name]: value }), depth + 1),
    );
  }
  if (resolved.type === 'array' && resolved.items) {
    return probes(resolved.items, schemas, `${field}.0`, (value) => wrap([value]), depth + 1);
  }
  if (resolved.type === 'integer' || resolved.type === 'number') {
    return [{ field, body: wrap(HUGE_INTEGER) }];
  }
  if (resolved.type === 'string' || resolved.enum) {
    return [{ field, body: wrap(NUL_TEXT) }];
  }
  return [];
}

function resolve(schema: Schema, schemas: Record<string, Schema>): Schema {
  if (schema.$ref) {
    return resolve(schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}, schemas);
  }
  const parts = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (parts) {
    return parts
      .map((part) => resolve(part, schemas))
      .reduce((all, part) => ({ ...all, ...part, properties: { ...all.properties, ...part.properties } }), {});
  }
  return schema;
}

/** Every operation, as the router's own OpenAPI document lists it: routes added later are covered too. */
async function operations(
  server: Parameters<typeof request>[0],
): Promise<{ routes: Operation[]; schemas: Record<string, Schema> }> {
  const document = (await request(server).get('/api/docs/openapi.json').expect(200)).body as OpenApiDocument;
  const routes = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => {
        const content = operation.requestBody?.content ?? {};
        return {
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          access: operation['x-access'],
          query: (operation.parameters ?? [])
            .filter((parameter) => parameter.in === 'query')
            .map((parameter) => ({ name: parameter.name, schema: parameter.schema ?? {} })),
          jsonBody: content['application/json']?.schema,
          multipart: 'multipart/form-data' in content,
        };
      }),
  );
  return { routes, schemas: document.components.schemas };
}

/** Plausible path parameters: the input checks come before any lookup, so nothing need exist. */
function url(path: string, tenant: FixtureTenant): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'tenantSlug' || name === 'slug') return tenant.slug;
    if (name.endsWith('Id')) return randomUUID();
    if (name === 'odsCode') return 'HX123';
    if (name === 'code') return path.includes('/cycles/') ? '2025-26' : '1.1.5';
    throw new Error(`No sample for path parameter {${name}} of ${path}: add one here`);
  });
}

function namesField(body: ApiErrorBody, field: string): boolean {
  return (body.details ?? []).some((detail) => detail.field === field || detail.field.startsWith(`${field}.`));
}

describe('hostile input on every route of the OpenAPI document: a 4xx naming the field, never a 500', () => {
  const api = useTestApi();
  let routes: Operation[];
  let schemas: Record<string, Schema>;
  let tenant: FixtureTenant;
  const clients = new Map<string, ApiClient>();

  /** A client that gets past the route's access rule, so the check is the input's and not the guard's. */
  async function clientFor(route: Operation): Promise<ApiClient> {
    const access = route.access;
    const role =
      !access || access.kind === 'public'
        ? 'anonymous'
        : access.kind === 'global'
          ? GLOBAL_PERMISSIONS[access.permission as GlobalPermission][0]
          : 'lsp-admin';
    let client = clients.get(role);
    if (!client) {
      if (role === 'anonymous') {
        client = new ApiClient(api.app);
      } else {
        const user =
          role === 'lsp-admin'
            ? await api.fixtures.member(tenant, 'admin', { mfa: true })
            : await api.fixtures.user({ label: role, globalRole: role, mfa: true });
        client = await new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
      }
      clients.set(role, client);
    }
    return client;
  }

  beforeAll(async () => {
    ({ routes, schemas } = await operations(api.app.getHttpServer()));
    tenant = await api.fixtures.tenant('hostile');
  });

  it('probes every route the router serves: the OpenAPI document leaves none out', () => {
    // Express's own table of routes, as Nest registered them ("/api/tenants/:tenantSlug/..."), against the
    // document's ("/api/tenants/{tenantSlug}/..."). Bull Board is mounted as middleware, not as routes.
    const isApiRoute = (path: string) =>
      // Not the document and its viewer, nor the catch-alls that answer 404 for an unknown /api address.
      path.startsWith('/api/') && !path.startsWith('/api/docs') && !path.includes('*');
    const stack = (api.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } }).router.stack;
    const served = stack.flatMap((layer) =>
      layer.route && isApiRoute(layer.route.path)
        ? Object.keys(layer.route.methods)
            .filter((method) => HTTP_METHODS.includes(method))
            .map((method) => `${method.toUpperCase()} ${layer.route?.path}`)
        : [],
    );
    const documented = routes.map((route) => `${route.method} ${route.path.replace(/\{(\w+)\}/g, ':$1')}`);
    expect(served.length).toBeGreaterThan(50);
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
  });

  it(`refuses a body nested 5,000 deep on every route that takes one (limit ${MAX_INPUT_DEPTH} levels)`, async () => {
    const writes = routes.filter((route) => route.method !== 'GET' && !route.multipart);
    expect(writes.map((route) => route.key)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'POST /api/auth/password-reset',
        'POST /api/invitations/preview',
      ]),
    );
    for (const route of writes) {
      const answer = await (
        await clientFor(route)
      ).request(route.method, url(route.path, tenant), (test) =>
        test.set('Content-Type', 'application/json').send(DEEP_JSON),
      );
      expect({ route: route.key, status: answer.status, message: answer.body.message }).toEqual({
        route: route.key,
        status: 400,
        message: `body must not nest objects or lists more than ${MAX_INPUT_DEPTH} levels deep`,
      });
    }
  });

  it('refuses NUL in every text field and an out-of-range number in every number field of every JSON body', async () => {
    let checked = 0;
    for (const route of routes.filter((candidate) => candidate.jsonBody)) {
      for (const probe of probes(route.jsonBody as Schema, schemas, '', (value) => value)) {
        const answer = await (
          await clientFor(route)
        ).request(route.method, url(route.path, tenant), (test) => test.send(probe.body as object));
        expect({
          route: route.key,
          field: probe.field,
          status: answer.status,
          named: namesField(answer.body, probe.field),
        }).toEqual({ route: route.key, field: probe.field, status: 400, named: true });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('refuses NUL in every text query parameter and an out-of-range number in every number parameter', async () => {
    let checked = 0;
    for (const route of routes.filter((candidate) => candidate.query.length > 0)) {
      for (const { name, schema } of route.query) {
        const type = resolve(schema, schemas).type;
        const value = type === 'integer' || type === 'number' ? String(HUGE_INTEGER) : encodeURIComponent(NUL_TEXT);
        const answer = await (
          await clientFor(route)
        ).request(route.method, `${url(route.path, tenant)}?${name}=${value}`);
        expect({ route: route.key, name, status: answer.status, named: namesField(answer.body, name) }).toEqual({
          route: route.key,
          name,
          status: 400,
          named: true,
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
    // The cases the attack found, by name.
    const search = await (
      await clientFor({ access: { kind: 'tenant', permission: 'caseload.read' } } as Operation)
    ).request('GET', `/api/tenants/${tenant.slug}/providers?search=a%00b`);
    expect(search.status).toBe(400);
    const offset = await (
      await clientFor({ access: { kind: 'tenant', permission: 'caseload.read' } } as Operation)
    ).request('GET', `/api/tenants/${tenant.slug}/reminders/preview?offsetDays=2147483648`);
    expect(offset.status).toBe(400);
    expect(offset.body.details).toEqual([expect.objectContaining({ field: 'offsetDays' })]);
  });

  it('answers the largest and smallest whole numbers it accepts in every number parameter without a 500', async () => {
    let checked = 0;
    for (const route of routes.filter((candidate) => candidate.method === 'GET')) {
      for (const { name, schema } of route.query) {
        const type = resolve(schema, schemas).type;
        if (type !== 'integer' && type !== 'number') {
          continue;
        }
        for (const value of [String(HUGE_INTEGER - 1), String(-HUGE_INTEGER), '99999999']) {
          const answer = await (await clientFor(route)).get(`${url(route.path, tenant)}?${name}=${value}`);
          expect({ route: route.key, name, value, serverError: answer.status >= 500 }).toEqual({
            route: route.key,
            name,
            value,
            serverError: false,
          });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("refuses NUL in an upload's file name and in its other form fields", async () => {
    const uploads = routes.filter((route) => route.multipart);
    expect(uploads.length).toBeGreaterThanOrEqual(3);
    for (const route of uploads) {
      const client = await clientFor(route);
      // A raw NUL in a part header is refused by the form parser itself; an encoded one (RFC 5987) is decoded.
      const form = [
        `--${BOUNDARY}`,
        `Content-Disposition: form-data; name="file"; filename*=UTF-8''sheet%00.csv`,
        'Content-Type: text/csv',
        '',
        'a,b\n1,2',
        `--${BOUNDARY}--`,
        '',
      ].join('\r\n');
      const badName = await client.request(route.method, url(route.path, tenant), (test) =>
        test.set('Content-Type', `multipart/form-data; boundary=${BOUNDARY}`).send(form),
      );
      expect({ route: route.key, status: badName.status, named: namesField(badName.body, 'file') }).toEqual({
        route: route.key,
        status: 400,
        named: true,
      });
      const badField = await client.request(route.method, url(route.path, tenant), (test) =>
        test
          .field('note', NUL_TEXT)
          .attach('file', Buffer.from('a,b\n1,2\n'), { filename: 'sheet.csv', contentType: 'text/csv' }),
      );
      expect({ route: route.key, status: badField.status, named: namesField(badField.body, 'note') }).toEqual({
        route: route.key,
        status: 400,
        named: true,
      });
    }
  });

  it('refuses a control character in the address itself', async () => {
    const answer = await new ApiClient(api.app).get(`/api/tenants/a%00b/providers`);
    expect(answer.status).toBe(400);
  });
});
