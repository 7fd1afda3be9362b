/**
 * `threadsift sketch` and `clusters --sketches`: the Parquet sketches, clustered by DuckDB with the SQL of
 * src/sketch/sql.ts, give the in-process engine's clusters; and both optional packages fail as one line.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Duck from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli.js';
import { corpus, shuffle } from '../corpus/gen.js';
import { present, ROOT } from '../helpers.js';

const HAS_DUCKDB = present(join(ROOT, 'node_modules', '@duckdb', 'node-api'));
const BUILT = present(join(ROOT, 'dist', 'threadsift.cjs'));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const temp = () => mkdtempSync(join(tmpdir(), 'threadsift-sketch-'));

/** A corpus of families of edited copies spread over many threads and two files, as threadsift JSONL. */
function writeCorpus(dir: string): string[] {
  const texts = shuffle(corpus(3000, 5), 6);
  const files = [join(dir, 'one.jsonl'), join(dir, 'two.jsonl')];
  const lines: string[][] = [[], []];
  for (let t = 0; t * 20 < texts.length; t++) {
    const comments = texts.slice(t * 20, t * 20 + 20).map((text, i) => ({ id: String(i + 1), text }));
    lines[t % 2]!.push(JSON.stringify({ id: `t${t}`, title: `Thread ${t}`, body: '', comments }));
  }
  files.forEach((f, i) => writeFileSync(f, `${lines[i]!.join('\n')}\n`));
  return files;
}

describe.runIf(HAS_DUCKDB)('sketch and clusters --sketches', () => {
  it('keeps the previous files when no input could be read, and a run that writes fewer parts removes the older ones', async () => {
    const dir = temp();
    const input = join(dir, 'a.json');
    writeFileSync(input, JSON.stringify({ id: 'a', title: 'A', comments: [{ id: '1', text: 'the council should publish the full figures before the vote' }] }));
    const out = join(dir, 'sketches');
    expect((await run(['sketch', input, '-o', out])).code).toBe(0);
    const [first] = readdirSync(out);
    const written = readFileSync(join(out, first!));
    // A part left by an earlier, larger run of the same inputs: a glob over the folder would read it too.
    const stale = first!.replace('-00000.', '-00001.');
    copyFileSync(join(out, first!), join(out, stale));
    writeFileSync(input, 'not json');
    const failed = await run(['sketch', input, '-o', out]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('nothing written, the sketch files in');
    expect(readFileSync(join(out, first!))).toEqual(written);
    writeFileSync(input, JSON.stringify({ id: 'a', title: 'A', comments: [{ id: '1', text: 'the harbour plan moves the ferry terminal but says nothing about parking' }] }));
    expect((await run(['sketch', input, '-o', out])).code).toBe(0);
    expect(readdirSync(out)).toEqual([first]);
    // A folder that cannot be made fails the run before anything is read.
    const blocked = await run(['sketch', input, '-o', join(input, 'sub')]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^threadsift: cannot make the folder .*a\.json.sub \(ENOTDIR\)/);
  });

  it('give the in-process engine\'s clusters: same ids, members, threads and representatives', async () => {
    const dir = temp();
    const files = writeCorpus(dir);
    const out = join(dir, 'sketches');
    const sketched = await run(['sketch', ...files, '-o', out]);
    expect(sketched.code).toBe(0);
    expect(sketched.stdout.trim().split('\n')).toEqual([join(out, readdirSync(out)[0]!)]);
    expect(sketched.stderr).toMatch(/^threadsift: sketched 3000 comments of 150 threads into 1 Parquet file\(s\)/);

    const fromSketches = JSON.parse((await run(['clusters', '--sketches', join(out, '*.parquet'), '-f', 'json'])).stdout);
    const inProcess = JSON.parse((await run(['clusters', ...files, '-f', 'json'])).stdout);
    expect(inProcess.crossThreadClusters.length).toBeGreaterThan(50);
    // The mean similarity is a sum over links, taken in another order: equal to the last bit or two.
    const exact = (r: { crossThreadClusters: Array<{ similarity: { mean: number } }> }) => r.crossThreadClusters.map((c) => ({ ...c, similarity: { ...c.similarity, mean: 0 } }));
    expect(exact(fromSketches)).toEqual(exact(inProcess));
    fromSketches.crossThreadClusters.forEach((c: { similarity: { mean: number } }, i: number) => expect(c.similarity.mean).toBeCloseTo(inProcess.crossThreadClusters[i].similarity.mean, 12));
    expect(fromSketches.summary).toEqual(inProcess.summary);
    expect(fromSketches.settings).toEqual(inProcess.settings);
  });

  it('count a comment read twice (the same page in two inputs) once, as the engine does', async () => {
    const dir = temp();
    const spam = 'Honestly the only real fix here is switching your savings into stablecoins before the banks collapse today';
    const page = { id: 'p1', title: 'The harbour', url: 'https://news.example/harbour' };
    const files = [join(dir, 'monday.json'), join(dir, 'tuesday.json'), join(dir, 'other.json')];
    writeFileSync(files[0]!, JSON.stringify({ ...page, comments: [{ id: 'k1', text: spam }] }));
    writeFileSync(files[1]!, JSON.stringify({ ...page, comments: [{ id: 'k1', text: spam }, { id: 'k2', text: `${spam} again` }] }));
    writeFileSync(files[2]!, JSON.stringify({ id: 'p2', title: 'The bridge', url: 'https://news.example/bridge', comments: [{ id: 'k9', text: spam }] }));
    const out = join(dir, 'sketches');
    expect((await run(['sketch', ...files, '-o', out])).code).toBe(0);
    const fromSketches = JSON.parse((await run(['clusters', '--sketches', join(out, '*.parquet'), '-f', 'json'])).stdout);
    const inProcess = JSON.parse((await run(['clusters', ...files, '-f', 'json'])).stdout);
    expect(inProcess.crossThreadClusters).toHaveLength(1);
    expect(inProcess.crossThreadClusters[0]).toMatchObject({ size: 3 });
    expect(inProcess.crossThreadClusters[0].members.map((m: { commentId: string }) => m.commentId)).toEqual(['k9', 'k1', 'k2']);
    expect(fromSketches.crossThreadClusters).toEqual(inProcess.crossThreadClusters);
    expect(fromSketches.summary).toEqual(inProcess.summary);
    expect(inProcess.summary).toMatchObject({ threads: 3, comments: 4, commentsInClusters: 3 });
  });

  it('count the exports of one page once whatever their ids (two text dumps of an article), as the engine does', async () => {
    const dir = temp();
    const spam = 'Honestly the only real fix here is switching your savings into stablecoins before the banks collapse today';
    const article = 'The council approved the harbour plan on Tuesday after two years of dispute with the residents of the district. '.repeat(2);
    const dump = (comments: string[]) => `The harbour plan\n${article}\n\n${comments.length} Comments\n${comments.join('\n')}\n`;
    const files = [join(dir, 'monday.txt'), join(dir, 'tuesday.txt'), join(dir, 'other.json')];
    writeFileSync(files[0]!, dump(['A reply a moderator later deleted from the thread about the old harbour', spam]));
    writeFileSync(files[1]!, dump([spam, 'A new reply about the harbour and its old fish market, posted on Tuesday']));
    writeFileSync(files[2]!, JSON.stringify({ id: 'p2', title: 'The bridge', comments: [{ id: 'k9', text: spam }] }));
    const out = join(dir, 'sketches');
    expect((await run(['sketch', ...files, '-o', out])).code).toBe(0);
    const fromSketches = JSON.parse((await run(['clusters', '--sketches', join(out, '*.parquet'), '-f', 'json'])).stdout);
    const inProcess = JSON.parse((await run(['clusters', ...files, '-f', 'json'])).stdout);
    expect(inProcess.crossThreadClusters).toHaveLength(1);
    expect(inProcess.crossThreadClusters[0]).toMatchObject({ size: 2, threads: [{ source: files[0] }, { source: files[2], id: 'p2' }] });
    expect(fromSketches.crossThreadClusters).toEqual(inProcess.crossThreadClusters);
    // Without the other page nothing is posted anywhere else.
    expect(JSON.parse((await run(['clusters', files[0]!, files[1]!, '-f', 'json'])).stdout).crossThreadClusters).toEqual([]);

    // A file of the earlier layout (no page column) read beside newer ones, first or last in the glob: by
    // column name, its rows have no page, and the clusters are those of the same inputs sketched apart.
    const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof Duck;
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const [written] = readdirSync(out).filter((f) => f.endsWith('.parquet'));
    const meta = (await db.runAndReadAll(`SELECT decode(value) AS v FROM parquet_kv_metadata('${join(out, written!)}') WHERE decode(key) = 'threadsift'`)).getRowObjectsJS()[0]!.v;
    const other = join(dir, 'other-sketches');
    expect((await run(['sketch', files[2]!, '-o', other])).code).toBe(0);
    for (const name of ['sketch-00000000-00000.parquet', 'sketch-ffffffff-00000.parquet']) {
      const mixed = join(dir, `mixed-${name}`);
      mkdirSync(mixed);
      await db.run(`COPY (SELECT * EXCLUDE (page) FROM read_parquet('${join(other, '*.parquet')}')) TO '${join(mixed, name)}' (FORMAT parquet, KV_METADATA {threadsift: '${String(meta).replace(/'/g, "''")}'})`);
      await db.run(`COPY (SELECT * FROM read_parquet('${join(out, '*.parquet')}') WHERE source <> '${files[2]}') TO '${join(mixed, 'sketch-77777777-00000.parquet')}' (FORMAT parquet, KV_METADATA {threadsift: '${String(meta).replace(/'/g, "''")}'})`);
      const read = await run(['clusters', '--sketches', join(mixed, '*.parquet'), '-f', 'json']);
      expect(read.code).toBe(0);
      expect(JSON.parse(read.stdout).crossThreadClusters).toEqual(inProcess.crossThreadClusters);
    }
  });

  it('writes one row per comment: key, thread, hash, (band, key) pairs, the word-hash set, with the settings as metadata', async () => {
    const dir = temp();
    const input = join(dir, 'in.json');
    writeFileSync(input, JSON.stringify({ id: 'harbour', title: 'Harbour', body: '', comments: [{ id: 'c1', text: 'The new harbour bridge will open next spring after three years of work' }, { id: 'c2', text: 'thanks!' }] }));
    const out = join(dir, 'sk');
    expect((await run(['sketch', input, '-o', out])).code).toBe(0);
    const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof Duck;
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const glob = join(out, '*.parquet');
    const columns = (await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${glob}')`)).getRowObjectsJS().map((r) => [r.column_name, r.column_type]);
    expect(columns).toEqual([
      ['thread', 'VARCHAR'],
      ['source', 'VARCHAR'],
      ['thread_id', 'VARCHAR'],
      ['page', 'VARCHAR'],
      ['comment', 'VARCHAR'],
      ['text_hash', 'BIGINT'],
      ['bands', 'STRUCT(band INTEGER, "key" INTEGER)[]'],
      ['hashes', 'INTEGER[]'],
      ['excerpt', 'VARCHAR'],
    ]);
    const rows = (await db.runAndReadAll(`SELECT thread, page, comment, len(bands) AS bands, [b.band FOR b IN bands] AS numbers, len(hashes) AS words FROM read_parquet('${glob}') ORDER BY comment`)).getRowObjectsJS();
    // No address and no article: no page but the thread's own.
    expect(rows).toEqual([
      { thread: `${input}#harbour`, page: null, comment: 'c1', bands: 10n, numbers: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], words: 13n },
      { thread: `${input}#harbour`, page: null, comment: 'c2', bands: null, numbers: null, words: null },
    ]);
    const meta = (await db.runAndReadAll(`SELECT decode(value) AS v FROM parquet_kv_metadata('${glob}') WHERE decode(key) = 'threadsift'`)).getRowObjectsJS();
    expect(JSON.parse(String(meta[0]!.v))).toEqual({ threshold: 0.8, minWords: 5, numPerm: 64, seed: 1, shingleSize: 1, bands: 10, rows: 6, threads: 1 });
  });

  it('fails with one line and exit 2 for sketches it cannot read', async () => {
    const dir = temp();
    const none = await run(['clusters', '--sketches', join(dir, '*.parquet')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^threadsift: .*\*\.parquet: cannot be read as threadsift sketches \(.*No files found.*\)\n$/);
    const notParquet = join(dir, 'x.parquet');
    writeFileSync(notParquet, 'not parquet');
    expect((await run(['clusters', '--sketches', notParquet])).stderr).toMatch(/^threadsift: .*x\.parquet: cannot be read as threadsift sketches/);
    expect((await run(['sketch', join(ROOT, 'fixtures', 'putin-xi-summit.txt')])).stderr).toContain('give it with -o DIR');
    expect((await run(['clusters', join(ROOT, 'fixtures', 'putin-xi-summit.txt'), '--sketches', notParquet])).stderr).toContain('inputs or --sketches, not both');
  });
});

describe.runIf(BUILT)('the optional packages', () => {
  it('are reported as one line and exit 2 when not installed, and the scan runs without them', () => {
    // The command's bundle alone, where neither package can be found.
    const dir = temp();
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'dist'));
    copyFileSync(join(ROOT, 'bin', 'threadsift.cjs'), join(dir, 'bin', 'threadsift.cjs'));
    copyFileSync(join(ROOT, 'dist', 'threadsift.cjs'), join(dir, 'dist', 'threadsift.cjs'));
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
    const seed = join(ROOT, 'fixtures', 'putin-xi-summit.txt');
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(dir, 'bin', 'threadsift.cjs'), ...args], { encoding: 'utf8', cwd: dir });
    const index = cli(seed, '--index', join(dir, 'seen.db'));
    expect(index.status).toBe(2);
    expect(index.stderr).toBe('threadsift: an index needs the optional package better-sqlite3, which is not installed (npm install better-sqlite3@12 beside threadsift)\n');
    const sketch = cli('sketch', seed, '-o', join(dir, 'sk'));
    expect(sketch.status).toBe(2);
    expect(sketch.stderr).toBe('threadsift: threadsift sketch needs the optional package @duckdb/node-api, which is not installed (npm install @duckdb/node-api@1.5.6-r.1 beside threadsift)\n');
    expect(cli('clusters', '--sketches', join(dir, '*.parquet')).stderr).toContain('clusters --sketches needs the optional package @duckdb/node-api');
    expect(cli(seed, '-f', 'json').status).toBe(0);
  });
});
