import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { reasonCodes } from '../src/reasons.js';
import { generatedFiles, renderReference } from '../src/reference.js';
import { runCli } from './cli-run.js';
import { ROOT } from './helpers.js';

describe('documentation cannot drift', () => {
  it('docs/REFERENCE.md and schemas/ are what `npm run docs` generates from the registries', () => {
    const files = generatedFiles();
    expect(Object.keys(files)).toContain('docs/REFERENCE.md');
    for (const [path, text] of Object.entries(files)) expect(readFileSync(join(ROOT, path), 'utf8'), `${path}: run npm run docs`).toBe(text);
  });

  it('the reference gives every reason code a meaning, and names every option of every command', async () => {
    const reference = renderReference();
    for (const { code, meaning } of reasonCodes()) {
      expect(meaning.length, code).toBeGreaterThan(20);
      expect(reference).toContain(`| \`${code}\` |`);
    }
    for (const command of ['scan', 'parse', 'clusters', 'eval', 'train']) {
      const help = (await runCli([command, '--help'])).stdout;
      for (const [, flags] of help.matchAll(/^ {2}(-[^ ].*?)(?: {2,}|\n)/gm)) if (!flags!.startsWith('-h, --help')) expect(reference, `${command} ${flags}`).toContain(`| \`${flags}\` |`);
    }
  });

  // README.md is a tour; the generated reference lists every option of every command.
  it('every scan option is documented: in the README or in the generated reference', async () => {
    let help = '';
    const io = { stdout: (t: string) => (help += t), stderr: () => undefined, readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
    await main(['scan', '--help'], io);
    const options = [...help.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]!);
    expect(options.length).toBeGreaterThan(10);
    const docs = readFileSync(join(ROOT, 'README.md'), 'utf8') + renderReference();
    for (const option of options) expect(docs, option).toContain(option);
  });
});
