/**
 * The shipped JSON Schemas against real output: every input of fixtures/ and test/fixtures/ (the seed
 * among them) through the JSON report, alone and as one run, quiet and with a trained model; the
 * clusters report; the configuration files, where the schema and the validator must agree.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport, scanFiles } from '../src/api.js';
import { resolveConfig } from '../src/config.js';
import { runCli } from './cli-run.js';
import { ROOT, fixture, testFixture } from './helpers.js';
import { validate } from './schema-check.js';

const run = runCli;

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

const INPUTS = [...files(fixture()), ...files(testFixture())];

describe('schemas/report.schema.json', () => {
  it('has inputs to check', () => {
    expect(INPUTS.length).toBeGreaterThan(30);
    expect(INPUTS).toContain(fixture('putin-xi-summit.txt'));
  });

  it.each(INPUTS.map((path) => [relative(ROOT, path)]))('the JSON report of %s validates', async (path) => {
    const { code, stdout } = await run([path, '-f', 'json']);
    // Inputs that are not threads (broken on purpose, configuration, images) still give a report, with errors.
    expect([0, 1, 2]).toContain(code);
    expect(validate('report', JSON.parse(stdout))).toEqual([]);
  });

  it('validates the report of every input in one run (cross-thread clusters), and its --quiet form', async () => {
    for (const extra of [[], ['-q']]) {
      const report = JSON.parse((await run([fixture(), testFixture(), '-f', 'json', ...extra])).stdout);
      expect(report.threads.length).toBeGreaterThan(10);
      expect(report.crossThreadClusters.length).toBeGreaterThan(0);
      expect(validate('report', report)).toEqual([]);
    }
  });

  it('validates a report with a trained model, allow-listed authors and a gate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-schema-'));
    const model = join(dir, 'model.json');
    expect((await run(['train', testFixture('eval', 'labelled.json'), '-o', model])).code).toBe(0);
    const config = join(dir, 'threadsift.config.json');
    writeFileSync(config, JSON.stringify({ allowAuthors: ['alice'], gates: { maxBotShare: 0.9 } }));
    const report = JSON.parse((await run([testFixture('eval', 'labelled.json'), fixture(), '-m', model, '-c', config, '-f', 'json'])).stdout);
    expect(report.threads.flatMap((t: { comments: Array<{ reasons: Array<{ code: string }> }> }) => t.comments.flatMap((c) => c.reasons.map((r) => r.code)))).toContain('MODEL_PROBABILITY');
    expect(validate('report', report)).toEqual([]);
  });

  it('validates what the library formats as JSON', async () => {
    const report = await scanFiles([fixture('putin-xi-summit.txt')], { cwd: ROOT });
    expect(validate('report', JSON.parse(formatReport(report, 'json')))).toEqual([]);
  });

  it('rejects what is not a report: a missing field, a score out of range, an unknown field', async () => {
    const report = JSON.parse((await run([fixture('putin-xi-summit.txt'), '-f', 'json'])).stdout);
    const noSummary = structuredClone(report);
    delete noSummary.summary;
    expect(validate('report', noSummary)).not.toEqual([]);
    const bad = structuredClone(report);
    bad.threads[0].comments[0].score = 1.5;
    expect(validate('report', bad).join('\n')).toMatch(/\/threads\/0\/comments\/0\/score/);
    const extra = structuredClone(report);
    extra.threads[0].comments[0].surprise = true;
    expect(validate('report', extra).join('\n')).toMatch(/additional/);
  });
});

describe('schemas/clusters.schema.json', () => {
  it('the clusters report of the test fixtures validates', async () => {
    const report = JSON.parse((await run(['clusters', testFixture(), fixture(), '-f', 'json'])).stdout);
    expect(report.crossThreadClusters.length).toBeGreaterThan(0);
    expect(validate('clusters', report)).toEqual([]);
  });
});

describe('schemas/jsonl.schema.json', () => {
  it('takes every line the JSONL report writes for every fixture as one run, with texts, clusters and errors', async () => {
    const r = await run(['scan', ...INPUTS.map((f) => relative(ROOT, f)), '-f', 'jsonl', '--include-text']);
    const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; scope?: string });
    const types = new Set(lines.map((l) => (l.scope ? `${l.type}:${l.scope}` : l.type)));
    // The run holds every kind of line: it must, for the check to mean something.
    expect([...types].sort()).toEqual(['cluster:across-threads', 'cluster:thread', 'comment', 'error', 'summary', 'thread']);
    for (const line of lines) expect(validate('jsonl', line), JSON.stringify(line).slice(0, 200)).toEqual([]);
  }, 120_000);

  const line = JSON.parse(
    '{"type":"comment","source":"a.txt","threadId":"t","commentId":"1","index":1,"author":null,"date":null,"parent":null,"score":0.9,"flagged":true,"strengths":{"promo":0.9},"reasons":[],"clusters":[],"crossThreadCluster":null}',
  ) as Record<string, unknown>;
  it.each([
    ['a line without a type', { ...line, type: undefined }],
    ['an unknown type', { ...line, type: 'post' }],
    ['a comment without its strengths', { ...line, strengths: undefined }],
    ['a strength over 1', { ...line, strengths: { promo: 2 } }],
    ['a date that is a number', { ...line, date: 1715850000 }],
    ['a field it does not know', { ...line, surprise: 1 }],
  ])('refuses %s', (_, bad) => {
    expect(validate('jsonl', line)).toEqual([]);
    expect(validate('jsonl', JSON.parse(JSON.stringify(bad)))).not.toEqual([]);
  });
});

describe('schemas/config.schema.json', () => {
  it.each([
    ['the test fixture', JSON.parse(readFileSync(testFixture('config', 'threadsift.config.json'), 'utf8'))],
    ['package.json "threadsift"', JSON.parse(readFileSync(testFixture('config', 'pkg', 'package.json'), 'utf8')).threadsift],
    ['an empty file', {}],
    ['signals as true, false and a weight', { signals: { promo: false, boilerplate: 0.3, model: true } }],
    ['options and gates', { threshold: 0.6, signals: { 'near-duplicate': { options: { characterThreshold: 0.9 } } }, gates: { maxFlagged: 3 } }],
    ['a threshold over 1', { threshold: 1.2 }],
    ['an unknown signal', { signals: { nope: true } }],
    ['an option out of range', { signals: { 'near-duplicate': { options: { characterThreshold: 1 } } } }],
    ['an option set elsewhere', { signals: { model: { options: { model: {} } } } }],
    ['a fractional whole number', { gates: { maxFlagged: 1.5 } }],
    ['an unknown setting', { treshold: 0.5 }],
  ])('agrees with the validator on %s', (_, config) => {
    let accepted = true;
    try {
      resolveConfig(config, 'test');
    } catch {
      accepted = false;
    }
    expect(validate('config', config).length === 0).toBe(accepted);
  });
});

describe('schemas/threads.schema.json', () => {
  it('takes what parse prints for every fixture, and the JSON input format reads it back to the same threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-parsed-'));
    let parsed = 0;
    for (const path of INPUTS) {
      const r = await run(['parse', path]);
      if (r.code !== 0) continue;
      const threads = JSON.parse(r.stdout);
      expect(validate('threads', threads), relative(ROOT, path)).toEqual([]);
      parsed += threads.threads.length;
      // Back through the JSON input format: the same comments, texts and parents (the source is the new file).
      const copy = join(dir, 'parsed.json');
      writeFileSync(copy, r.stdout);
      const again = JSON.parse((await run(['parse', copy])).stdout) as typeof threads;
      const shape = (t: { threads: Array<{ comments: Array<{ id: string; text: string; parentId?: string }> }> }) =>
        t.threads.map((th) => th.comments.map((c) => [c.id, c.text, c.parentId ?? null]));
      expect(shape(again), relative(ROOT, path)).toEqual(shape(threads));
    }
    expect(parsed).toBeGreaterThan(30);
  }, 120_000);

  it('refuses a comment without text and a moderation mark of an unknown kind', () => {
    const ok = { threads: [{ id: 't', source: 'a.json', title: '', body: '', comments: [{ id: '1', index: 1, text: 'hi', moderation: [{ kind: 'spam', field: 'isSpam=true' }] }] }] };
    expect(validate('threads', ok)).toEqual([]);
    const noText = structuredClone(ok);
    delete (noText.threads[0]!.comments[0] as { text?: string }).text;
    expect(validate('threads', noText)).not.toEqual([]);
    const badMark = structuredClone(ok);
    badMark.threads[0]!.comments[0]!.moderation[0]!.kind = 'hidden';
    expect(validate('threads', badMark)).not.toEqual([]);
  });
});

describe('schemas/eval.schema.json and schemas/model.schema.json', () => {
  it('take the eval report with and without ablation, with a model, and the model file train writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-schema-eval-'));
    const model = join(dir, 'model.json');
    expect((await run(['train', testFixture('eval', 'labelled.json'), '-o', model])).code).toBe(0);
    const file = JSON.parse(readFileSync(model, 'utf8'));
    expect(validate('model', file)).toEqual([]);
    for (const extra of [[], ['--no-ablation'], ['-m', model]]) {
      const r = await run(['eval', testFixture('eval', 'labelled.json'), '-f', 'json', ...extra]);
      expect(r.code).toBe(0);
      expect(validate('eval', JSON.parse(r.stdout)), extra.join(' ')).toEqual([]);
    }
    const broken = { ...file, weights: file.weights.map(String) };
    expect(validate('model', broken)).not.toEqual([]);
    expect(validate('model', { ...file, format: 'other' })).not.toEqual([]);
  });
});
