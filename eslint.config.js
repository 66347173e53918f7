// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Shell layers that the pure core must never import. */
const shellPatterns = [
  '**/cli/**',
  '**/loading/**',
  '**/storage/**',
  '**/synthetic/**',
  '**/engine-io/**',
  '**/benchmark-io/**',
  '**/reports/**',
  '**/web/**',
  '**/http/**',
  '**/pipeline/**',
  '**/aggregates/**',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tilsyn-data/**', 'bench-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'],
              message: 'The core is pure: no I/O.',
            },
            {
              group: ['@duckdb/*', 'pg', 'kysely', '@electric-sql/*'],
              message: 'The core is pure: no database.',
            },
            { group: shellPatterns, message: 'The core never imports a shell.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'console', 'Date'],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
