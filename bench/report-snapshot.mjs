#!/usr/bin/env node
/**
 * Fingerprints every report the built CLI writes for the seed, fixtures/, test fixtures and each file of
 * ../shared/datasets, in every report format, so a refactor can show its reports are byte-identical.
 *
 *   node bench/report-snapshot.mjs > before.tsv     (on the old build)
 *   node bench/report-snapshot.mjs > after.tsv      (on the new build)
 *   diff before.tsv after.tsv                        (no output: identical)
 *
 * Each line: input, format, exit code, sha256 of stdout, sha256 of stderr. Large dataset files run in
 * json and terminal only (the other reporters read the same report object). The HTML report is included
 * for the small inputs; it embeds no timestamp, so it is comparable byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const shared = process.env.THREADSIFT_DATASETS ?? resolve(root, '../shared/datasets');
const cli = join(root, 'bin/threadsift.cjs');
const ALL = ['terminal', 'json', 'markdown', 'csv', 'github', 'html'];
const LARGE = 400_000;

function files(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (!/^(SOURCE\.md|LICENSE)$/.test(name)) out.push(p);
  }
  return out;
}

const sha = (b) => createHash('sha256').update(b).digest('hex').slice(0, 16);
const inputs = [...files(join(root, 'fixtures')), ...files(join(root, 'test/fixtures')), ...files(shared)];
for (const input of inputs) {
  const formats = statSync(input).size > LARGE ? ['terminal', 'json'] : ALL;
  for (const format of formats) {
    // Inputs are named relative to the checkout so error messages compare equal between two checkouts.
    const name = relative(root, input);
    const r = spawnSync(process.execPath, [cli, name, '-f', format, '--no-color'], { maxBuffer: 1 << 30, cwd: root });
    process.stdout.write(`${name}\t${format}\t${r.status}\t${sha(r.stdout)}\t${sha(r.stderr)}\n`);
  }
}
