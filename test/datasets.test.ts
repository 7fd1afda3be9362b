/**
 * Whole-folder runs over the real exports in ../shared/datasets (present in CI and on developer machines;
 * skipped in a bare clone, where the per-format fixtures under test/fixtures cover the parsers).
 */
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/cli.js';
import { present, ROOT } from './helpers.js';

const YOUTUBE = join(ROOT, '..', 'shared', 'datasets', 'youtube-spam');

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
  return { code: await main(args, io), stdout, stderr };
}

describe.runIf(present(YOUTUBE))('youtube-spam folder in one batch', () => {
  it('reads every video as a thread (JSON summary)', async () => {
    const r = await run([YOUTUBE, '-f', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.threads.map((t: { id: string }) => t.id).sort()).toEqual(['Youtube01-Psy', 'Youtube02-KatyPerry', 'Youtube03-LMFAO']);
    expect(report.summary.comments).toBe(350 + 350 + 438);
  });

  it('CSV report round-trips through csv-parse with one row per comment', async () => {
    const r = await run([YOUTUBE, '-f', 'csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1138);
    expect(new Set(rows.map((row) => Object.keys(row).length))).toEqual(new Set([Object.keys(rows[0]!).length]));
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('Markdown report renders as tables: every table row has its header row\'s cell count', async () => {
    const r = await run([YOUTUBE, '-f', 'markdown']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    let tables = 0;
    for (let i = 0; i < lines.length; i++) {
      if (!/^\| --- /.test(lines[i]!) && !/^\| ---/.test(lines[i]!)) continue;
      tables++;
      const width = cells(lines[i - 1]!);
      expect(cells(lines[i]!)).toBe(width);
      for (let k = i + 1; k < lines.length && lines[k]!.startsWith('|'); k++) expect(cells(lines[k]!), lines[k]).toBe(width);
    }
    expect(tables).toBeGreaterThanOrEqual(4);
    expect(r.stdout).not.toMatch(/<(?!br>)[a-z]/i);
  });
});
