/**
 * Worker threads load compiled JavaScript (dist/corpus/worker.js in the CLI), which vitest's TypeScript
 * source tree does not have. So this test transpiles src/corpus and its dependencies into a temporary
 * directory — the same layout as dist/ — and runs that build with workers, comparing against the
 * in-process TypeScript engine with none.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusIndex, type CorpusOptions, type CorpusResult } from '../../src/corpus/index.js';
import { ROOT } from '../helpers.js';
import { corpus, shuffle } from './gen.js';

type Built = typeof import('../../src/corpus/index.js');

let dir = '';
let built: Built;

function transpile(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).filter((f) => f.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(join(from, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(to, file.replace(/\.ts$/, '.js')), outputText);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'threadsift-corpus-'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  transpile(join(ROOT, 'src', 'corpus'), join(dir, 'corpus'));
  transpile(join(ROOT, 'src', 'util'), join(dir, 'util'));
  mkdirSync(join(dir, 'text'));
  writeFileSync(
    join(dir, 'text', 'normalize.js'),
    ts.transpileModule(readFileSync(join(ROOT, 'src', 'text', 'normalize.ts'), 'utf8'), { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText,
  );
  // pool.ts finds the worker through paths.ts, which sits at the root of the layout.
  writeFileSync(
    join(dir, 'paths.js'),
    ts.transpileModule(readFileSync(join(ROOT, 'src', 'paths.ts'), 'utf8'), { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText,
  );
  built = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'corpus', 'index.js')).href)) as Built;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Item {
  threadId: string;
  commentId: string;
  text: string;
}

async function run(Index: typeof CorpusIndex, items: readonly Item[], options: CorpusOptions, yieldEvery = 0): Promise<CorpusResult> {
  const index = new Index(options);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    index.add(it.threadId, it.commentId, it.text);
    // A streaming reader yields between chunks; that is when worker results get integrated.
    if (yieldEvery > 0 && i % yieldEvery === 0) await yieldToEventLoop();
  }
  return index.finish();
}

describe('CorpusIndex with worker threads', () => {
  const items = corpus(3000, 17).map((text, i) => ({ threadId: `t${i % 97}`, commentId: String(i), text }));

  it('gives exactly the single-thread result for 1 and 2 workers, any input order, with and without yielding', async () => {
    const base = await run(CorpusIndex, items, { links: true });
    expect(base.clusters.length).toBeGreaterThan(50);
    // 3000 texts are 6 batches: with 1 worker × 4 in flight and no yielding, the main thread sketches two itself.
    expect(await run(built.CorpusIndex, items, { links: true, workers: 1 })).toEqual(base);
    expect(await run(built.CorpusIndex, items, { links: true, workers: 2 }, 400)).toEqual(base);
    expect(await run(built.CorpusIndex, shuffle(items, 4), { links: true, workers: 2 }, 150)).toEqual(base);
  });

  it('refuses workers when the compiled worker is missing (running from TypeScript sources)', () => {
    expect(() => new CorpusIndex({ workers: 1 })).toThrow(/npm run build/);
  });
});
