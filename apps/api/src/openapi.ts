import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from './openapi-document';

/** `node dist/apps/api/openapi.js <file>`: writes the OpenAPI document, without a database (tools/openapi-lint.ts). */
async function main(file: string | undefined): Promise<void> {
  if (!file) {
    throw new Error('Usage: openapi.js <file>');
  }
  writeFileSync(file, JSON.stringify(await buildOpenApiDocument(), null, 2));
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
