/** `threadsift scan` (the default command): analyse threads and report likely bot replies. */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { buildReport, reportHead } from '../analyze.js';
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { emitReport, keepPrevious, openReport, type ReportWriter } from '../output.js';
import { ThreadAnalysis } from '../pool/thread-analysis.js';
import type { ThreadOutcome, ThreadTally } from '../pool/thread-task.js';
import { REPORTERS, reporterNames } from '../reporters/index.js';
import type { StreamOptions } from '../reporters/types.js';
import { corpusPassSettings } from '../run-needs.js';
import { stripControls } from '../text/sanitize.js';
import type { InputProblem, RunSummary, ThreadReport } from '../types.js';
import { useColor, type CliIO } from './io.js';
import { reportFormat } from './format-choice.js';
import { addReportOptions, csvOptions, inputCommand, wholeNumber, withExamples, type ScanOptions, type Run } from './options.js';
import { scanConfigForWorkers } from './scan-config.js';
import { addIndexOptions, indexCompanion, openScanIndex, type IndexOptions } from './scan-index.js';
import { scanEachThread, scanWithCorpus } from './scan-inputs.js';

/** What the gates read of a run: its summary and its threads' bot shares. */
interface GatedRun {
  summary: Pick<RunSummary, 'flagged'>;
  threads: Iterable<Pick<ThreadReport, 'id' | 'source'> & { summary: Pick<ThreadReport['summary'], 'botShare'> }>;
}

/** Gate failures as messages; empty when every gate holds. */
export function checkGates(report: GatedRun, config: Config): string[] {
  const failed: string[] = [];
  const { maxFlagged, maxBotShare } = config.gates;
  if (maxFlagged !== undefined && report.summary.flagged > maxFlagged) {
    failed.push(`${report.summary.flagged} comments flagged, more than the maximum of ${maxFlagged} (--max-flagged)`);
  }
  if (maxBotShare !== undefined) {
    for (const t of report.threads) {
      if (t.summary.botShare > maxBotShare) {
        failed.push(`${t.source}${t.id !== t.source ? ` (${t.id})` : ''}: bot share ${t.summary.botShare} exceeds ${maxBotShare} (--max-bot-share)`);
      }
    }
  }
  return failed;
}

/** The reader of stdout went away: a streamed report stops reading its inputs. */
class ReaderGone extends Error {}

/**
 * The threads of a run as they are analysed, in input order: collected into reports for a format made
 * from the whole report, or written at once for a streamed format. Only the totals, and the threads over
 * a --max-bot-share gate, are kept of a streamed run.
 */
class RunOutput {
  readonly reports: ThreadReport[] = [];
  readonly totals = { threads: 0, comments: 0, flagged: 0 };
  /** Threads that could not be analysed, in input order. */
  readonly problems: InputProblem[] = [];
  readonly overShare: Array<{ id: string; source: string; summary: { botShare: number } }> = [];

  constructor(
    private readonly io: CliIO,
    private readonly maxBotShare: number | undefined,
    private readonly writer: ReportWriter | undefined,
  ) {}

  take(outcome: ThreadOutcome): void {
    if ('problem' in outcome) {
      this.problems.push(outcome.problem);
      this.io.stderr(`threadsift: ${stripControls(outcome.problem.message)}\n`);
      return;
    }
    this.count(outcome.tally);
    if ('report' in outcome) this.reports.push(outcome.report);
    else for (const part of outcome.parts) if (!this.writer!.write(part)) throw new ReaderGone();
  }

  private count(t: ThreadTally): void {
    this.totals.threads++;
    this.totals.comments += t.comments;
    this.totals.flagged += t.flagged;
    if (this.maxBotShare !== undefined && t.botShare > this.maxBotShare) this.overShare.push({ id: t.id, source: t.source, summary: { botShare: t.botShare } });
  }
}

/**
 * Worker threads for a scan: --workers, else one per core the process may use, less one with --index:
 * the main thread then has work of its own beside reading (matching each thread against the index and
 * storing it), and a worker on every core would leave it none (docs/index.md has the figures).
 */
export const workerCount = (opts: Pick<ScanOptions & IndexOptions, 'workers' | 'index'>, cores = availableParallelism()): number =>
  opts.workers ?? Math.max(1, cores - (opts.index ? 1 : 0));

/** Scan the inputs; resolves to the exit code (0 clean or flagged within gates, 1 a gate failed, 2 an input failed). */
export async function runScan(args: string[], opts: ScanOptions & IndexOptions, io: CliIO): Promise<number> {
  const name = reportFormat(opts, reporterNames(), 'scan');
  const format = REPORTERS[name];
  if (!format) throw new UsageError(`unknown report format "${name}"`, `formats: ${reporterNames().join(', ')}`);
  const { config, source } = scanConfigForWorkers(
    {
      ...(opts.config !== undefined ? { configFile: opts.config } : {}),
      cwd: io.cwd,
      overrides: { model: opts.model, threshold: opts.threshold, maxFlagged: opts.maxFlagged, maxBotShare: opts.maxBotShare, ...(opts.index ? { index: true } : {}) },
    },
    io.stderr,
  );
  const options: StreamOptions = {
    color: useColor(opts, io),
    verbose: Boolean(opts.verbose),
    quiet: Boolean(opts.quiet),
    csvRaw: Boolean(opts.csvRaw),
    includeText: Boolean(opts.includeText),
  };
  const streamed = 'stream' in format ? format : undefined;
  const writer = streamed && openReport(opts.output, io);
  let index;
  try {
    // Opened (and its write lock taken) before any input is read: a second run on the file waits here.
    index = openScanIndex(opts, config, io);
  } catch (err) {
    writer?.abort();
    throw err;
  }
  const out = new RunOutput(io, config.gates.maxBotShare, writer);
  // A streamed run with an index needs its comments' verdicts back with their text, to store them.
  const verdicts = streamed && index ? { verdicts: true } : {};
  const analysis = new ThreadAnalysis(
    {
      settings: streamed ? { config, stream: { format: streamed.stream, options }, ...verdicts } : { config },
      workers: workerCount(opts),
      worker: streamed ? { source, stream: { format: name, options }, ...verdicts } : { source },
      ...(io.env.THREADSIFT_POOL_CHARS ? { startChars: Number(io.env.THREADSIFT_POOL_CHARS) } : {}),
      ...(index ? { companion: indexCompanion(index) } : {}),
    },
    (outcome) => out.take(outcome),
  );
  // stdin can be read once; the second pass re-reads files but must reuse what stdin gave.
  let stdin: Buffer | undefined;
  const once: CliIO = { ...io, readStdin: () => (stdin ??= io.readStdin()) };
  const corpus = corpusPassSettings(config);
  let scanned;
  try {
    scanned = corpus ? await scanWithCorpus(args, opts, csvOptions(opts), once, analysis, corpus) : scanEachThread(args, opts, csvOptions(opts), once, analysis);
    // The last file's commit can fail too (a full disk): the streamed report's temporary file goes with it.
    index?.close();
  } catch (err) {
    analysis.close();
    // The input file in progress is left out of the index; the files before it stay stored.
    index?.abandon();
    writer?.abort();
    // Nobody reads the rest of a streamed report: the run ends as a reader that went away leaves it.
    if (err instanceof ReaderGone) return out.problems.length ? 2 : 0;
    throw err;
  }
  const problems = [...scanned.problems, ...out.problems];
  const readSomething = out.totals.threads > 0 || problems.length === 0;
  let gates: string[];
  if ('stream' in format) {
    const head = reportHead(out.totals, config, problems, scanned.clusters);
    gates = checkGates({ summary: head.summary, threads: out.overShare }, config);
    finishStream(writer!, format.stream.end(head, options), opts.output, io, readSomething);
  } else {
    const report = buildReport(out.reports, config, problems, scanned.clusters);
    gates = checkGates(report, config);
    emitReport(format.reporter(report, options), opts.output, io, readSomething);
  }
  for (const g of gates) io.stderr(`threadsift: gate failed: ${stripControls(g)}\n`);
  if (problems.length) return 2;
  return gates.length ? 1 : 0;
}

/** End a streamed report: its last text written and the file put in place, or, when nothing could be read, left as it was. */
function finishStream(writer: ReportWriter, end: string[], output: string | undefined, io: CliIO, readSomething: boolean): void {
  if (keepPrevious(output, io, readSomething)) {
    writer.abort();
    return;
  }
  try {
    if (end.every((part) => writer.write(part))) writer.commit();
  } catch (err) {
    writer.abort();
    throw err;
  }
}

/** The scan command with its options; `run` wraps the action (errors to one line, the exit code kept). */
export function scanCommand(io: CliIO, run: Run): Command {
  const cmd = addIndexOptions(
    addReportOptions(inputCommand('scan', 'analyse threads and report likely bot replies (the default command)'))
      .option('--include-text', 'jsonl: give each comment line the full text of the comment')
      .option('--workers <n>', 'worker threads that analyse threads of a large run (default: one per core, one less with --index; 0: none)', wholeNumber),
  );
  return withExamples(cmd, [
    ['threadsift article.txt', 'the flagged comments of one thread dump, worst first, with their reasons'],
    ['threadsift scan exports/ -o report.html', 'every export under exports/ as one HTML report (the extension picks the format)'],
    ['threadsift archive.jsonl -o flags.jsonl --include-text', 'a large archive on every core, one JSON line per comment as it is analysed'],
    ['threadsift comments.csv --csv-text body -f github --max-bot-share 0.3', 'annotations for a CI job, failing it (exit 1) when a thread is over 30% bot replies'],
  ]).action((inputs: string[], opts: ScanOptions & IndexOptions) => run(() => runScan(inputs, opts, io)));
}
