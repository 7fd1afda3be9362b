/**
 * Small report builders for reporter tests: reporters take a Report, so tests build one by hand instead of
 * running the analysis pipeline. Summaries are derived from the comments unless a test overrides them.
 */
import type { InputProblem, Reason, Report, ScoredComment, ThreadReport } from '../../src/types.js';
import type { ReporterOptions } from '../../src/reporters/types.js';

export const DEFAULT_OPTIONS: ReporterOptions = { color: false, verbose: false, quiet: false };

/** A reason; defaults to a near-duplicate of comment 2. */
export function makeReason(over: Partial<Reason> = {}): Reason {
  return { signal: 'near-duplicate', code: 'NEAR_DUPLICATE', strength: 0.9, message: '90% similar to comment #2', args: {}, ...over };
}

/** A scored comment; `index` follows a numeric id, `flagged` follows `score >= 0.5`. */
export function makeComment(over: Partial<ScoredComment> & { id: string }): ScoredComment {
  const score = over.score ?? 0.1;
  return {
    index: Number.isInteger(Number(over.id)) ? Number(over.id) : 1,
    author: null,
    text: `Text of comment ${over.id}.`,
    flagged: score >= 0.5,
    reasons: [],
    ...over,
    score,
  };
}

/** A thread report whose counts and verdict are derived from its comments. */
export function makeThread(over: Partial<ThreadReport> = {}): ThreadReport {
  const comments = over.comments ?? [];
  const n = comments.length;
  const flagged = comments.filter((c) => c.flagged).length;
  const botShare = n ? Math.round((flagged / n) * 1000) / 1000 : 0;
  return {
    id: 't1',
    source: 'dumps/t1.txt',
    title: 'A thread',
    commentCount: n,
    summary: flagged
      ? { flagged, botShare, verdictCode: 'SOME_FLAGGED', verdict: `Some likely bot replies: ${flagged} of ${n} comments flagged.` }
      : { flagged, botShare, verdictCode: n ? 'CLEAN' : 'NO_COMMENTS', verdict: `No likely bot replies among ${n} comments.` },
    comments,
    clusters: [],
    agendaTerms: [],
    ...over,
  };
}

/** A report over the given threads and input errors, with the run summary derived from them. */
export function makeReport(over: { threads?: ThreadReport[]; errors?: InputProblem[]; threshold?: number } = {}): Report {
  const threads = over.threads ?? [];
  const errors = over.errors ?? [];
  const comments = threads.reduce((sum, t) => sum + t.commentCount, 0);
  const flagged = threads.reduce((sum, t) => sum + t.summary.flagged, 0);
  return {
    schemaVersion: 1,
    tool: { name: 'threadsift', version: '9.9.9' },
    settings: { threshold: over.threshold ?? 0.5 },
    signals: [],
    summary: { threads: threads.length, comments, flagged, botShare: comments ? Math.round((flagged / comments) * 1000) / 1000 : 0, errors: errors.length },
    threads,
    errors,
  };
}

/**
 * A typical two-thread run with one unreadable input: a coordinated thread (authors, duplicates, a cluster,
 * an agenda term, a comment with more reasons than the top-3 cut) and a clean one.
 */
export function sampleReport(): Report {
  const dup = (partner: string, similarity: number) =>
    makeReason({ message: `${similarity}% similar to comment #${partner}`, related: [partner], args: { partner } });
  const stock = (phrase: string) =>
    makeReason({ signal: 'boilerplate', code: 'BOILERPLATE_PHRASE', strength: 0.7, message: `stock phrase “${phrase}”`, args: { phrase } });
  const agenda = makeReason({ signal: 'agenda-drift', code: 'AGENDA_TERM', strength: 0.5, message: 'pushes “mining”', related: ['3'] });
  const campaign = makeThread({
    id: 'summit',
    source: 'dumps/summit.txt',
    title: 'Leaders meet',
    comments: [
      makeComment({ id: '1', author: 'alice', text: 'The summit covered grain exports and a new pipeline.', score: 0.05 }),
      makeComment({ id: '2', author: 'bot_one', text: 'This meeting underscores the strategic importance of the relationship.', score: 0.92, reasons: [dup('3', 81), stock('underscores the strategic importance'), stock('a notable development'), agenda] }),
      makeComment({ id: '3', author: 'bot_two', text: 'This meeting underscores the strategic importance of their relationship.', score: 0.8, reasons: [dup('2', 81)] }),
      makeComment({ id: '4', text: 'Absolutely. It will be interesting to see how this evolves.', score: 0.55, reasons: [stock('It will be interesting to see')] }),
    ],
    clusters: [{ id: 'c1', commentIds: ['2', '3'], similarity: 0.81 }],
    agendaTerms: [{ term: 'mining', commentIds: ['2', '3', '4'] }],
  });
  const clean = makeThread({
    id: 'weather',
    source: 'dumps/weather.json',
    title: 'Storm warning',
    comments: [makeComment({ id: 'a', index: 1, author: 'carol', text: 'The storm reached the coast at 3 am.', score: 0.12 })],
  });
  return makeReport({ threads: [clean, campaign], errors: [{ source: 'dumps/broken.json', message: 'dumps/broken.json: line 3: unexpected token' }] });
}

/** Hostile strings: terminal escapes, spreadsheet formulas, Markdown/HTML and workflow-command injection. */
export const HOSTILE: readonly string[] = [
  '\u001b[31mred\u001b[0m',
  '\u001b]8;;http://evil\u0007x\u001b]8;;\u0007',
  '\u009b31mc1 csi',
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  '@SUM(1)',
  '-2+3',
  '\tleading tab',
  '\rleading CR',
  '<script>alert(1)</script>',
  '| col | break |',
  '![img](http://x)',
  'ok\n::error::pwned',
  '%0A::error::literal',
  '# heading\n- item\n1. first',
  '`code` *em* _em_ [link](http://x) ~~del~~ $x$ \\ & <b>',
  'ping @octocat about #123 at www.evil.test',
];

/** One thread where every comment's id, author, text and reason is a hostile string; all flagged. */
export function hostileReport(): Report {
  const comments = HOSTILE.map((h, i) =>
    makeComment({
      id: h,
      index: i + 1,
      author: h,
      text: `${h} ${h}`,
      score: 0.6 + (i % 4) * 0.1,
      reasons: [makeReason({ message: `similar: ${h}`, signal: h, related: [HOSTILE[(i + 1) % HOSTILE.length]!] })],
    }),
  );
  const thread = makeThread({
    id: HOSTILE[0]!,
    source: HOSTILE[12]!,
    title: HOSTILE[9]!,
    comments,
    clusters: [{ id: HOSTILE[10]!, commentIds: [HOSTILE[3]!, HOSTILE[6]!], similarity: 0.5 }],
    agendaTerms: HOSTILE.map((h) => ({ term: h, commentIds: [HOSTILE[5]!] })),
    excluded: { [HOSTILE[11]!]: 2 },
  });
  return makeReport({ threads: [thread, makeThread({ id: 'x', title: HOSTILE[4]!, source: HOSTILE[13]! })], errors: [{ source: HOSTILE[1]!, message: HOSTILE[12]! }] });
}

/** Control bytes a report must never contain: C0 except LF, DEL, and C1 (ESC, BEL, CSI, OSC...). */
export const CONTROL_BYTES = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
