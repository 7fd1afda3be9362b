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
  const reason = { signal: 'near-duplicate', code: 'NEAR_DUPLICATE', strength: 0.9, message: '90% similar to comment #2', args: { partner: '2' }, span: [0, 12], related: ['2'] };
  const comment = {
    type: 'comment',
    threadId: 'summit',
    commentId: '1',
    author: null,
    date: '2024-05-16T09:00:00Z',
    parent: null,
    score: 0.9,
    flagged: true,
    strengths: { 'near-duplicate': 0.9 },
    reasons: [reason],
    clusters: ['c1'],
  };
  it.each([
    ['a comment', comment],
    ['a comment with its text, source and index', { ...comment, text: 'the text', source: 'a.txt', index: 1 }],
    ['a thread cluster', { type: 'cluster', scope: 'thread', threadId: 'summit', id: 'c1', commentIds: ['1', '2'], similarity: 0.8 }],
    [
      'a cluster across the run',
      {
        type: 'cluster',
        scope: 'run',
        id: '496002f896f9475c',
        size: 2,
        threads: [{ source: 'a.json', id: 'a' }, { source: 'b.json', id: 'b' }],
        members: [{ source: 'a.json', threadId: 'a', commentId: 'x' }, { source: 'b.json', threadId: 'b', commentId: 'x' }],
        representative: 'text',
        similarity: { min: 0.9, mean: 0.95 },
      },
    ],
    ['the summary', { type: 'summary', schemaVersion: 1, tool: { name: 'threadsift', version: '0.1.0' }, summary: { threads: 1, comments: 2, flagged: 1, botShare: 0.5, errors: 0 }, errors: [] }],
  ])('takes %s', (_, line) => {
    expect(validate('jsonl', line)).toEqual([]);
  });

  it.each([
    ['a line without a type', { ...comment, type: undefined }],
    ['an unknown type', { ...comment, type: 'thread' }],
    ['a comment without its strengths', { ...comment, strengths: undefined }],
    ['a strength over 1', { ...comment, strengths: { promo: 2 } }],
    ['a date that is a number', { ...comment, date: 1715850000 }],
    ['a field it does not know', { ...comment, surprise: 1 }],
  ])('refuses %s', (_, line) => {
    expect(validate('jsonl', JSON.parse(JSON.stringify(line)))).not.toEqual([]);
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
