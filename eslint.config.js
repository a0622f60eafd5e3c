// ESLint with typescript-eslint's type-aware rules: promises nobody awaits or handles, and `any` leaking
// from JSON.parse, untyped libraries or catch clauses into typed code. Formatting is Prettier's job
// (`npm run format`); none of the sets below has formatting rules.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Evidence, editors' files, fixture bytes and build output: data, not code.
  globalIgnores(['seeds/', 'content/', 'test/fixtures/', '_site/', '_site.*/', '.cache/', 'test-results/']),
  {
    files: ['**/*.{ts,js,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // Types come from tsconfig.json, the project `npm run typecheck` checks.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Control characters in patterns are the point here: terminal escapes, C0 controls in seeds and YAML.
      'no-control-regex': 'off',
      // `let [from, to] = …` where only `to` changes reads better than splitting the pair.
      'prefer-const': ['error', { destructuring: 'all' }],
      // `({ id: _, ...rest }) => rest` is how the code drops a property.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  // The few plain JavaScript files are outside tsconfig.json: no type information for them.
  { files: ['**/*.{js,mjs}'], extends: [tseslint.configs.disableTypeChecked] },
  { files: ['**/*.mjs', '*.config.js'], languageOptions: { globals: globals.node } },
  // The search page's script runs in the browser as a classic script.
  { files: ['_includes/js/**/*.js'], languageOptions: { sourceType: 'script', globals: globals.browser } },
);
