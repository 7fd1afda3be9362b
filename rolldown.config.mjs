// Three bundles, all CommonJS, built after tsc (dist/ holds tsc's ES modules for tests, the corpus worker
// and library users):
// - dist/threadsift.cjs: the command, loaded by bin/threadsift.cjs with require. One file instead of ~75
//   ES modules, and Node starts no ES module loader at all.
// - dist/analysis-worker.cjs: the scan's worker thread (src/pool/analysis-worker.ts), for the same reason:
//   each worker loads the analysis anew, and one file starts in about half the time of its ES modules.
// - dist/vendor/recheck.cjs: the ReDoS checker's pure-JavaScript build with its one dependency. Installed
//   as a package, recheck also pulls ~50 MB of optional Java and native helpers that threadsift never
//   starts; bundled, a production install carries none of them.
// - dist/vendor/zod.cjs: zod, which a run loads to read a configuration, phrase or model file: one file,
//   compiled with the code cache the build leaves beside it, instead of the package's many modules, each
//   resolved, read and compiled anew (docs/performance.md has the figures).
// src/util/vendor.ts loads the two vendor bundles on first use.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const recheckVersion = require('recheck/package.json').version;
const zodVersion = require('zod/package.json').version;

// The bundles are written in ASCII without the sources' comments (src/ has them; rolldown keeps one path
// line per module, and a banner): V8 keeps an ASCII source in one byte per character and reads it faster
// (docs/performance.md). test/v8-flags.test.ts checks them.
const LEAN = { charset: 'ascii', comments: false };

export default [
  {
    input: 'dist/cli.js',
    platform: 'node',
    output: { file: 'dist/threadsift.cjs', format: 'cjs', ...LEAN },
  },
  {
    input: 'dist/pool/analysis-worker.js',
    platform: 'node',
    output: { file: 'dist/analysis-worker.cjs', format: 'cjs', ...LEAN },
  },
  {
    input: require.resolve('recheck'),
    platform: 'node',
    output: {
      file: 'dist/vendor/recheck.cjs',
      format: 'cjs',
      ...LEAN,
      banner: `/*! recheck ${recheckVersion} (https://github.com/makenowjust-labs/recheck), MIT licence, (c) TSUYUSATO Kitsune; with synckit (MIT). Bundled by threadsift's build. */`,
    },
  },
  {
    // Its ES modules (the "import" entry), which bundle into one scope.
    input: fileURLToPath(import.meta.resolve('zod')),
    platform: 'node',
    output: {
      file: 'dist/vendor/zod.cjs',
      format: 'cjs',
      ...LEAN,
      banner: `/*! zod ${zodVersion} (https://github.com/colinhacks/zod), MIT licence, (c) Colin McDonnell. Bundled by threadsift's build. */`,
    },
  },
];
