import { buildOpenApiDocument } from './openapi-document';

type Responses = Record<string, { content?: Record<string, { schema?: object }> }>;
interface Operation {
  operationId: string;
  responses: Responses;
  security?: unknown[];
  'x-access'?: { kind: string };
}

describe('the OpenAPI document', () => {
  let operations: Operation[];

  beforeAll(async () => {
    const document = await buildOpenApiDocument();
    operations = Object.values(document.paths).flatMap((item) => Object.values(item) as Operation[]);
  });

  it('gives every operation a success answer, with a schema unless it has no body', () => {
    const undescribed = operations
      .filter(({ responses }) => {
        const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
        return (
          success.length === 0 ||
          success.some(
            ([status, response]) =>
              status !== '204' && !Object.values(response.content ?? {}).some((media) => media.schema),
          )
        );
      })
      .map(({ operationId }) => operationId);

    expect(operations.length).toBeGreaterThan(100);
    expect(undescribed).toEqual([]);
  });

  it('asks for the session cookie on every route but the public ones, which ask for nothing', () => {
    for (const operation of operations) {
      const expected = operation['x-access']?.kind === 'public' ? [] : [{ session: [] }];
      expect({ route: operation.operationId, security: operation.security }).toEqual({
        route: operation.operationId,
        security: expected,
      });
    }
  });

  it('describes error answers with the API error body', () => {
    const unauthorised = operations.filter(({ responses }) => responses['401']);

    expect(unauthorised.length).toBeGreaterThan(0);
    for (const { responses } of unauthorised) {
      expect(responses['401'].content?.['application/json'].schema).toEqual({
        $ref: '#/components/schemas/ApiErrorBody',
      });
    }
  });
});
