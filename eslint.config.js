import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * The house rules of DESIGN.md section 2, enforced. A feature never imports another feature
 * (shared things live in src/bytes, src/session, src/kms, src/policy, src/ui); the sandbox
 * imports console code only from src/policy; and src/policy, which runs in the browser and in the
 * sandbox, uses neither the DOM nor Node. Paths are resolved (import-x), so a rule holds at any
 * folder depth.
 */
/** Every folder of src/features is a feature, so a new one is covered from its first file. */
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message:
    'A feature never imports another feature: move what both need to src/kms, src/ui, src/bytes or src/session.',
}));

/** Globals of the browser or of Node alone; those both have (URL, TextEncoder, console) are fine. */
const browserOnlyOrNodeOnly = [
  ...Object.keys(globals.browser).filter((name) => !(name in globals.node)),
  ...Object.keys(globals.node).filter((name) => !(name in globals.browser)),
].filter((name) => !(name in globals.es2021));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.sandbox-state'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json'],
          // src/policy imports its siblings as `./x.js` (it also runs as plain Node modules).
          extensionAlias: { '.js': ['.ts', '.js'] },
        }),
      ],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureZones,
            {
              target: './sandbox',
              from: './src',
              except: ['./policy'],
              message: 'The sandbox uses console code only from src/policy.',
            },
            {
              target: './src/policy',
              from: ['./src', './sandbox'],
              except: ['./policy'],
              message: 'src/policy is pure: it imports nothing of the console or the sandbox.',
            },
          ],
        },
      ],
    },
  },
  {
    // The console runs in the browser: no Node modules anywhere in src.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', '../../sandbox/*'] }],
    },
  },
  {
    // One date format in the console: dates and times are written by src/ui/format.ts only.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/ui/format.ts', 'src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
          message: 'Write dates with formatDateTime (src/ui/format.ts): one format per console.',
        },
        {
          selector:
            "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/], CallExpression[callee.property.name='toLocaleString'][arguments.length=0]",
          message: 'Write dates with formatDateTime (src/ui/format.ts): one format per console.',
        },
      ],
    },
  },
  {
    // The policy evaluator runs in the browser and in the sandbox: no DOM, no Node, no React.
    files: ['src/policy/**/*.ts'],
    ignores: ['src/policy/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...browserOnlyOrNodeOnly.map((name) => ({
          name,
          message: 'src/policy runs in the browser and in Node: use neither one’s own globals.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/policy runs in the browser too.' },
            { regex: '^(?!\\.{1,2}/)', message: 'src/policy imports only its own modules.' },
          ],
        },
      ],
    },
  },
  {
    // Specs take `test` and `expect` from e2e/support/test.ts, whose fixture fails a test on any
    // Content-Security-Policy violation; the plain ones from Playwright would skip that watch.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test', 'expect'],
              message:
                "Import test and expect from './support/test' (it watches for CSP violations).",
            },
          ],
        },
      ],
    },
  },
);
