/**
 * `evaluate` against a confusion matrix computed by hand on test/fixtures/eval/labelled.json.
 *
 * How the expected figures were worked out (default configuration with llm-style turned off — the
 * machine-text detector has its own tests, and its fitted weights would make the arithmetic opaque —
 * threshold 0.45, no article text so the article signals are silent):
 *   c1  spam   "Subscribe to my channel…"                 promo subscribe-to-me            score 0.70  flagged  TP
 *   c2  spam   "Check out my new music video http://…"    promo check-out-mine, url, like… score 0.94  flagged  TP
 *   c3  spam   "Win free gift cards at http://…"          promo free-goods, url            score 0.80  flagged  TP
 *   c4  bot    "nice song"                                no finding                       score 0     —        FN
 *   c11 spam   "lol"                                      no finding                       score 0     —        FN
 *   c7  human  "Follow me on the tour blog…"              promo follow-request, one cue    score 0.30  —        TN
 *   c5, c6, c8, c10  human, plain writing                 no finding                       score 0     —        TN ×4
 *   c9  no label                                          left out of every figure, counted as unlabelled
 * So tp 3, fp 0, tn 5, fn 2: precision 3/3, recall 3/5, F1 2·3/(2·3+0+2) = 6/8, accuracy 8/10.
 * AUROC over the 5×5 positive/negative pairs: c1, c2, c3 outscore all five negatives (15 pairs); c4 and
 * c11 tie with the four zero-score negatives (8 pairs × ½ = 4) and lose to c7: (15 + 4) / 25 = 0.76.
 * Best F1 threshold: flagging the three strongest (≥ 0.7) gives F1 6/8 = 0.75; adding c7 (≥ 0.3) 6/9.
 * Length baseline (characters): positives 75, 56, 41, 9, 3; negatives 66, 58, 57, 47, 43. Pairs won:
 * 75 beats all 5, 56 beats 47 and 43, the rest none: 7/25 = 0.28. Its best F1 is flagging everything
 * (≥ 3 characters): 2·5/(2·5+5) = 2/3.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../../src/config.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { parseInput } from '../../src/parsers/index.js';
import { testFixture } from '../helpers.js';

const path = testFixture('eval', 'labelled.json');
const threads = parseInput(readFileSync(path), path).threads;
const defaults = () => {
  const config = defaultConfig();
  config.signals['llm-style']!.enabled = false;
  return config;
};

describe('evaluate', () => {
  const result = evaluate(threads, defaults());

  it('counts labelled and unlabelled comments', () => {
    expect(result.counts).toEqual({ threads: 1, comments: 11, labelled: 10, unlabelled: 1, positives: 5, negatives: 5 });
  });

  it('matches the hand-computed confusion matrix and figures', () => {
    const t = result.threadsift;
    expect(t.confusion).toEqual({ tp: 3, fp: 0, tn: 5, fn: 2 });
    expect(t.precision).toBeCloseTo(1, 10);
    expect(t.recall).toBeCloseTo(3 / 5, 10);
    expect(t.f1).toBeCloseTo(6 / 8, 10);
    expect(t.accuracy).toBeCloseTo(8 / 10, 10);
    expect(t.auroc).toBeCloseTo(19 / 25, 10);
    expect(t.best).toEqual({ threshold: 0.7, f1: 0.75 });
  });

  it('computes the length baseline from the same comments', () => {
    const b = result.baseline;
    expect(b.auroc).toBeCloseTo(7 / 25, 10);
    expect(b.best.f1).toBeCloseTo(2 / 3, 10);
    expect(b.threshold).toBeCloseTo(3 / 76, 10);
    expect(b.confusion).toEqual({ tp: 5, fp: 5, tn: 0, fn: 0 });
  });

  it('ablates only the signals that found something, and reports the others as silent', () => {
    expect(result.ablation.map((a) => a.signal)).toEqual(['promo']);
    const promo = result.ablation[0]!;
    expect(promo.figures.confusion).toEqual({ tp: 0, fp: 0, tn: 5, fn: 5 });
    expect(promo.delta.f1).toBeCloseTo(-6 / 8, 10);
    expect(promo.delta.auroc).toBeCloseTo(0.5 - 19 / 25, 10);
    expect(result.silent).toContain('near-duplicate');
    expect(result.silent).not.toContain('promo');
  });

  it('counts allow-listed authors as not flagged, as a scan would show them', () => {
    const config = defaults();
    config.allowAuthors = ['cara'];
    expect(evaluate(threads, config, { ablation: false }).threadsift.confusion).toEqual({ tp: 3, fp: 0, tn: 5, fn: 2 });
  });

  it('uses the configured threshold', () => {
    const config = defaults();
    config.threshold = 0.75;
    const r = evaluate(threads, config, { ablation: false });
    expect(r.threshold).toBe(0.75);
    expect(r.threadsift.confusion).toEqual({ tp: 2, fp: 0, tn: 5, fn: 3 });
    expect(r.ablation).toEqual([]);
  });
});
