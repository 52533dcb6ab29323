import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from 'jest';

const root = join(import.meta.dirname, '..', '..');

/** Maps the tsconfig path aliases (@dspt/...) onto their sources, so tests run without a build. */
export function pathAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  const paths: Record<string, string[]> = tsconfig.compilerOptions.paths;
  return Object.fromEntries(
    Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, join('<rootDir>', target)]),
  );
}

/** Server-side code: plain Node, compiled by SWC with Nest's decorator metadata. */
export function serverProject(displayName: string, testMatch: string[]): Config {
  return {
    displayName,
    rootDir: root,
    testEnvironment: 'node',
    testMatch,
    testPathIgnorePatterns: ['/node_modules/', '/dist/', '/e2e/'],
    moduleNameMapper: pathAliases(),
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2023',
          },
          module: { type: 'commonjs' },
          sourceMaps: 'inline',
        },
      ],
    },
  };
}
