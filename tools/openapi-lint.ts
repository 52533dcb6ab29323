/**
 * `node tools/openapi-lint.ts`: checks the API's OpenAPI document, as the lint stage of `npm test` does.
 *   1. libs/server/platform/src/http/openapi-responses.json matches the controllers (tools/openapi-responses.ts)
 *   2. builds the api (cached by Nx when nothing changed) and writes the document from it, without a database
 *   3. lints the document with Redocly CLI (redocly.yaml: the recommended rules)
 * Exits non-zero when any step fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const document = join(root, 'tmp', 'openapi.json');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function step(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_TUI: 'false' } });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

mkdirSync(join(root, 'tmp'), { recursive: true });
step(process.execPath, [join(root, 'tools', 'openapi-responses.ts'), '--check']);
step(bin('nx'), ['run', 'api:build', '--output-style=static']);
step(process.execPath, [join(root, 'dist', 'apps', 'api', 'openapi.js'), document]);
step(bin('redocly'), ['lint', document, '--config', join(root, 'redocly.yaml')]);
