import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../../src/config.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { formatEval } from '../../src/eval/format.js';
import { parseInput } from '../../src/parsers/index.js';
import { testFixture } from '../helpers.js';
import { validate } from '../schema-check.js';

const path = testFixture('eval', 'labelled.json');
const result = evaluate(parseInput(readFileSync(path), path).threads, defaultConfig());
const ANSI = /\x1b\[[0-9;]*m/;

describe('formatEval', () => {
  it('terminal: each figure beside the length baseline, the confusion matrix and the ablation', () => {
    const text = formatEval(result, 'terminal', { color: false });
    expect(text).not.toMatch(ANSI);
    expect(text).toMatch(/^10 labelled comments \(5 bot\/spam, 5 human\) in 1 thread\(s\); 1 unlabelled/);
    expect(text).toMatch(/figure\s+threadsift\s+length baseline/);
    expect(text).toMatch(/precision\s+1\.000\s+0\.500/);
    expect(text).toMatch(/recall\s+0\.600\s+1\.000/);
    expect(text).toMatch(/AUROC\s+0\.760\s+0\.280/);
    expect(text).toMatch(/tp \/ fp \/ tn \/ fn\s+3 \/ 0 \/ 5 \/ 2\s+5 \/ 5 \/ 0 \/ 0/);
    expect(text).toMatch(/bot\/spam\s+3\s+2\n\s+human\s+0\s+5/);
    expect(text).toMatch(/promo\s+0\.000\s+−0\.750\s+0\.500\s+−0\.260/);
    expect(text).toContain('No findings in these threads');
  });

  it('terminal with colour marks figures against the baseline', () => {
    const text = formatEval(result, 'terminal', { color: true });
    expect(text).toMatch(ANSI);
    expect(text.replace(/\x1b\[[0-9;]*m/g, '')).toBe(formatEval(result, 'terminal', { color: false }));
  });

  it('json: the whole result, parseable, versioned', () => {
    const text = formatEval(result, 'json', { color: true });
    expect(text.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(text) as typeof result;
    expect(parsed).toEqual(result);
    expect(parsed).toMatchObject({ kind: 'threadsift-eval', schemaVersion: 1 });
    expect(validate('eval', parsed)).toEqual([]);
  });
});
