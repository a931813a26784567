// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.build/', 'build/', 'templates/init/dist/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain CommonJS scripts that Node runs as they are (bin/, scripts/synth.js, jest.config.js).
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
);
