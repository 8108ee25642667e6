// `npm run lint`, and a step of `npm test`. Type-aware: each TypeScript file is linted with the
// tsconfig that type-checks it, so `no-floating-promises` sees the real types.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import tapeops from './eslint-rules/index.js';
import { layeredRoots, layers } from './eslint-rules/layers.js';

const root = import.meta.dirname;

export default defineConfig(
  globalIgnores(['dist/', 'release/', 'test-results/', 'playwright-report/', '.reports/']),
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        // There is no tsconfig.json for the project service to find; these three cover the tree.
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: root,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // A promise nobody awaits loses its error: on a host link that is a command silently not sent.
      '@typescript-eslint/no-floating-promises': 'error',
      // The style the code already has: `import { a, type B } from '…'`.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The build tools' own config files are in no tsconfig: lint them without types.
    files: ['vite.config.ts', 'vitest.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    plugins: { tapeops },
    rules: { 'tapeops/layering': ['error', { root, layers, layeredRoots }] },
  },
);
