import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const naturalRootBan = {
  name: 'natural',
  message: "Importing natural's root prints dotenv banners to stdout and reads .env: import a submodule (natural/lib/natural/...) instead.",
};

/**
 * The layers of src/, lowest first: a group of modules may import its own modules and those of lower
 * tiers, never those of a higher tier or of another group in its own tier. An entry ending in "/" is a
 * folder. The last tier, the run, is the commands on top. A new file or folder under src/ goes into a tier
 * here (test/layers.test.ts fails on a module no tier lists).
 */
export const LAYERS = [
  [{ name: 'util', modules: ['util/', 'types.ts', 'report-types.ts', 'errors.ts', 'config-errors.ts', 'options.ts', 'paths.ts', 'version.ts', 'memory.ts'] }],
  [{ name: 'data', modules: ['data/'] }],
  [{ name: 'text', modules: ['text/'] }],
  [
    { name: 'parsers', modules: ['parsers/'] },
    { name: 'corpus', modules: ['corpus/'] },
    { name: 'detector', modules: ['detector/'] },
  ],
  // signals/model.ts names the trained model's type (erased when compiled): the model sits above the
  // signals whose findings it is trained on.
  [{ name: 'signals', modules: ['signals/'], typesFrom: ['model'] }],
  // run-needs.ts hands each signal what it declares it needs, a trained model among them (by type only).
  [{ name: 'scoring', modules: ['config.ts', 'reasons.ts', 'run-needs.ts', 'scoring/'], typesFrom: ['model'] }],
  [{ name: 'analyze', modules: ['analyze.ts'] }],
  [
    { name: 'reporters', modules: ['reporters/'] },
    { name: 'eval', modules: ['eval/'] },
    { name: 'config-file', modules: ['config-file.ts'] },
  ],
  [{ name: 'model', modules: ['model/'] }],
  // What a run keeps on disk: the persistent index of `scan --index` (SQLite) and the sketch files of
  // `threadsift sketch` (Parquet through DuckDB). Only the run's commands use them.
  [
    { name: 'seen', modules: ['seen/'] },
    { name: 'sketch', modules: ['sketch/'] },
  ],
  // The run: reading inputs, the corpus pass, writing reports, the commands, the library API (api.ts) they
  // share, the generated reference and schemas. Nothing below may import it.
  [{ name: 'run', modules: ['inputs.ts', 'input-threads.ts', 'cross-thread-pass.ts', 'output.ts', 'output-fd.ts', 'progress.ts', 'reference.ts', 'schemas.ts', 'schemas-commands.ts', 'api.ts', 'pool/', 'commands/', 'cli.ts'] }],
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A relative import whose path below src/ starts with one of the group's modules ("../signals/promo.js"). */
const importOf = (group) => `^(?:\\.{1,2}/)+(?:${group.modules.map((m) => (m.endsWith('/') ? escape(m) : `${escape(m.replace(/\.ts$/, '.js'))}$`)).join('|')})`;

const layerRules = LAYERS.flatMap((tier, t) =>
  tier.map((group) => {
    const barred = LAYERS.flatMap((other, o) => (o > t ? other : o === t ? other.filter((g) => g !== group) : []));
    return {
      files: group.modules.map((m) => (m.endsWith('/') ? `src/${m}**/*.ts` : `src/${m}`)),
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: barred.map((other) => ({
              regex: importOf(other),
              caseSensitive: true,
              allowTypeImports: group.typesFrom?.includes(other.name) ?? false,
              message: `${group.name} may not import ${other.name}, which is not below it: move what both need down a layer (LAYERS in eslint.config.js).`,
            })),
          },
        ],
      },
    };
  }),
);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' },
    },
    rules: {
      'no-restricted-imports': ['error', { paths: [naturalRootBan] }],
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
    // natural is a devDependency, kept as the reference the tests compare the stemmer and stopwords with.
    files: ['src/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [naturalRootBan], patterns: [{ group: ['natural/**'], message: 'natural is a devDependency (a test reference): src/ must not import it.' }] }],
    },
  },
  ...layerRules,
  {
    // The command's entry is CommonJS (see its header): require and Node's CommonJS globals are its API.
    files: ['bin/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
