// Lint: TypeScript-aware recommended rules, React hooks rules for the app, and the rules that
// keep the architecture honest (no eval in anything that may reach the mini-program bundle).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const TYPES_ONLY = 'Import types only from schema modules in the app; take values from TypeBox-free domain modules.';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', 'coverage/**', 'test-results/**', '.swc/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Pages talk to the server only through stores and the api client.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // TypeBox (ES2018 syntax, ~100 KB) must not reach the mini-program bundle: schema modules
          // and the domain index give the app types only; values come from TypeBox-free modules.
          paths: ['@domain', '@domain/schemas'].map((name) => ({ name, allowTypeImports: true, message: TYPES_ONLY })),
          patterns: [
            { group: ['**/server/**'], message: 'The app must not import server code.' },
            { group: ['@domain/schemas-*'], allowTypeImports: true, message: TYPES_ONLY },
          ],
        },
      ],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      // The domain is pure: no framework, no I/O.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@tarojs/*', 'react', 'mobx*', 'fastify*', 'pg', '@electric-sql/*', 'node:*', 'fs', 'path', '**/server/**', '**/src/**'], message: 'domain/ is pure and framework-free.' }] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
