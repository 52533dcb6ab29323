import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiResponse, DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AccessRule } from './access-rules';
import responses from './openapi-responses.json';

// @nestjs/swagger exports the document's type, not those of its parts.
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
interface ResponseObject {
  description: string;
  content?: Record<string, { schema?: SchemaObject }>;
}

/** The httpOnly cookie holding the session token. */
export const SESSION_COOKIE = 'dspt_session';
const SESSION_SCHEME = 'session';
const ERROR_BODY = { $ref: '#/components/schemas/ApiErrorBody' };

export type ProblemStatus = 400 | 401 | 403 | 404 | 409;

const PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'The request is not valid: `details` names each bad field',
  401: 'Not signed in',
  403: 'Signed in, but not allowed to do this',
  404: 'Not found, or not visible to this user',
  409: 'Conflicts with the current state of the record',
};

/** Error answers of a route, each with the API's error body; `description` overrides the usual wording. */
export const ApiProblem = (status: ProblemStatus, description = PROBLEM_DESCRIPTIONS[status]) =>
  ApiResponse({ status, description, schema: ERROR_BODY });

export const ApiProblems = (...statuses: ProblemStatus[]) =>
  applyDecorators(...statuses.map((status) => ApiProblem(status)));

interface RouteResponse {
  status: number;
  kind: 'json' | 'file' | 'empty';
  schema?: SchemaObject;
  /** The media types of a file download. */
  types?: string[];
}

/**
 * The OpenAPI document of an app whose global prefix is set. It reads only the modules' metadata, so an app
 * created in preview mode (no providers, no database) gives the same document: `openapi.js` does that.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const openApi = new DocumentBuilder()
    .setTitle('DSPT Support Portal API')
    .setDescription('Case management for the Local Support Partners of the Better Security, Better Care programme')
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'This portal')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, SESSION_SCHEME)
    .build();
  return describeAnswers(SwaggerModule.createDocument(app, openApi));
}

/**
 * Nest cannot see the contracts (interfaces) the controllers return, so their schemas come from
 * openapi-responses.json, written from the controllers' return types by tools/openapi-responses.ts. This also
 * adds what every route shares: the validation (400) and not-found (404) answers, and no security on public ones.
 */
function describeAnswers(document: OpenAPIObject): OpenAPIObject {
  const routes: Record<string, RouteResponse> = responses.routes as Record<string, RouteResponse>;
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...(responses.components as Record<string, SchemaObject>) },
  };
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      const route = operation ? routes[operation.operationId ?? ''] : undefined;
      if (!operation) {
        continue;
      }
      if (route) {
        describeSuccess(operation, route);
      }
      describeProblems(operation);
      if ((operation as { 'x-access'?: AccessRule })['x-access']?.kind === 'public') {
        operation.security = [];
      }
    }
  }
  dropUnused(document, Object.keys(responses.components));
  return document;
}

/** Leaves out the generated schemas no route uses (health, say, keeps the schema Terminus gives it). */
function dropUnused(document: OpenAPIObject, generated: string[]): void {
  const schemas = document.components?.schemas ?? {};
  const used = new Set<string>();
  const pending = [JSON.stringify(document.paths)];
  for (let text = pending.pop(); text !== undefined; text = pending.pop()) {
    for (const [, name] of text.matchAll(/#\/components\/schemas\/([^"]+)"/g)) {
      if (!used.has(name)) {
        used.add(name);
        pending.push(JSON.stringify(schemas[name]));
      }
    }
  }
  for (const name of generated.filter((name) => !used.has(name))) {
    delete schemas[name];
  }
}

function describeSuccess(operation: OperationObject, route: RouteResponse): void {
  const documented = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
  const statuses = documented.length > 0 ? documented : [String(route.status)];
  for (const status of statuses) {
    const response = (operation.responses[status] ?? { description: '' }) as ResponseObject;
    response.description ||= route.kind === 'empty' ? 'Done; nothing to return' : 'Done';
    if (route.kind === 'json' && !response.content) {
      response.content = { 'application/json': { schema: route.schema } };
    }
    if (route.kind === 'file') {
      const types = route.types ?? ['application/octet-stream'];
      response.content = Object.fromEntries(
        types.map((type) => [type, { schema: { type: 'string', format: 'binary' } as SchemaObject }]),
      );
    }
    operation.responses[status] = response;
  }
}

function describeProblems(operation: OperationObject): void {
  const parameters = (operation.parameters ?? []) as Array<{ in?: string; name?: string }>;
  const add = (status: ProblemStatus) => {
    operation.responses[status] ??= {
      description: PROBLEM_DESCRIPTIONS[status],
      content: { 'application/json': { schema: ERROR_BODY } },
    };
  };
  for (const [status, response] of Object.entries(operation.responses)) {
    // Errors are JSON even where the route answers with a file (@ApiProduces applies to every answer).
    if (/^[45]/.test(status) && !(response as ResponseObject).content?.['application/json']) {
      (response as ResponseObject).content = { 'application/json': { schema: ERROR_BODY } };
    }
  }
  // The validation pipe checks every parameter and body; a record named in the path may not exist.
  if (
    operation.requestBody ||
    parameters.some((parameter) => parameter.in !== 'path' || parameter.name !== 'tenantSlug')
  ) {
    add(400);
  }
  if (parameters.some((parameter) => parameter.in === 'path' && parameter.name !== 'tenantSlug')) {
    add(404);
  }
}
