/**
 * `node tools/openapi-responses.ts [--check]`: writes what every API route answers, for the OpenAPI document.
 *
 * The contracts are TypeScript interfaces, shared with the web app, and the controllers declare them as their
 * return types; Nest cannot see either at run time. Rather than a class repeating each interface, this reads
 * the controllers' return types with the TypeScript checker and writes them as JSON schemas
 * (libs/server/platform/src/http/openapi-responses.json), which `createOpenApiDocument` attaches to each route's
 * 2xx answer. With --check it writes nothing and fails when the file is out of date (the lint stage runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const output = join(root, 'libs/server/platform/src/http/openapi-responses.json');
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);
/** Types named after their declaration in these folders become shared components. */
const SHARED_TYPES = ['libs/contracts/', 'libs/domain/'];

type Schema = Record<string, unknown>;

/** A route's answer: a JSON schema, a file download, or no body. */
export type RouteAnswer = { kind: 'json'; schema: Schema } | { kind: 'file'; types?: string[] } | { kind: 'empty' };

/** The status a route answers with when it succeeds (Nest's default, or its @HttpCode). */
export type RouteResponse = RouteAnswer & { status: number };

export interface OpenApiResponses {
  components: Record<string, Schema>;
  routes: Record<string, RouteResponse>;
}

function program(): ts.Program {
  const configPath = join(root, 'apps/api/tsconfig.app.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) {
    throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  }
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, join(root, 'apps/api'));
  return ts.createProgram(parsed.fileNames, parsed.options);
}

function decoratorCalls(node: ts.Node): Array<{ name: string; args: readonly ts.Expression[] }> {
  return (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).flatMap((decorator) => {
    const call = decorator.expression;
    return ts.isCallExpression(call) && ts.isIdentifier(call.expression)
      ? [{ name: call.expression.text, args: call.arguments }]
      : [];
  });
}

function decoratorNames(node: ts.Node): string[] {
  return decoratorCalls(node).map(({ name }) => name);
}

function successStatus(method: ts.MethodDeclaration): number {
  const calls = decoratorCalls(method);
  const code = calls.find(({ name }) => name === 'HttpCode')?.args[0];
  if (code) {
    if (!ts.isNumericLiteral(code)) {
      throw new Error(`@HttpCode of ${method.name.getText()} is not a number literal`);
    }
    return Number(code.text);
  }
  return calls.some(({ name }) => name === 'Post') ? 201 : 200;
}

class SchemaWriter {
  readonly components: Record<string, Schema> = {};

  private readonly checker: ts.TypeChecker;

  constructor(checker: ts.TypeChecker) {
    this.checker = checker;
  }

  answer(type: ts.Type): RouteAnswer {
    const awaited = this.checker.getAwaitedType(type) ?? type;
    if (awaited.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) {
      return { kind: 'empty' };
    }
    if (awaited.getSymbol()?.getName() === 'StreamableFile') {
      return { kind: 'file' };
    }
    return { kind: 'json', schema: this.schema(awaited) };
  }

  private schema(type: ts.Type): Schema {
    const shared = this.sharedName(type);
    if (shared) {
      if (!(shared in this.components)) {
        this.components[shared] = {};
        this.components[shared] = this.inline(type);
      }
      return { $ref: `#/components/schemas/${shared}` };
    }
    return this.inline(type);
  }

  private sharedName(type: ts.Type): string | undefined {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration || type.aliasTypeArguments?.length) {
      return undefined;
    }
    const file = relative(root, declaration.getSourceFile().fileName);
    const named = ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration);
    return named && SHARED_TYPES.some((folder) => file.startsWith(folder)) ? symbol.getName() : undefined;
  }

  private inline(type: ts.Type): Schema {
    const { checker } = this;
    if (type.isUnion()) {
      return this.union(type.types);
    }
    if (type.flags & ts.TypeFlags.StringLiteral) {
      return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    }
    if (type.flags & ts.TypeFlags.NumberLiteral) {
      return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    }
    if (type.flags & ts.TypeFlags.BooleanLiteral) {
      return { type: 'boolean' };
    }
    if (type.flags & ts.TypeFlags.StringLike) {
      return { type: 'string' };
    }
    if (type.flags & ts.TypeFlags.NumberLike) {
      return { type: 'number' };
    }
    if (type.flags & ts.TypeFlags.BooleanLike) {
      return { type: 'boolean' };
    }
    if (type.getSymbol()?.getName() === 'Date') {
      return { type: 'string', format: 'date-time' };
    }
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: items.length === 1 ? this.schema(items[0]) : this.union([...items]) };
    }
    if (type.flags & ts.TypeFlags.Object || type.isIntersection()) {
      return this.object(type);
    }
    return {};
  }

  private union(members: ts.Type[]): Schema {
    const present = members.filter((member) => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const nullable = present.some((member) => member.flags & ts.TypeFlags.Null);
    const values = present.filter((member) => !(member.flags & ts.TypeFlags.Null));
    const nullMark = nullable ? { nullable: true } : {};
    if (values.every((member) => member.flags & ts.TypeFlags.BooleanLike)) {
      return { type: 'boolean', ...nullMark };
    }
    if (values.every((member) => member.isStringLiteral())) {
      return { type: 'string', enum: values.map((member) => (member as ts.StringLiteralType).value), ...nullMark };
    }
    if (values.every((member) => member.isNumberLiteral())) {
      return { type: 'number', enum: values.map((member) => (member as ts.NumberLiteralType).value), ...nullMark };
    }
    if (values.length === 1) {
      const only = this.schema(values[0]);
      if (!nullable) {
        return only;
      }
      // OpenAPI 3.0 has no nullable $ref: a nullable wrapper around it needs the type beside it.
      return '$ref' in only
        ? { type: this.inline(values[0]).type, allOf: [only], nullable: true }
        : { ...only, nullable: true };
    }
    return { oneOf: values.map((member) => this.schema(member)), ...nullMark };
  }

  private object(type: ts.Type): Schema {
    const { checker } = this;
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration
        ? checker.getTypeOfSymbolAtLocation(property, declaration)
        : checker.getTypeOfSymbol(property);
      if (propertyType.getCallSignatures().length > 0) {
        continue;
      }
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      properties[property.getName()] = propertyType.isUnion()
        ? this.union(propertyType.types)
        : this.schema(propertyType);
      if (!optional) {
        required.push(property.getName());
      }
    }
    const index = checker.getIndexTypeOfType(type, ts.IndexKind.String);
    return {
      type: 'object',
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      ...(required.length > 0 ? { required } : {}),
      ...(index ? { additionalProperties: this.schema(index) } : {}),
    };
  }
}

export function readOpenApiResponses(): OpenApiResponses {
  const source = program();
  const checker = source.getTypeChecker();
  const writer = new SchemaWriter(checker);
  const routes: Record<string, RouteResponse> = {};
  for (const file of source.getSourceFiles()) {
    if (!file.fileName.endsWith('.controller.ts') || file.fileName.includes('node_modules')) {
      continue;
    }
    file.forEachChild(function visit(node) {
      if (!ts.isClassDeclaration(node) || !node.name || !decoratorNames(node).includes('Controller')) {
        return;
      }
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !decoratorNames(member).some((name) => ROUTE_DECORATORS.has(name))) {
          continue;
        }
        const signature = checker.getSignatureFromDeclaration(member);
        if (signature) {
          const answer = writer.answer(signature.getReturnType());
          const produces = decoratorCalls(member).find(({ name }) => name === 'ApiProduces')?.args ?? [];
          const types = produces.flatMap((type) => (ts.isStringLiteral(type) ? [type.text] : []));
          routes[`${node.name.text}_${member.name.getText(file)}`] = {
            status: successStatus(member),
            ...(answer.kind === 'file' && types.length > 0 ? { ...answer, types } : answer),
          };
        }
      }
    });
  }
  // Every error answer has this body (the API's exception filter writes it).
  const errorBody = source.getSourceFile(join(root, 'libs/contracts/src/lib/api-error.ts'));
  errorBody?.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'ApiErrorBody') {
      writer.answer(checker.getTypeAtLocation(node));
    }
  });
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return { components: sorted(writer.components), routes: sorted(routes) };
}

async function main(): Promise<void> {
  const options = { ...(await resolveConfig(output)), filepath: output };
  const text = await format(JSON.stringify(readOpenApiResponses()), options);
  if (process.argv.includes('--check')) {
    if (readFileSync(output, 'utf8') !== text) {
      console.error(`${relative(root, output)} is out of date: run node tools/openapi-responses.ts`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(output, text);
  console.log(`Wrote ${relative(root, output)}`);
}

if (import.meta.main) {
  await main();
}
