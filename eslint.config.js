// Lint rules. The one that matters most: workflow code stays deterministic and bundleable, so it may
// import only @temporalio/workflow and the plain-TS contracts/domain code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls', 'url',
  'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.test-data/**', 'coverage/**', 'docker/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', fetch: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', globalThis: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-empty-function': 'off' },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*'], message: 'Workflow code must not import Nest: it runs in the deterministic workflow sandbox.' },
            { group: ['typeorm', 'typeorm/*', 'pg', 'class-validator', 'class-transformer'], message: 'Workflow code does no I/O and no validation: use activities.' },
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'Workflow code imports only @temporalio/workflow.' },
            { group: ['node:*', ...NODE_BUILTINS], message: 'Node built-ins are not deterministic: do it in an activity.' },
            { group: ['**/apps/**', '**/libs/persistence/**', '**/libs/audit/**', '**/libs/reference-data/**', '**/libs/embedded/**', '**/libs/temporal/**', '**/libs/config/**', '**/libs/bootstrap/**'], message: 'Workflow code may import only libs/contracts and libs/domain.' },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts', 'libs/contracts/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', ...NODE_BUILTINS], message: 'contracts and domain are pure: workflow code imports them.' },
            { group: ['@nestjs/*', 'typeorm', 'pg'], message: 'contracts and domain are pure: no framework, no I/O.' },
          ],
        },
      ],
    },
  },
);
