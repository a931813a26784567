// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.build/', 'build/', 'templates/init/dist/', '**/.peapod-import-*', '**/.*.synth-*/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain CommonJS scripts that Node runs as they are (bin/, scripts/synth.js, jest.config.js).
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Report takes any rule id (a program's own rules); Peapod's modules report through RuleReport, whose ids are checked.
    files: ['lib/**/*.ts'],
    ignores: ['lib/validation/problem.ts', 'lib/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/problem'], importNames: ['Report'], message: 'Report through RuleReport: its rule ids are checked against the definitions.' }] },
      ],
    },
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
);
