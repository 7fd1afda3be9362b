#!/usr/bin/env node
'use strict';
// CommonJS on purpose: with a CommonJS entry and bundle, Node starts no ES module loader.

/** Commands other than scan, the default one (any other first argument is an input of scan, or an option). */
const OTHER_COMMANDS = ['parse', 'clusters', 'eval', 'train', 'index', 'sketch', 'help'];

/**
 * The V8 flags to set for a run: a pure function of the command line, NODE_OPTIONS and the V8 version,
 * exported for its test (test/v8-flags.test.ts). A flag stays only while a measurement shows it pays:
 * docs/performance.md ("V8 flags") has the figures and the command that gives them. They were measured
 * for `scan` on V8 11 (Node 20), so other commands and another V8 get none (`clusters` was measured:
 * inlining pays there, and the regular expression flag changes nothing). A flag the user chose either
 * way (`--regexp-tier-up` or `--no-regexp-tier-up`, on the command line or in NODE_OPTIONS) is left alone.
 *
 * `--no-regexp-tier-up` compiles each regular expression at its first match instead of interpreting it
 * first. `--no-turbo-inlining --no-turbo-loop-peeling` make the optimizing compiler cheaper.
 *
 * No regular expression here: V8 11 can crash when one that ran before --no-regexp-tier-up is set runs
 * again after it, which is also why the flags are set before any other module is loaded.
 * @param {{ execArgv: readonly string[], nodeOptions: string | undefined, v8Version: string, command: string | undefined }} run
 * @returns {string[]}
 */
function v8Flags({ execArgv, nodeOptions, v8Version, command }) {
  if (!v8Version.startsWith('11.') || OTHER_COMMANDS.includes(command)) return [];
  // V8 reads "-" and "_" alike in flag names.
  const chosen = `${execArgv.join(' ')} ${nodeOptions ?? ''}`.replaceAll('_', '-');
  return ['--no-regexp-tier-up', '--no-turbo-inlining', '--no-turbo-loop-peeling'].filter((flag) => !chosen.includes(flag.slice('--no-'.length)));
}

/**
 * Run the command with `args`, as `threadsift args…` would, and exit with its code. bench/measured.mjs
 * calls it to measure the command in its own process.
 * @param {string[]} args
 */
function start(args) {
  const { setFlagsFromString } = require('node:v8');
  for (const flag of v8Flags({ execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS, v8Version: process.versions.v8, command: args[0] })) {
    setFlagsFromString(flag);
  }
  const bundle = loadBundle();
  // The bundled packages a run loads on first use (dist/vendor/) compile with their caches too.
  const vendors = [];
  bundle.exports.setVendorLoader((file) => {
    const loaded = loadCompiled(file);
    vendors.push(loaded);
    return loaded.exports;
  });
  bundle.exports.main(args).then((code) => {
    for (const loaded of [bundle, ...vendors]) loaded.saveCache();
    // Once everything written has reached the OS, leave without Node's tear-down of a large heap.
    // Anything still buffered is left to drain: normal exit.
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
    process.exitCode = code;
  });
}

/**
 * Load the command's bundle, dist/threadsift.cjs, with its code cache (see loadCompiled).
 * @returns {Compiled}
 */
function loadBundle() {
  return loadCompiled(require('node:path').join(__dirname, '..', 'dist', 'threadsift.cjs'));
}

/**
 * @typedef {{ exports: any, accepted: boolean, saveCache: () => void }} Compiled
 */

/**
 * Load a bundle the build made (dist/threadsift.cjs, or a package in dist/vendor/) with the V8 code cache
 * the build left beside it (FILE.v8cache: the bytecode of every function a scan of the bundled fixture
 * ran, with a configuration and a phrase file, so that zod's and recheck's are there too), so that those
 * functions are not compiled again as the run reaches them: a scan starts sooner and its first thread
 * runs sooner. V8 rejects a cache made by another Node version or with other V8 flags (commands other
 * than scan), the digest below one made for another build, and the file then compiles as it would
 * without one; without a cache it is required as usual. THREADSIFT_WRITE_CODE_CACHE=1 writes the caches
 * when the run ends (the build's last step, bench/build-code-cache.mjs).
 * @param {string} file
 * @returns {Compiled}
 */
function loadCompiled(file) {
  const { dirname } = require('node:path');
  const { readFileSync, writeFileSync } = require('node:fs');
  const cacheFile = `${file.slice(0, -'.cjs'.length)}.v8cache`;
  const write = process.env.THREADSIFT_WRITE_CODE_CACHE === '1';
  let stored;
  try {
    stored = readFileSync(cacheFile);
  } catch {
    // No cache: the file is required as usual (below).
  }
  if (!stored && !write) return { exports: require(file), accepted: false, saveCache: () => undefined };
  const text = readFileSync(file, 'utf8');
  // V8 checks a cache's version and flags, and of the source only its length, and not the cache's own
  // bytes: a damaged cache, or one made for another build of the same length, can crash the process or
  // run stale code. The file holds the sha256 of the source and the cache together, then the cache; a
  // cache that does not match is not used.
  const { createHash } = require('node:crypto');
  const digest = (data) => createHash('sha256').update(text).update(data).digest();
  const cachedData = stored && stored.length > 32 && digest(stored.subarray(32)).equals(stored.subarray(0, 32)) ? stored.subarray(32) : undefined;
  const { Script, constants } = require('node:vm');
  const { createRequire } = require('node:module');
  // Node's own CommonJS wrapper, on the file's first line, so that line numbers stay the file's.
  const source = `(function (exports, require, module, __filename, __dirname) { ${text}\n});`;
  const script = new Script(source, { filename: file, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const compiledModule = { exports: {}, id: file, filename: file, loaded: false };
  script.runInThisContext().call(compiledModule.exports, compiledModule.exports, createRequire(file), compiledModule, file, dirname(file));
  compiledModule.loaded = true;
  return {
    exports: compiledModule.exports,
    accepted: cachedData !== undefined && !script.cachedDataRejected,
    saveCache: write
      ? () => {
          const data = script.createCachedData();
          writeFileSync(cacheFile, Buffer.concat([digest(data), data]));
        }
      : () => undefined,
  };
}

if (require.main === module) start(process.argv.slice(2));
else module.exports = { v8Flags, OTHER_COMMANDS, start, loadBundle, loadCompiled };
