/**
 * The build bundles recheck's pure-JavaScript checker into dist/vendor/recheck.cjs, so an installed
 * threadsift needs neither the recheck package nor its optional helpers. The compiled module must load
 * the bundle, and the bundle must decide patterns as the package does.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPatternSafety } from '../../src/text/regex-safety.js';
import { present, ROOT } from '../helpers.js';

const BUNDLE = join(ROOT, 'dist', 'vendor', 'recheck.cjs');
const PATTERNS = ['(a+)+b', '\\bbuy now\\b', '(?:\\w+ ?){1,40}!', 'a*a*a*a*b', '\\b(?:free|cheap) (?:gift|prize)s?\\b'];

describe.runIf(present(BUNDLE))('recheck, bundled', () => {
  it('is what the compiled module loads, and gives the verdicts the package gives', () => {
    const script = `
      const Module = require('node:module');
      const loaded = [];
      const original = Module._load;
      Module._load = function (request, ...rest) { loaded.push(request); return original.call(this, request, ...rest); };
      import(${JSON.stringify(join(ROOT, 'dist', 'text', 'regex-safety.js'))}).then((m) => {
        const verdicts = ${JSON.stringify(PATTERNS)}.map((p) => m.checkPatternSafety(p).safe);
        console.log(JSON.stringify({ verdicts, package: loaded.includes('recheck'), bundle: loaded.some((r) => r.endsWith('vendor/recheck.cjs')) }));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { verdicts: boolean[]; package: boolean; bundle: boolean };
    expect(out.bundle).toBe(true);
    expect(out.package).toBe(false);
    expect(out.verdicts).toEqual(PATTERNS.map((p) => checkPatternSafety(p).safe));
    expect(out.verdicts).toEqual([false, true, false, false, true]);
  }, 60_000);
});
