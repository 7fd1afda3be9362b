import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const naturalRootBan = {
  paths: [
    {
      name: 'natural',
      message:
        "Importing natural's root prints dotenv banners to stdout and reads .env: import a submodule (natural/lib/natural/...) instead.",
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' },
    },
    rules: {
      'no-restricted-imports': ['error', naturalRootBan],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value='natural']",
          message: "Never require natural's root: import a submodule instead.",
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // The command's entry is CommonJS (see its header): require and Node's CommonJS globals are its API.
    files: ['bin/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
