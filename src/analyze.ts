/** The pure pipeline: threads + config -> Report. No I/O. */
import type { Config } from './config.js';
import { checkMemory, checkMemoryEvery } from './memory.js';
import { forgetFeatures } from './text/features.js';
import { buildAgendaTerms, buildClusters, summarize } from './scoring/summary.js';
import { scoreComment } from './scoring/combine.js';
import { listedInReport, runOptions } from './run-needs.js';
import { SIGNALS } from './signals/index.js';
import { threadFeatures } from './text/features.js';
import { detectLanguage, judges, type Language } from './text/language.js';
import type { CrossThreadCluster, Finding, InputProblem, Report, ReportHead, SignalContext, Thread, ThreadReport } from './types.js';
import { VERSION } from './version.js';

/**
 * Signals read at most this many characters of a comment. Real comments are far shorter; a 50 MB
 * "comment" is an attack on the analyser, and its first 20,000 characters show what it is. The report
 * keeps the full text.
 */
export const MAX_ANALYSED_CHARS = 20_000;

function capped(thread: Thread): Thread {
  if (!thread.comments.some((c) => c.text.length > MAX_ANALYSED_CHARS) && thread.body.length <= MAX_ANALYSED_CHARS * 10) return thread;
  return {
    ...thread,
    body: thread.body.slice(0, MAX_ANALYSED_CHARS * 10),
    comments: thread.comments.map((c) => (c.text.length > MAX_ANALYSED_CHARS ? { ...c, text: c.text.slice(0, MAX_ANALYSED_CHARS) } : c)),
  };
}

/** What a thread's analysis may know about the rest of the run. */
export interface RunContext {
  corpus?: SignalContext['corpus'];
  seenBefore?: SignalContext['seenBefore'];
}

/** Run every enabled signal over one thread and score its comments. */
export function analyzeThread(original: Thread, config: Config, run: RunContext = {}): ThreadReport {
  const thread = capped(original);
  const findings: Finding[] = [];
  const languages = new CommentLanguages(thread);
  for (const signal of SIGNALS) {
    const settings = config.signals[signal.id];
    if (!settings?.enabled) continue;
    const ctx: SignalContext<object> = { options: runOptions(signal, config) };
    if (run.corpus) ctx.corpus = run.corpus;
    if (run.seenBefore && signal.needs?.index) ctx.seenBefore = run.seenBefore;
    checkMemory();
    const found = signal.analyze(thread, ctx);
    // Appended one by one: spread into push, a signal's findings for a million comments overflow the stack.
    if (signal.languages === undefined) for (let i = 0; i < found.length; i++) findings.push(found[i]!);
    else languages.keepJudged(signal.id, signal.languages, found, findings);
  }
  languages.abstentions(findings);
  forgetFeatures(thread);
  return scoreThread(original, findings, config);
}

/** Pseudo-signal of the "not judged" reasons: weight 0 in scoring, never configurable. */
export const LANGUAGE_SIGNAL = 'language';

/**
 * Each comment's language, detected once per thread and only when a signal declares languages. A signal
 * that declares them still reads the whole thread (positions, parents and thread-wide counts stay true);
 * its findings on comments in other languages are dropped here, and each such comment gets one
 * "not judged" reason naming its language and the signals that abstained.
 */
class CommentLanguages {
  private detected: Language[] | undefined;
  /** Comment index -> ids of the signals that abstained on it. */
  private readonly skipped = new Map<number, string[]>();
  private positions: Map<string, number> | undefined;

  constructor(private readonly thread: Thread) {}

  private of(): Language[] {
    if (this.detected) return this.detected;
    // The signals need the thread's features anyway; their tokens spare a second tokenization.
    const features = threadFeatures(this.thread).comments;
    return (this.detected = this.thread.comments.map((c, i) => {
      checkMemoryEvery();
      return detectLanguage(c.text, features[i]!.tokens);
    }));
  }

  keepJudged(signal: string, declared: readonly string[], found: Finding[], out: Finding[]): void {
    const detected = this.of();
    let judged: boolean[] | undefined;
    for (let i = 0; i < detected.length; i++) {
      if (judges(declared, detected[i]!)) continue;
      (judged ??= detected.map(() => true))[i] = false;
      const list = this.skipped.get(i);
      if (list) list.push(signal);
      else this.skipped.set(i, [signal]);
    }
    if (!judged) {
      for (let k = 0; k < found.length; k++) out.push(found[k]!);
      return;
    }
    this.positions ??= new Map(this.thread.comments.map((c, i) => [c.id, i]));
    for (let k = 0; k < found.length; k++) {
      const i = this.positions.get(found[k]!.commentId);
      if (i === undefined || judged[i]) out.push(found[k]!);
    }
  }

  abstentions(out: Finding[]): void {
    if (this.skipped.size === 0) return;
    const detected = this.of();
    for (const [i, signals] of [...this.skipped].sort((a, b) => a[0] - b[0])) {
      const language = detected[i]!;
      out.push({
        signal: LANGUAGE_SIGNAL,
        commentId: this.thread.comments[i]!.id,
        strength: 0,
        reason: { code: 'LANGUAGE_NOT_JUDGED', args: { language: language.code, script: language.script, basis: language.basis, signals } },
      });
    }
  }
}

/** A thread's report from its signals' findings: each comment scored, clusters and agenda terms gathered. */
export function scoreThread(thread: Thread, findings: Finding[], config: Config): ThreadReport {
  const byComment = new Map<string, Finding[]>();
  for (const f of findings) {
    checkMemoryEvery();
    const list = byComment.get(f.commentId) ?? [];
    list.push(f);
    byComment.set(f.commentId, list);
  }
  const order = new Map(thread.comments.map((c, i) => [c.id, i]));
  const comments = thread.comments.map((c) => {
    checkMemoryEvery();
    return scoreComment(c, byComment.get(c.id) ?? [], config);
  });
  const clusters = buildClusters(findings, order);
  const agendaTerms = buildAgendaTerms(findings, order);
  const report: ThreadReport = {
    id: thread.id,
    source: thread.source,
    title: thread.title,
    commentCount: thread.comments.length,
    summary: summarize(comments, clusters, agendaTerms),
    comments,
    clusters,
    agendaTerms,
  };
  if (thread.url) report.url = thread.url;
  if (thread.declaredCommentCount !== undefined) report.declaredCommentCount = thread.declaredCommentCount;
  if (thread.excluded) report.excluded = thread.excluded;
  return report;
}

/** Counts of a run's threads, as its summary gives them. */
export interface RunTotals {
  threads: number;
  comments: number;
  flagged: number;
}

/** The report of a run without its threads, from their totals and the inputs that failed. */
export function reportHead(totals: RunTotals, config: Config, errors: InputProblem[] = [], crossThreadClusters?: CrossThreadCluster[]): ReportHead {
  const { threads, comments, flagged } = totals;
  return {
    schemaVersion: 1,
    tool: { name: 'threadsift', version: VERSION },
    settings: { threshold: config.threshold, gates: config.gates, allowAuthors: config.allowAuthors },
    signals: Object.entries(config.signals).filter(listedInReport).map(([id, s]) => ({
      id,
      description: SIGNALS.find((x) => x.id === id)?.description ?? '',
      weight: s.weight,
      enabled: s.enabled,
    })),
    summary: {
      threads,
      comments,
      flagged,
      botShare: comments === 0 ? 0 : Math.round((flagged / comments) * 1000) / 1000,
      errors: errors.length,
    },
    ...(crossThreadClusters ? { crossThreadClusters } : {}),
    errors,
  };
}

/** Assemble a run's report from its thread reports (in input order) and the inputs that failed. */
export function buildReport(reports: ThreadReport[], config: Config, errors: InputProblem[] = [], crossThreadClusters?: CrossThreadCluster[]): Report {
  const totals = {
    threads: reports.length,
    comments: reports.reduce((n, t) => n + t.commentCount, 0),
    flagged: reports.reduce((n, t) => n + t.summary.flagged, 0),
  };
  const { schemaVersion, tool, settings, signals, summary, ...rest } = reportHead(totals, config, errors, crossThreadClusters);
  // The report's keys in their documented order: the threads come before the clusters and errors.
  return { schemaVersion, tool, settings, signals, summary, threads: reports, ...rest };
}

/** Analyse all threads of a run into one report. */
export function analyze(threads: Thread[], config: Config, errors: InputProblem[] = []): Report {
  return buildReport(
    threads.map((t) => analyzeThread(t, config)),
    config,
    errors,
  );
}
