/**
 * The thread threadsift was made for: every point of fixtures/putin-xi-summit.expected.json (a copy of
 * ../shared/seed/putin-xi-summit.expected.json) must hold at the default settings.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { defaultConfig } from '../src/config.js';
import { parseInput } from '../src/parsers/index.js';
import { readFixture } from './helpers.js';

interface Expected {
  parse: {
    title: string;
    bodyStartsWith: string;
    bodyEndsWith: string;
    bodyMustNotContain: string[];
    declaredCommentCount: number;
    commentCount: number;
    firstCommentStartsWith: string;
    lastCommentStartsWith: string;
  };
  flagged: { all: string[]; minimumAtDefaultThreshold: number };
  nearDuplicates: { mustLink: Array<[string, string]>; shouldLink: Array<[string, string]> };
  echoReplies: Record<string, string>;
  agendaTerms: { must: string[]; should: string[] };
}

const expected = JSON.parse(readFixture('putin-xi-summit.expected.json').toString('utf8')) as Expected;
const parsed = parseInput(readFixture('putin-xi-summit.txt'), 'fixtures/putin-xi-summit.txt');
const thread = parsed.threads[0]!;
const report = analyze(parsed.threads, defaultConfig()).threads[0]!;

describe('seed: putin-xi-summit', () => {
  it('parses title, body, chrome and comments as expected', () => {
    const p = expected.parse;
    expect(parsed.threads).toHaveLength(1);
    expect(parsed.warnings).toEqual([]);
    expect(thread.title).toBe(p.title);
    expect(thread.body.startsWith(p.bodyStartsWith)).toBe(true);
    expect(thread.body.endsWith(p.bodyEndsWith)).toBe(true);
    for (const s of p.bodyMustNotContain) expect(thread.body).not.toContain(s);
    expect(thread.declaredCommentCount).toBe(p.declaredCommentCount);
    expect(thread.comments).toHaveLength(p.commentCount);
    expect(thread.comments[0]!.text.startsWith(p.firstCommentStartsWith)).toBe(true);
    expect(thread.comments.at(-1)!.text.startsWith(p.lastCommentStartsWith)).toBe(true);
  });

  it('flags every comment at the default threshold', () => {
    const flagged = report.comments.filter((c) => c.flagged).map((c) => c.id);
    expect(flagged.length).toBeGreaterThanOrEqual(expected.flagged.minimumAtDefaultThreshold);
    expect(flagged.sort((a, b) => Number(a) - Number(b))).toEqual(expected.flagged.all);
    expect(report.summary.verdictCode).toBe('LIKELY_COORDINATED');
    // Its clusters are paraphrases (mean similarity 0.26-0.57): the verdict does not call them duplicates.
    expect(report.summary.verdict).toContain(`; ${report.clusters.length} clusters of similar comments;`);
  });

  it('puts each must-link duplicate pair in one cluster', () => {
    for (const [a, b] of expected.nearDuplicates.mustLink) {
      const cluster = report.clusters.find((c) => c.commentIds.includes(a));
      expect(cluster, `comment ${a} is in a cluster`).toBeDefined();
      expect(cluster!.commentIds, `${a} and ${b} share a cluster`).toContain(b);
    }
    // Clusters must separate the families, not lump the whole thread together.
    expect(Math.max(...report.clusters.map((c) => c.commentIds.length))).toBeLessThan(thread.comments.length / 2);
  });

  it('finds every echo reply with the right parent', () => {
    for (const [reply, parent] of Object.entries(expected.echoReplies)) {
      const comment = report.comments.find((c) => c.id === reply)!;
      const echo = comment.reasons.find((r) => r.signal === 'echo-reply');
      expect(echo, `comment ${reply} is an echo reply`).toBeDefined();
      expect(echo!.related).toEqual([parent]);
      expect(echo!.args.parent).toBe(parent);
    }
    const echoes = report.comments.filter((c) => c.reasons.some((r) => r.signal === 'echo-reply')).map((c) => c.id);
    expect(echoes.sort()).toEqual(Object.keys(expected.echoReplies).sort());
  });

  it('reports the must agenda terms', () => {
    const terms = report.agendaTerms.map((a) => a.term);
    for (const must of expected.agendaTerms.must) expect(terms).toContain(must);
    for (const term of report.agendaTerms) expect(term.commentIds.length).toBeGreaterThanOrEqual(3);
    for (const term of report.agendaTerms) expect(thread.body.toLowerCase()).not.toContain(term.term);
  });

  it('states the evidence: every flagged comment has reasons with messages', () => {
    for (const c of report.comments.filter((x) => x.flagged)) {
      expect(c.reasons.length).toBeGreaterThan(0);
      for (const r of c.reasons) expect(r.message).not.toBe(r.code);
    }
  });
});
