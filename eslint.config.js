// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.wrangler/', 'worker-configuration.d.ts', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs', 'tests/e2e/**/*.mjs', 'eslint.config.js', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  // One direction of dependency: widgets use the app only through its kit (src/kit), and the app
  // reaches the widgets only through the registry, imported once by the Worker's entry.
  {
    files: ['widgets/**/*.ts', 'widgets/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '(^|/)src/(?!kit(/index)?$)', message: 'Widgets import the app only through src/kit.' }],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)widgets(/|$)',
              message: 'Only src/index.ts imports the widget registry; give widgets what they need through src/kit.',
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  prettier,
);
