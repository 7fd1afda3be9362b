import { describe, expect, it } from 'vitest';
import { analyzeThread } from '../../src/analyze.js';
import { defaultConfig } from '../../src/config.js';
import { formatReason } from '../../src/reasons.js';
import { giveIndex, indexSettings } from '../../src/run-needs.js';
import { seenBefore } from '../../src/signals/seen-before.js';
import type { SeenBefore } from '../../src/types.js';
import { makeThread, runSignal } from '../helpers.js';

const sighting = (over: Partial<SeenBefore> = {}): SeenBefore => ({
  source: 'march.jsonl',
  threadId: 't9',
  threadTitle: 'Harbour plan',
  commentId: '4',
  date: '2026-03-01T10:00:00.000Z',
  dateKind: 'posted',
  similarity: 0.9,
  copies: 1,
  threads: 1,
  flagged: false,
  ...over,
});

describe('seen-before', () => {
  const thread = makeThread(['Buy followers at cheap prices now, the best deal on the whole internet today', 'I disagree with the plan.']);

  const invalid: Array<{ seen: SeenBefore; strength: number }> = [
    { seen: sighting(), strength: 0.7 },
    { seen: sighting({ copies: 3, threads: 2 }), strength: 0.85 },
    { seen: sighting({ copies: 9, threads: 5, flagged: true }), strength: 1 },
  ];
  it.each(invalid)('reports a comment the index saw under $seen.threads other thread(s)', ({ seen, strength }) => {
    const findings = seenBefore.analyze(thread, { options: seenBefore.defaultOptions, seenBefore: new Map([['1', seen]]) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ signal: 'seen-before', commentId: '1', reason: { code: 'SEEN_BEFORE' } });
    expect(findings[0]!.strength).toBeCloseTo(strength, 10);
    // The evidence: where and when it was first seen.
    expect(findings[0]!.reason.args).toMatchObject({ source: 'march.jsonl', thread: 't9', title: 'Harbour plan', comment: '4', date: seen.date, similarity: seen.similarity, copies: seen.copies, threads: seen.threads });
  });

  it('a short everyday phrase seen under a few threads is weak evidence, and the reason says why', () => {
    const everyday = makeThread(['Thank you so much for this', 'I disagree with the plan.']);
    const find = (s: SeenBefore) => seenBefore.analyze(everyday, { options: seenBefore.defaultOptions, seenBefore: new Map([['1', s]]) })[0]!;
    const few = find(sighting({ copies: 3, threads: 3 }));
    expect(few.strength).toBe(0.4);
    expect(few.reason.args.everyday).toBe(true);
    expect(formatReason(few.reason)).toMatch(/short everyday phrase that people also write on their own$/);
    // Under four other threads (five in all), it is a campaign like any other.
    const many = find(sighting({ copies: 4, threads: 4 }));
    expect(many.strength).toBe(1);
    expect(many.reason.args.everyday).toBeUndefined();
  });

  it('finds nothing without an index', () => {
    expect(runSignal(seenBefore, thread)).toEqual([]);
  });

  it('words where and when', () => {
    const args = (s: SeenBefore) => seenBefore.analyze(thread, { options: seenBefore.defaultOptions, seenBefore: new Map([['1', s]]) })[0]!.reason;
    expect(formatReason(args(sighting()))).toBe('seen before under another thread: 90% the same words as comment #4 of “Harbour plan” (march.jsonl), posted 2026-03-01');
    expect(formatReason(args(sighting({ similarity: 1, threadTitle: '', dateKind: 'indexed', flagged: true, copies: 3, threads: 2 })))).toBe(
      'seen before under another thread: the same words as comment #4 of thread “t9” (march.jsonl), indexed 2026-03-01, flagged then; 3 such comments under 2 threads in the index',
    );
  });

  it('is off until an index is given, and then flags a re-post on its own', () => {
    const config = defaultConfig();
    expect(config.signals['seen-before']!.enabled).toBe(false);
    expect(indexSettings(config)).toEqual({ threshold: 0.8, minWords: 5 });
    giveIndex(config);
    expect(config.signals['seen-before']!.enabled).toBe(true);
    const report = analyzeThread(thread, config, { seenBefore: new Map([['1', sighting()]]) });
    expect(report.comments.map((c) => c.flagged)).toEqual([true, false]);
  });
});
