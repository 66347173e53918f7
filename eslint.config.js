// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { layersPlugin } from './eslint/layers.js';

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
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'console', 'Date'],
    },
  },
  {
    // The web client (src/web, built by Vite): browser globals and the rules of hooks.
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The layers of src/ (eslint/layers.js, docs/architecture.md): no import
    // from a lower layer to a higher one, and no import circles.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { tilsyn: layersPlugin },
    rules: { 'tilsyn/layers': 'error', 'tilsyn/no-cycle': 'error' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
