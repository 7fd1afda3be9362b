/** The command line's smaller promises: format from -o's extension, train and the terminal, clusters -v, --csv-raw, examples in --help. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { fixture, testFixture } from './helpers.js';

const run = runCli;

const SEED = fixture('putin-xi-summit.txt');
const CROSS = testFixture('cross-thread');
const temp = () => mkdtempSync(join(tmpdir(), 'threadsift-options-'));

describe('the report format follows -o when -f is not given', () => {
  it.each([
    ['report.json', (text: string) => expect(JSON.parse(text).schemaVersion).toBe(1)],
    ['report.MD', (text: string) => expect(text).toMatch(/^## threadsift report\n/)],
    ['report.csv', (text: string) => expect(text).toMatch(/^thread,source,comment_id,/)],
    ['report.html', (text: string) => expect(text).toMatch(/^<!DOCTYPE html>/i)],
    ['report.txt', (text: string) => expect(text).toContain('16 of 16 comments flagged')],
  ])('-o %s', async (name, check) => {
    const out = join(temp(), name);
    const r = await run([SEED, '-o', out]);
    expect(r.code).toBe(0);
    check(readFileSync(out, 'utf8'));
  });

  it('an explicit -f that the extension contradicts is one line and exit 2; one that agrees is fine', async () => {
    const out = join(temp(), 'report.json');
    const r = await run([SEED, '-f', 'csv', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`threadsift: -f csv does not match -o ${out}, whose extension means json (leave out -f to write json, or give the file an extension that fits csv)\n`);
    expect((await run([SEED, '-f', 'json', '-o', out])).code).toBe(0);
    expect((await run([SEED, '-f', 'github', '-o', join(temp(), 'annotations.txt')])).code).toBe(0);
  });

  it('clusters and eval follow -o too, and refuse an extension they cannot write', async () => {
    const out = join(temp(), 'clusters.json');
    expect((await run(['clusters', CROSS, '-o', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).crossThreadClusters).toHaveLength(1);
    const csv = await run(['clusters', CROSS, '-o', join(temp(), 'clusters.csv')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/^threadsift: clusters does not write csv, which the extension of -o .*clusters\.csv asks for \(clusters writes terminal, json: choose one with -f\)\n$/);
    const evalOut = join(temp(), 'eval.json');
    expect((await run(['eval', testFixture('eval', 'labelled.json'), '--no-ablation', '-o', evalOut])).code).toBe(0);
    expect(JSON.parse(readFileSync(evalOut, 'utf8')).kind).toBe('threadsift-eval');
  });
});

describe('train and the terminal', () => {
  it('refuses to print a model on a terminal, before reading anything, and says to use -o', async () => {
    const r = await run(['train', testFixture('eval', 'labelled.json')], { tty: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('threadsift: train writes a model file, and stdout is a terminal (give the file with -o model.json (or redirect stdout), then scan with --model model.json)\n');
  });

  it('writes the model to stdout when stdout is a pipe or a file', async () => {
    const r = await run(['train', testFixture('eval', 'labelled.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe('threadsift-model');
  });
});

describe('clusters -v', () => {
  it('lists every member of a cluster with its thread, id and an excerpt of its own text', async () => {
    const r = await run(['clusters', CROSS, '-v']);
    expect(r.code).toBe(0);
    const members = r.stdout.split('\n').filter((l) => l.startsWith('      '));
    expect(members).toHaveLength(3);
    expect(members.map((l) => /cross-thread\/(\w+)\.json #(\w+)/.exec(l)!.slice(1).join('/'))).toEqual(['budget/x1', 'harbour/x1', 'schools/x1']);
    // Each member's own text (the copies differ in case and punctuation), not the representative's.
    expect(members[0]).toContain('honestly, the only REAL fix');
    expect(members[1]).toContain('Honestly the only real fix');
    const quiet = await run(['clusters', CROSS]);
    expect(quiet.stdout.split('\n').filter((l) => l.startsWith('      '))).toEqual([]);
  });
});

describe('scan --csv-raw', () => {
  it('keeps a cell that starts like a formula as it is; the default neutralises it', async () => {
    const dir = temp();
    const input = join(dir, 'formula.json');
    writeFileSync(input, JSON.stringify({ title: 'T', body: '', comments: [{ id: '-1', author: '=cmd', text: 'hello there' }] }));
    const cell = async (args: string[]) => (parse((await run([input, '-f', 'csv', ...args])).stdout, { columns: true }) as Array<Record<string, string>>)[0]!;
    expect(await cell([])).toMatchObject({ comment_id: "'-1", author: "'=cmd" });
    expect(await cell(['--csv-raw'])).toMatchObject({ comment_id: '-1', author: '=cmd' });
  });
});

describe('--help', () => {
  it.each([[[]], [['scan']], [['parse']], [['clusters']], [['eval']], [['train']]])('of %j ends with at least two examples', async (command) => {
    const r = await run([...command, '--help']);
    expect(r.code).toBe(0);
    const examples = r.stdout.slice(r.stdout.indexOf('\nExamples:\n'));
    expect(r.stdout).toContain('\nExamples:\n');
    expect(examples.match(/^ {2}\$ threadsift /gm)!.length).toBeGreaterThanOrEqual(2);
  });
});
