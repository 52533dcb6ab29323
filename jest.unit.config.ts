import type { Config } from 'jest';
import { pathAliases, serverProject } from './tools/jest/shared.ts';

/** Unit tests: no network, no database; fast and deterministic. */
const config: Config = {
  // Jest's 5 s default is tight when CI runs the unit and web suites side by side on two cores; a test that
  // hangs still fails, only later.
  testTimeout: 20_000,
  projects: [
    serverProject('unit', [
      '<rootDir>/libs/domain/**/*.spec.ts',
      '<rootDir>/libs/contracts/**/*.spec.ts',
      '<rootDir>/libs/server/**/*.spec.ts',
      '<rootDir>/apps/api/**/*.spec.ts',
      '<rootDir>/apps/worker/**/*.spec.ts',
      '<rootDir>/tools/**/*.spec.ts',
    ]),
    {
      displayName: 'web',
      rootDir: import.meta.dirname,
      preset: 'jest-preset-angular',
      setupFilesAfterEnv: ['<rootDir>/tools/jest/web-setup.ts'],
      globalSetup: '<rootDir>/tools/jest/web-time-zone.ts',
      testMatch: ['<rootDir>/apps/web/**/*.spec.ts', '<rootDir>/libs/web/**/*.spec.ts'],
      moduleNameMapper: pathAliases(),
      transform: {
        '^.+\\.(ts|mjs|js|html)$': [
          'jest-preset-angular',
          { tsconfig: '<rootDir>/apps/web/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
        ],
      },
      transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
    },
  ],
};

export default config;
