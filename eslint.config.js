// ESLint flat config: typescript-eslint with type information for every TypeScript and Vue file,
// eslint-plugin-vue's recommended rules for the web, and Prettier (run separately) for layout, so
// no stylistic rule is switched on here. Every rule turned off below says why.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      'dist/',
      'web/dist/',
      '.data/',
      'scripts/standin/',
      '.stryker-tmp/',
      'reports/',
      'web/src/graphql/graphql-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser },
      globals: globals.browser,
    },
  },
  {
    files: ['server/**', 'scripts/**', 'test/**', '*.js', '*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    // Mocha loads reporters with require(); this one has to be CommonJS.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**'],
    rules: {
      // GraphQL answers in tests are untyped JSON by design: the assertions check their shape, and
      // typing every response would only restate the schema the tests are checking.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // chai's `expect(x).to.be.true` style reads as an unused expression.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    rules: {
      // vue-i18n's `t`, envelop's `setResult` and our own factories hand out functions meant to be
      // destructured; the rule cannot tell them from `this`-bound methods, and no code here relies
      // on `this` outside a class.
      '@typescript-eslint/unbound-method': 'off',
      // ObjectIds print as their hex string, which is what every such template and String() wants.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allow: [{ from: 'package', name: 'ObjectId', package: 'bson' }] },
      ],
      '@typescript-eslint/no-base-to-string': ['error', { ignoredTypeNames: ['ObjectId', 'Error', 'RegExp', 'URL'] }],
      // `_name` marks a parameter or destructured field that is deliberately unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Plain JavaScript (this file, mocha's reporter, Stryker's config) carries no types to check against.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.vue'],
    rules: {
      // ESLint's TypeScript program sees other .vue files only through shims-vue.d.ts, so it takes
      // assertions that vue-tsc needs (reactive() literals, template events) for unnecessary.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  prettier,
);
