#!/usr/bin/env node
'use strict';
// CommonJS on purpose: with a CommonJS entry and bundle, Node starts no ES module loader (~20 ms).

// V8 runs each regular expression's first match in its bytecode interpreter before compiling it. A scan
// runs hundreds of patterns over thousands of comments, so compiling them at once is ~0.1 s faster.
require('node:v8').setFlagsFromString('--no-regexp-tier-up');
const { main } = require('../dist/threadsift.cjs');

main(process.argv.slice(2)).then((code) => {
  // Once everything written has reached the OS, leave without Node's tear-down of a large heap
  // (~35 ms for a 5,000-comment thread). Anything still buffered is left to drain: normal exit.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
  process.exitCode = code;
});
