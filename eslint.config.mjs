import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Server areas on layers (docs/architecture.md "Server areas"): a layer uses only the layers below it, and a
// feature area uses another feature area only where named here.
const shared = ['type:domain', 'type:contracts'];
const platform = [...shared, 'layer:platform'];
const data = [...platform, 'layer:data'];
const messaging = [...data, 'layer:messaging'];
const featureUses = {
  'area:identity': [],
  'area:caseload': [],
  'area:statistics': [],
  'area:reminders': ['area:caseload'],
  'area:reconciliation': ['area:caseload'],
  'area:privacy': ['area:caseload'],
};
const serverLayers = [
  { sourceTag: 'layer:platform', onlyDependOnLibsWithTags: platform },
  { sourceTag: 'layer:data', onlyDependOnLibsWithTags: data },
  { sourceTag: 'layer:messaging', onlyDependOnLibsWithTags: messaging },
  ...Object.entries(featureUses).map(([area, uses]) => ({
    sourceTag: area,
    onlyDependOnLibsWithTags: [...messaging, area, ...uses],
  })),
];

// Module boundaries (DESIGN.md §3): the domain is pure, web never reaches server code, and apps are composed
// of libs, never of each other.
const boundaries = {
  enforceBuildableLibDependency: false,
  allow: [],
  // The sign-in pages are web-auth's second entry point (@dspt/web/auth/pages), loaded lazily by the
  // app while the rest of the library (session, guards) is needed at start: two entries, two chunks.
  checkDynamicDependenciesExceptions: ['@dspt/web/auth'],
  depConstraints: [
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:domain'],
      bannedExternalImports: [
        '@nestjs/*',
        '@angular/*',
        'typeorm',
        'pg',
        'bullmq',
        'ioredis',
        'nodemailer',
        'rxjs',
        'express',
      ],
    },
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
    { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
    { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:domain', 'type:contracts'] },
    { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:domain', 'type:contracts'] },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
    { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: [] },
    ...serverLayers,
  ],
};

// Test helpers (type:testing, e.g. @dspt/server/testing) may be imported by tests and other test helpers only.
const testBoundaries = {
  ...boundaries,
  depConstraints: [
    ...boundaries.depConstraints.map((rule) =>
      rule.onlyDependOnLibsWithTags
        ? { ...rule, onlyDependOnLibsWithTags: [...rule.onlyDependOnLibsWithTags, 'type:testing'] }
        : rule,
    ),
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [...data, 'type:testing'] },
  ],
};

export default defineConfig(
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/.angular',
      '**/.data',
      '**/tmp',
      '**/test-results',
      '**/playwright-report',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/testing/**/*.ts', 'e2e/**/*.ts', 'tools/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', testBoundaries] },
  },
  {
    // A promise nobody awaits loses its rejection (an unhandled rejection ends the process) and its ordering.
    // These rules need the type checker, which made linting several times slower: they cover the server and
    // web source, not the specs.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // The apps have no tsconfig.json for the project service to find: each is given its own.
  ...['api', 'web', 'worker'].map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: `./apps/${app}/tsconfig.app.json`,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  })),
  {
    files: ['apps/web/**/*.ts', 'libs/web/**/*.ts'],
    extends: [angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'dspt', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'dspt', style: 'camelCase' }],
    },
  },
  {
    files: ['apps/web/**/*.html', 'libs/web/**/*.html'],
    extends: [angular.configs.templateRecommended, angular.configs.templateAccessibility],
  },
  {
    // Test helpers (fixtures, fake pages, the integration environment) are for tests only: production code that
    // imported them would ship test data and bypasses. Tests, helpers under testing/ folders and tools may.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/testing/**', '**/src/testing.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@dspt/**/testing'],
              message: 'Test helpers are for tests only (*.spec.ts, *.int-spec.ts, testing/ folders).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
