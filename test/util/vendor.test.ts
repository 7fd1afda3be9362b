/**
 * The build bundles zod into dist/vendor/zod.cjs (src/util/vendor.ts loads it): the command must load
 * that file, not the package's many modules, and judge a configuration file exactly as the package does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-run.js';
import { fixture, present, ROOT } from '../helpers.js';

const BUNDLE = join(ROOT, 'dist', 'vendor', 'zod.cjs');

// Each breaks a different kind of rule the schema checks: a range, a type, an unknown key, an option.
const CONFIGS = [
  { threshold: 0.45, signals: { promo: { weight: 0.6 } } },
  { threshold: 1.5 },
  { signals: { promo: { weight: 'high' } } },
  { signals: { promo: { wieght: 0.6 } } },
  { signals: { 'llm-style': { options: { minWords: 0 } } } },
];

describe.runIf(present(BUNDLE))('zod, bundled', () => {
  it('is what the command loads, and a configuration file is judged as with the package', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-vendor-'));
    const seed = fixture('putin-xi-summit.txt');
    for (const [i, config] of CONFIGS.entries()) {
      const file = join(dir, `config-${i}.json`);
      writeFileSync(file, JSON.stringify(config));
      // The tests' own run: src/, where there is no bundle, loads the zod package.
      const inProcess = await runCli([seed, '-c', file, '-f', 'json']);
      // The command, which reports the modules it loaded from a zod package on stderr's last line.
      const script = `
        const Module = require('node:module');
        const fromPackage = [];
        const original = Module._load;
        Module._load = function (request, ...rest) { if (request === 'zod' || request.includes('node_modules/zod')) fromPackage.push(request); return original.call(this, request, ...rest); };
        process.on('exit', () => process.stderr.write('\\n' + JSON.stringify(fromPackage)));
        require(${JSON.stringify(join(ROOT, 'bin', 'threadsift.cjs'))}).start(${JSON.stringify([seed, '-c', file, '-f', 'json'])});`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const lines = r.stderr.split('\n');
      expect(JSON.parse(lines.pop()!), `config ${i}`).toEqual([]);
      expect([r.status, lines.join('\n').trim(), r.stdout], `config ${i}`).toEqual([inProcess.code, inProcess.stderr.trim(), inProcess.stdout]);
      expect(inProcess.code, `config ${i}`).toBe(i === 0 ? 0 : 2);
    }
  }, 120_000);
});
