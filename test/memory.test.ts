/**
 * An input too large for the memory the process may use is that input's error, not the end of the batch
 * (issue #12, item 9): without the ceiling, V8 aborted the process (exit 134) and the good inputs of the
 * batch were lost with it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, present, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'threadsift.cjs');

describe('a memory ceiling that degrades', () => {
  it.runIf(present(join(ROOT, 'dist', 'threadsift.cjs')))(
    'under a small heap, the input that cannot fit is exit 2 with one line, and the others are reported',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'threadsift-memory-'));
      const big = join(dir, 'big.json');
      const comments = Array.from({ length: 400_000 }, (_, i) => `{"text":"comment ${i} w${(i * 7919) % 1000003}"}`);
      writeFileSync(big, `{"title":"t","body":"","comments":[${comments.join(',')}]}`);
      const seed = fixture('putin-xi-summit.txt');
      const r = spawnSync(process.execPath, [BIN, seed, big, '-f', 'json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=128' },
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^threadsift: .*big\.json: is too large to analyse: it needs more memory than the \d+ MB the heap may use \(split it/m);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      const report = JSON.parse(r.stdout);
      expect(report.threads.map((t: { source: string }) => t.source)).toEqual([seed]);
      expect(report.threads[0].summary.flagged).toBe(16);
      expect(report.errors).toHaveLength(1);
    },
    120_000,
  );
});
