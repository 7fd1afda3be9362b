import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { defaultConfig } from '../../src/config.js';
import { platformFlag } from '../../src/signals/platform-flag.js';
import type { ModerationMark } from '../../src/types.js';
import { parseFile, parserFixture, realExport } from '../parsers/support.js';
import { makeThread, runSignal } from '../helpers.js';

describe('platform-flag', () => {
  const invalid: Array<{ marks: ModerationMark[]; codes: string[]; strength: number }> = [
    { marks: [{ kind: 'spam', field: 'isSpam=true' }], codes: ['PLATFORM_SPAM'], strength: 1 },
    { marks: [{ kind: 'removed', field: 'banned_by=AutoModerator' }], codes: ['PLATFORM_REMOVED'], strength: 0.4 },
    { marks: [{ kind: 'deleted', field: 'isDeleted=true' }], codes: ['PLATFORM_DELETED'], strength: 0.15 },
    { marks: [{ kind: 'spam', field: 'isSpam=true' }, { kind: 'deleted', field: 'isDeleted=true' }], codes: ['PLATFORM_SPAM', 'PLATFORM_DELETED'], strength: 1 },
  ];
  it.each(invalid)('reports $codes', ({ marks, codes, strength }) => {
    const findings = runSignal(platformFlag, makeThread([{ text: 'Great post!', moderation: marks }]));
    expect(findings.map((f) => f.reason.code)).toEqual(codes);
    expect(findings.map((f) => f.reason.args.field)).toEqual(marks.map((m) => m.field));
    expect(Math.max(...findings.map((f) => f.strength))).toBe(strength);
  });

  it('finds nothing on comments without marks (an export with meta but no moderation verdict)', () => {
    expect(runSignal(platformFlag, makeThread(['Great post!', { text: 'Held for review', meta: { approved: '0' } }]))).toEqual([]);
  });

  it('a spam mark alone is flagged at the default threshold; a removal or deletion alone is not', () => {
    const thread = makeThread([
      { text: 'some ugly spam', moderation: [{ kind: 'spam', field: 'isSpam=true' }] },
      { text: 'you are all idiots', moderation: [{ kind: 'removed', field: 'removed=true' }] },
      { text: 'never mind, I was wrong', moderation: [{ kind: 'deleted', field: 'isDeleted=true' }] },
    ]);
    const report = analyze([thread], defaultConfig()).threads[0]!;
    expect(report.comments.map((c) => [c.id, c.flagged])).toEqual([['1', true], ['2', false], ['3', false]]);
    expect(report.comments[0]!.reasons[0]!.message).toBe('the platform marked it spam (isSpam=true in the export)');
  });

  it('the isSpam post of the real remark42 Disqus export is flagged by its mark, the others are not marked', () => {
    const { threads } = parseFile(realExport('disqus', 'remark42-testdata-disqus.xml'));
    const reports = analyze(threads, defaultConfig()).threads;
    const marked = reports.flatMap((t) => t.comments.filter((c) => c.reasons.some((r) => r.signal === 'platform-flag')));
    expect(marked.map((c) => [c.id, c.score, c.flagged, c.reasons.map((r) => r.code)])).toEqual([['299986073', 0.9, true, ['PLATFORM_SPAM']]]);
  });

  it('edge-case exports: Disqus spam and deleted, WordPress spam, Commento flagged and deleted become findings', () => {
    const codes = (file: string) =>
      parseFile(parserFixture(file)).threads.flatMap((t) => runSignal(platformFlag, t).map((f) => `${f.commentId}:${f.reason.code}:${String(f.reason.args.field)}`));
    expect(codes('disqus-edge.xml')).toEqual(['p4:PLATFORM_SPAM:isSpam=true', 'p5:PLATFORM_DELETED:isDeleted=true']);
    expect(codes('wxr-edge.xml')).toEqual(['6:PLATFORM_SPAM:wp:comment_approved=spam']);
  });
});
