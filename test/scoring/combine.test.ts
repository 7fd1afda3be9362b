import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { formatReason } from '../../src/reasons.js';
import { scoreComment } from '../../src/scoring/combine.js';
import type { Finding } from '../../src/types.js';
import { rng } from '../helpers.js';

const config = defaultConfig();

/** The combination as specified: per signal weight × strongest finding, noisy-OR, reasons strongest signal first. */
function reference(findings: Finding[]): { score: number; order: Array<[string, number]> } {
  const bySignal = new Map<string, Finding[]>();
  for (const f of findings) bySignal.set(f.signal, [...(bySignal.get(f.signal) ?? []), f]);
  const contributions = [...bySignal].map(([signal, list]) => ({
    contribution: (config.signals[signal]?.weight ?? 0) * Math.max(...list.map((f) => f.strength)),
    list: [...list].sort((a, b) => b.strength - a.strength),
  }));
  contributions.sort((a, b) => b.contribution - a.contribution);
  const score = Math.round((1 - contributions.reduce((acc, c) => acc * (1 - c.contribution), 1)) * 1000) / 1000;
  return { score, order: contributions.flatMap((c) => c.list.map((f): [string, number] => [f.signal, f.strength])) };
}

describe('scoreComment', () => {
  it('combines signals as independent evidence and orders reasons by contribution, then strength (random findings)', () => {
    const random = rng(31);
    const signals = [...Object.keys(config.signals), 'unknown-signal'];
    for (let i = 0; i < 2000; i++) {
      const findings: Finding[] = Array.from({ length: Math.floor(random() * (i % 10 === 0 ? 80 : 7)) }, (_, k) => ({
        signal: signals[Math.floor(random() * signals.length)]!,
        commentId: 'c',
        // Repeated strengths exercise the stable order of ties.
        strength: Math.round(random() * 4) / 4,
        reason: { code: 'EXACT_DUPLICATE', args: { partner: String(k), similarity: 1, method: 'exact' } },
      }));
      const scored = scoreComment({ id: 'c', index: 1, text: 'x' }, findings, config);
      const expected = reference(findings);
      expect(scored.score).toBe(expected.score);
      expect(scored.reasons.map((r) => [r.signal, r.strength])).toEqual(expected.order.map(([s, v]) => [s, Math.round(v * 1000) / 1000]));
      expect(scored.flagged).toBe(scored.score >= config.threshold);
    }
  });

  it('scores a comment without findings 0, with no reasons', () => {
    expect(scoreComment({ id: 'a', index: 3, author: 'x', text: 'hi' }, [], config)).toEqual({ id: 'a', index: 3, author: 'x', text: 'hi', score: 0, flagged: false, reasons: [] });
  });

  it('gives each reason its message, related ids and span', () => {
    const f: Finding = { signal: 'near-duplicate', commentId: 'a', strength: 0.8, related: ['b'], span: [0, 2], reason: { code: 'EXACT_DUPLICATE', args: { partner: 'b', similarity: 1, method: 'exact' } } };
    const [reason] = scoreComment({ id: 'a', index: 1, text: 'hi' }, [f], config).reasons;
    expect(reason).toEqual({ signal: 'near-duplicate', code: 'EXACT_DUPLICATE', strength: 0.8, message: formatReason(f.reason), args: f.reason.args, related: ['b'], span: [0, 2] });
  });
});
