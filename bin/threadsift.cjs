#!/usr/bin/env node
'use strict';
// CommonJS on purpose: with a CommonJS entry and bundle, Node starts no ES module loader (~20 ms).
const { setFlagsFromString } = require('node:v8');

// V8 settings for this tool's workload, unless the user chose them (on the command line or NODE_OPTIONS).
// (V8 reads "-" and "_" alike in flag names.)
const chosen = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.replace(/_/g, '-');
const tune = (flag) => {
  if (!chosen.includes(flag.replace(/^--(no-)?/, ''))) setFlagsFromString(flag);
};
// V8 runs each regular expression's first match in its bytecode interpreter before compiling it. A scan
// runs hundreds of patterns over thousands of comments, so compiling them at once is ~0.1 s faster.
tune('--no-regexp-tier-up');
// A scan spends much of its time in V8's optimizing compiler (a fifth of all CPU for a 5,000-comment
// thread). Without inlining and loop peeling it compiles faster: -0.25 CPU-s there, and 36 -> 30 s for a
// 100,000-comment scan. Measured on Node 20 (V8 11), so set only there. `clusters` is the exception: its
// tight hashing loops need inlining (8% slower without).
if (process.versions.v8.startsWith('11.') && process.argv[2] !== 'clusters') {
  tune('--no-turbo-inlining');
  tune('--no-turbo-loop-peeling');
}
const { main } = require('../dist/threadsift.cjs');

main(process.argv.slice(2)).then((code) => {
  // Once everything written has reached the OS, leave without Node's tear-down of a large heap
  // (~35 ms for a 5,000-comment thread). Anything still buffered is left to drain: normal exit.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
  process.exitCode = code;
});
