// Lint for whittle's own code: typed rules, no floating promises, no I/O in the pure folders.
import tseslint from 'typescript-eslint';

const pureFolders = ['src/dockerfile/**', 'src/rules/**', 'src/report/**', 'src/analysis/**', 'src/budget/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'examples/**', 'eslint.config.js', 'bin/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', name: ['test', 'describe', 'it', 'suite'], package: 'node:test' }] },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'named exports only' }],
    },
  },
  {
    files: pureFolders,
    ignores: ['**/*.test.ts', '**/testing.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { patterns: ['node:fs', 'node:fs/*', 'fs', 'node:net', 'node:child_process', 'node:http', 'node:https'] }],
    },
  },
);
