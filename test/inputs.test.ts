/**
 * A folder scanned as input holds threadsift's own files after a run: a report written with -o, a model,
 * the configuration. They are skipped, so a second run reads what the first read (issue #12, item 10).
 */
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/cli.js';
import { forEachLine, resolveInputs } from '../src/inputs.js';
import { fixture, testFixture } from './helpers.js';

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('threadsift skips its own outputs and configuration in a scanned folder', () => {
  it('reports (JSONL too), clusters, models, parse output and configuration files written into the folder are not read back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-own-'));
    const exports = join(dir, 'exports');
    mkdirSync(exports);
    copyFileSync(fixture('putin-xi-summit.txt'), join(exports, 'summit.txt'));
    copyFileSync(testFixture('cli', 'clean.json'), join(exports, 'library.json'));
    const first = await run([exports, '-f', 'json', '-o', join(exports, 'report.json')], dir);
    expect(first.code).toBe(0);
    for (const [format, name] of [['csv', 'report.csv'], ['terminal', 'report.txt'], ['github', 'annotations.txt'], ['jsonl', 'report.jsonl']]) {
      expect((await run([exports, '-f', format!, '-o', join(exports, name!)], dir)).code).toBe(0);
    }
    expect((await run(['clusters', exports, '-f', 'json', '-o', join(exports, 'clusters.json')], dir)).code).toBe(0);
    expect((await run(['clusters', exports, '-o', join(exports, 'clusters.txt')], dir)).code).toBe(0);
    expect((await run(['parse', exports, '-o', join(exports, 'parsed.json')], dir)).code).toBe(0);
    expect((await run(['train', testFixture('eval', 'labelled.json'), '-o', join(exports, 'model.json')], dir)).code).toBe(0);
    writeFileSync(join(exports, 'threadsift.config.json'), JSON.stringify({ threshold: 0.45 }));

    const { files } = resolveInputs([exports], dir);
    expect(files.map((f) => f.slice(exports.length + 1))).toEqual(['library.json', 'summit.txt']);
    const second = await run([exports, '-f', 'json'], dir);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).threads.map((t: { source: string }) => t.source.slice(exports.length + 1))).toEqual(['library.json', 'summit.txt']);
    expect(second.stderr).toBe(`threadsift: skipped 10 file(s) that threadsift wrote (reports, models, configuration), e.g. ${join(exports, 'annotations.txt')}\n`);
  });

  it('a file named on the command line is read as given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-own-'));
    writeFileSync(join(dir, 'threadsift.config.json'), '{}');
    expect(resolveInputs([join(dir, 'threadsift.config.json')], dir).files).toEqual([join(dir, 'threadsift.config.json')]);
  });
});

describe('globs', () => {
  function tree() {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-glob-'));
    for (const sub of ['b', 'a/deep', '.hidden', 'node_modules/pkg', 'linked']) mkdirSync(join(dir, sub), { recursive: true });
    const thread = JSON.stringify({ title: 't', comments: [{ text: 'hello there' }] });
    for (const f of ['b/2.json', 'a/1.xml', 'a.json', 'a/deep/3.json', 'a/notes.txt', '.hidden/4.json', 'node_modules/pkg/5.json', 'linked/6.json']) writeFileSync(join(dir, f), f.endsWith('.xml') ? '<rss/>' : thread);
    symlinkSync(join(dir, 'linked', '6.json'), join(dir, 'b', 'file-link.json'));
    symlinkSync(join(dir, 'linked'), join(dir, 'b', 'folder-link'));
    return dir;
  }

  it('expand braces, list files in folder order, follow links to files only, and skip hidden and node_modules folders', () => {
    const dir = tree();
    const { files, problems } = resolveInputs(['**/*.{json,xml}'], dir);
    expect(problems).toEqual([]);
    expect(files).toEqual(['a/1.xml', 'a/deep/3.json', 'a.json', 'b/2.json', 'b/file-link.json', 'linked/6.json']);
    expect(resolveInputs([join(dir, 'a', '**', '*.json')], dir).files).toEqual([join(dir, 'a', 'deep', '3.json')]);
    expect(resolveInputs(['.hidden/*.json', 'a/*.[jx]ml'], dir).files).toEqual(['.hidden/4.json', 'a/1.xml']);
  });

  it('a glob that matches nothing is an input problem naming the pattern; a file matched twice is read once', () => {
    const dir = tree();
    const { files, problems } = resolveInputs(['**/*.{csv,tsv}', join(dir, 'a.json'), join(dir, '*.json')], dir);
    expect(problems.map((p) => [p.source, p.error.message])).toEqual([['**/*.{csv,tsv}', '**/*.{csv,tsv}: matches no files']]);
    expect(files).toEqual([join(dir, 'a.json')]);
  });

  it("skips threadsift's own outputs among the files it matches", async () => {
    const dir = tree();
    expect((await run([join(dir, 'a.json'), '-f', 'json', '-o', join(dir, 'b', 'report.json')], dir)).code).toBe(0);
    const { files, skipped } = resolveInputs([join(dir, 'b', '*.json')], dir);
    expect(files).toEqual([join(dir, 'b', '2.json'), join(dir, 'b', 'file-link.json')]);
    expect(skipped).toEqual([join(dir, 'b', 'report.json')]);
  });
});

describe('forEachLine', () => {
  it('tells how many bytes it has read after each line, for the progress bar', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'threadsift-lines-')), 'a.jsonl');
    writeFileSync(path, 'one\r\ntwo\n\nlast');
    const seen: Array<string | number> = [];
    forEachLine(path, (line) => seen.push(line), () => undefined, (bytes) => seen.push(bytes));
    expect(seen).toEqual(['one', 5, 'two', 9, '', 10, 'last', 14]);
  });
});
