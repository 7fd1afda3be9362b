/**
 * The command line: argv, stdout/stderr, exit codes. The only module that touches the process.
 * Exit codes: 0 ran and no gate failed; 1 a gate failed; 2 usage, config, input or internal error.
 */
import { extname } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { analyzeThread, buildReport, type RunContext } from './analyze.js';
import { MemoryExceeded } from './memory.js';
import { DEFAULT_THRESHOLD, type Config } from './config.js';
import { loadConfig, readUserJson } from './config-file.js';
import { ConfigError, formatKnownError, InputError, isKnownError, UsageError } from './errors.js';
import { assertHasInputs, forEachLine, readSource, resolveInputs } from './inputs.js';
import { jsonl, jsonlRecord } from './parsers/json.js';
import { evaluate } from './eval/evaluate.js';
import { formatEval } from './eval/format.js';
import { loadModel, trainModel } from './model/model.js';
import { formatNames, parseInput } from './parsers/index.js';
import type { ParseOptions } from './parsers/types.js';
import { stdoutWasClosed, toStdout, writeReport, type OutputIO } from './output.js';
import { createProgress } from './progress.js';
import { REPORTERS, reporterNames } from './reporters/index.js';
import { escapeInvisible, stripControls } from './text/sanitize.js';
import { clustersJson, clustersTerminal, type ClustersReport } from './reporters/clusters.js';
import { CorpusIndex } from './corpus/index.js';
import { corpusPass, threadKeys } from './cross-thread-pass.js';
import type { CrossThreadCluster, InputProblem, Report, Thread, ThreadReport } from './types.js';
import { VERSION } from './version.js';

/** Everything the CLI needs from the outside world, so tests can run it in-process. */
export interface CliIO extends OutputIO {
  stderr: (text: string) => void;
  readStdin: () => Buffer;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Everything stdin holds, read asynchronously: a pipe may be non-blocking (EAGAIN for readFileSync). */
async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The real process. stdin is read up front only when an argument is "-". A reader that goes away
 * (`threadsift … | head`) ends the run quietly instead of with an EPIPE stack trace.
 */
export async function processIO(argv: string[]): Promise<CliIO> {
  const stdin = argv.includes('-') ? await readAllStdin() : Buffer.alloc(0);
  // Reports are written to descriptor 1 directly (src/output.ts); these streams carry help, version and
  // messages. A reader that went away ends the run quietly; any other failure is one line.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) process.stderr.write(`threadsift: cannot write to stdout (${err.code ?? err.message})\n`);
      process.exit(2);
    });
  }
  return {
    stdout: (t) => process.stdout.write(t),
    // A closed stdout (>&-) was replaced by /dev/null for Node's sake: -1 says it was closed.
    stdoutFd: stdoutWasClosed() ? -1 : 1,
    stderr: (t) => process.stderr.write(t),
    readStdin: () => stdin,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

interface ScanOptions {
  format: string;
  output?: string;
  threshold?: number;
  maxFlagged?: number;
  maxBotShare?: number;
  verbose?: boolean;
  quiet?: boolean;
  color?: boolean;
  config?: string;
  inputFormat?: string;
  debug?: boolean;
  csvText?: string;
  csvId?: string;
  csvAuthor?: string;
  csvParent?: string;
  csvDate?: string;
  csvThread?: string;
  csvLabel?: string;
  model?: string;
  ablation?: boolean;
}

const unitInterval = (name: string) => (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`${name} must be a number from 0 to 1.`);
  return n;
};
const wholeNumber = (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('must be a whole number ≥ 0.');
  return n;
};

/** Colour follows --no-color, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(opts: { color?: boolean; output?: string }, io: CliIO): boolean {
  if (opts.color === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (!toStdout(opts.output)) return false;
  return io.stdoutIsTTY && io.env.TERM !== 'dumb';
}

/** JSONL files (by extension or --input-format) are read line by line instead of whole. */
function streamable(source: string, inputFormat: string | undefined): boolean {
  if (source === '-') return false;
  if (inputFormat) return inputFormat === 'jsonl';
  return jsonl.extensions.includes(extname(source).toLowerCase());
}

/**
 * Read and parse every input, handing each thread to `onThread` as soon as it is read, so a batch of
 * thousands of files never holds more than one file's threads at a time. A bad input is reported on
 * stderr (one line) and the rest still run.
 */
function forEachThread(
  args: string[],
  opts: { inputFormat?: string },
  parseOptions: ParseOptions,
  io: CliIO,
  onThread: (thread: Thread) => void,
  repeat = false,
): InputProblem[] {
  assertHasInputs(args);
  const { files, problems: resolveProblems, skipped } = resolveInputs(args, io.cwd);
  if (skipped.length && !repeat) {
    io.stderr(`threadsift: skipped ${skipped.length} file(s) that threadsift wrote (reports, models, configuration), e.g. ${stripControls(skipped[0]!)}\n`);
  }
  const problems: InputProblem[] = [];
  // A bar for batches, and for a single JSONL archive (which can hold a million comments).
  const long = files.length > 1 || files.some((f) => streamable(f, opts.inputFormat));
  const progress = createProgress(files, io.stderr, long && io.stderrIsTTY && !io.env.CI);
  // A second pass over the same inputs (see runScan) has already reported their problems.
  const report = (error: InputError) => {
    const line = formatKnownError(error);
    problems.push({ source: error.source, message: line });
    progress.done();
    if (!repeat) io.stderr(`threadsift: ${stripControls(line)}\n`);
  };
  for (const p of resolveProblems) report(p.error);
  let comments = 0;
  let done = 0;
  const deliver = (thread: Thread) => {
    comments += thread.comments.length;
    onThread(thread);
    progress.tick(done, comments);
  };
  files.forEach((source, i) => {
    done = i;
    try {
      if (streamable(source, opts.inputFormat)) {
        // Large JSONL archives stream line by line; a bad line is reported and the rest still read.
        forEachLine(
          source,
          (line, lineNo) => {
            try {
              const thread = jsonlRecord(line, lineNo, source);
              if (thread) deliver(thread);
            } catch (err) {
              if (err instanceof InputError) report(err);
              else throw err;
            }
          },
          report,
          progress.read,
        );
      } else {
        const out = parseInput(readSource(source, io.readStdin), source, opts.inputFormat, parseOptions);
        if (!repeat) for (const w of out.warnings) io.stderr(`threadsift: warning: ${stripControls(w)}\n`);
        for (const p of out.problems ?? []) report(p);
        out.threads.forEach(deliver);
      }
    } catch (err) {
      if (err instanceof InputError) report(err);
      else if (err instanceof MemoryExceeded) report(memoryError(source, err));
      else throw err;
    }
    progress.tick(i + 1, comments);
  });
  progress.done();
  return problems;
}

/** An input given up because it does not fit in memory, as that input's error: the batch goes on. */
function memoryError(source: string, err: MemoryExceeded): InputError {
  return new InputError(source, `is too large to analyse: it ${err.message}`, undefined, 'split it into smaller files, or allow more memory with NODE_OPTIONS=--max-old-space-size=<MB>');
}

/** Load a trained model (threadsift train) into the model signal's options. */
function useModel(config: Config, path: string | undefined): void {
  if (!path) return;
  const data = readUserJson(path);
  const settings = config.signals.model;
  if (!settings) throw new UsageError('this build has no model signal');
  settings.enabled = true;
  settings.options.model = loadModel(data, path);
}

function applyOverrides(config: Config, opts: ScanOptions, io: CliIO): Config {
  useModel(config, opts.model);
  if (config.signals.model?.enabled && !config.signals.model.options.model) {
    io.stderr('threadsift: warning: the model signal is enabled but no model was given (--model FILE); it finds nothing\n');
  }
  if (opts.threshold !== undefined) config.threshold = opts.threshold;
  if (opts.maxFlagged !== undefined) config.gates.maxFlagged = opts.maxFlagged;
  if (opts.maxBotShare !== undefined) config.gates.maxBotShare = opts.maxBotShare;
  return config;
}

/** Gate failures as messages; empty when every gate holds. */
export function checkGates(report: Report, config: Config): string[] {
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

/**
 * Write a report with writeReport (src/output.ts). A run that read nothing leaves a previous report file
 * as it was: replacing it with a report of errors alone would lose the last good one.
 */
function emit(report: string | Iterable<string>, output: string | undefined, io: CliIO, readSomething = true): void {
  if (!readSomething && !toStdout(output)) {
    io.stderr(`threadsift: no input could be read; ${stripControls(output!)} was left as it was\n`);
    return;
  }
  writeReport(report, output, io);
}

function csvOptions(opts: ScanOptions): ParseOptions {
  const csv: NonNullable<ParseOptions['csv']> = {};
  if (opts.csvText) csv.text = opts.csvText;
  if (opts.csvId) csv.id = opts.csvId;
  if (opts.csvAuthor) csv.author = opts.csvAuthor;
  if (opts.csvParent) csv.parent = opts.csvParent;
  if (opts.csvDate) csv.date = opts.csvDate;
  if (opts.csvThread) csv.thread = opts.csvThread;
  if (opts.csvLabel) csv.label = opts.csvLabel;
  return Object.keys(csv).length ? { csv } : {};
}

/** A corpus index; bad similarity settings are the configuration's fault, not a bug. */
function newCorpusIndex(threshold: number, minWords: number, workers = 0): CorpusIndex {
  try {
    return new CorpusIndex({ threshold, minShingles: minWords, workers });
  } catch (err) {
    if (err instanceof RangeError) {
      throw new ConfigError(`cross-thread settings: ${err.message.replace('threshold', 'similarity threshold').replace('minShingles', 'minWords')}`, 'similarity must be above 0 and at most 1; minWords a whole number ≥ 1');
    }
    throw err;
  }
}

/**
 * Threads read in the first pass are kept for the second up to this many characters of text, then the
 * inputs are read again instead (THREADSIFT_KEEP_CHARS overrides it).
 */
const KEEP_IN_MEMORY_CHARS = 200_000_000;


/** Characters of a thread's text (body and comments). */
const threadChars = (thread: Thread) => thread.body.length + thread.comments.reduce((n, c) => n + c.text.length, 0);

async function runScan(args: string[], opts: ScanOptions, io: CliIO): Promise<number> {
  const format = REPORTERS[opts.format];
  if (!format) throw new UsageError(`unknown report format "${opts.format}"`, `formats: ${reporterNames().join(', ')}`);
  const { config } = loadConfig(opts.config, io.cwd);
  applyOverrides(config, opts, io);
  // stdin can be read once; the second pass re-reads files but must reuse what stdin gave.
  let stdin: Buffer | undefined;
  const once: CliIO = { ...io, readStdin: () => (stdin ??= io.readStdin()) };
  const parseOptions = csvOptions(opts);
  const reports: ThreadReport[] = [];
  const cross = config.signals['cross-thread'];
  let clusters: CrossThreadCluster[] | undefined;
  let problems: InputProblem[];
  if (!cross?.enabled) {
    problems = forEachThread(args, opts, parseOptions, once, (thread) => {
      reports.push(analyzeThread(thread, config));
    });
  } else {
    const { threshold, minWords } = cross.options as { threshold: number; minWords: number };
    // The index starts with the second thread: a run of one thread has nothing to compare across.
    let index: CorpusIndex | undefined;
    const names = new Map<string, { source: string; id: string }>();
    const keyOf = threadKeys();
    const keys = new Map<Thread, string>();
    const addAll = (thread: Thread) => {
      const key = keys.get(thread)!;
      names.set(key, { source: thread.source, id: thread.id });
      for (const c of thread.comments) index!.add(key, c.id, c.text);
    };
    const kept: Thread[] = [];
    let keptChars = 0;
    let spilled = false;
    const budget = Number(io.env.THREADSIFT_KEEP_CHARS) || KEEP_IN_MEMORY_CHARS;
    problems = forEachThread(args, opts, parseOptions, once, (thread) => {
      keys.set(thread, keyOf(thread));
      const size = threadChars(thread);
      if (!index && (kept.length >= 1 || keptChars + size > budget)) {
        index = newCorpusIndex(threshold, minWords);
        kept.forEach(addAll);
      }
      if (index) addAll(thread);
      if (spilled) {
        keys.delete(thread);
        return;
      }
      kept.push(thread);
      keptChars += size;
      if (keptChars > budget) {
        spilled = true;
        for (const t of kept) keys.delete(t);
        kept.length = 0;
      }
    });
    // Each thread is let go once analysed: its text features (cached per thread) can then be collected
    // before the next thread, and before the report is written.
    const analyzeKept = (thread: Thread, run?: RunContext) => {
      try {
        reports.push(analyzeThread(thread, config, run));
      } catch (err) {
        if (!(err instanceof MemoryExceeded)) throw err;
        const line = formatKnownError(memoryError(thread.source, err));
        problems.push({ source: thread.source, message: line });
        io.stderr(`threadsift: ${stripControls(line)}\n`);
      }
    };
    kept.reverse();
    if (!index) {
      keys.clear();
      for (let thread = kept.pop(); thread; thread = kept.pop()) analyzeKept(thread);
      clusters = [];
    } else {
      const pass = await corpusPass(index, names);
      if (spilled) {
        // The second reading assigns the same keys: the inputs come back in the same order.
        const again = threadKeys();
        forEachThread(args, opts, parseOptions, once, (thread) => reports.push(analyzeThread(thread, config, pass.lookup(again(thread)))), true);
      } else {
        for (let thread = kept.pop(); thread; thread = kept.pop()) {
          const key = keys.get(thread)!;
          keys.delete(thread);
          analyzeKept(thread, pass.lookup(key));
        }
      }
      clusters = pass.clusters;
    }
  }
  const report = buildReport(reports, config, problems, clusters);
  const text = format.reporter(report, {
    color: useColor(opts, io),
    verbose: Boolean(opts.verbose),
    quiet: Boolean(opts.quiet),
  });
  emit(text, opts.output, io, reports.length > 0 || problems.length === 0);
  const gates = checkGates(report, config);
  for (const g of gates) io.stderr(`threadsift: gate failed: ${stripControls(g)}\n`);
  if (problems.length) return 2;
  return gates.length ? 1 : 0;
}

/**
 * `threadsift clusters`: only the run-wide pass. Every comment of every input goes into the corpus index
 * (signatures, ids and an excerpt; never the texts), and the clusters that span threads are printed.
 * This is the path for archives of a million comments, where scoring every comment is not the question.
 */
async function runClusters(args: string[], opts: ScanOptions & { similarity?: number; minWords?: number; workers?: number }, io: CliIO): Promise<number> {
  const { config } = loadConfig(opts.config, io.cwd);
  const defaults = config.signals['cross-thread']?.options as { threshold: number; minWords: number };
  const threshold = opts.similarity ?? defaults.threshold;
  const minWords = opts.minWords ?? defaults.minWords;
  const index = newCorpusIndex(threshold, minWords, opts.workers);
  const names = new Map<string, { source: string; id: string }>();
  const keyOf = threadKeys();
  const problems = forEachThread(args, opts, csvOptions(opts), io, (thread) => {
    const key = keyOf(thread);
    names.set(key, { source: thread.source, id: thread.id });
    for (const c of thread.comments) index.add(key, c.id, c.text);
  });
  const { clusters, result } = await corpusPass(index, names);
  const report: ClustersReport = {
    tool: { name: 'threadsift', version: VERSION },
    settings: { similarity: threshold, minWords, lsh: result.params },
    summary: {
      threads: names.size,
      comments: result.comments,
      ignored: result.ignored,
      uniqueTexts: result.uniqueTexts,
      clusters: clusters.length,
      commentsInClusters: clusters.reduce((n, c) => n + c.size, 0),
      candidatePairs: result.candidatePairs,
      verifiedPairs: result.verifiedPairs,
      errors: problems.length,
    },
    clusters,
    errors: problems,
  };
  const readSomething = names.size > 0 || problems.length === 0;
  if (opts.format === 'json') emit(clustersJson(report), opts.output, io, readSomething);
  else emit(clustersTerminal(report, { color: useColor(opts, io), verbose: Boolean(opts.verbose) }), opts.output, io, readSomething);
  return problems.length ? 2 : 0;
}

function runParse(args: string[], opts: ScanOptions, io: CliIO): number {
  const threads: Thread[] = [];
  const problems = forEachThread(args, opts, csvOptions(opts), io, (t) => threads.push(t));
  emit(`${escapeInvisible(JSON.stringify({ threads }, null, 2))}\n`, opts.output, io, threads.length > 0 || problems.length === 0);
  return problems.length ? 2 : 0;
}

function readAll(args: string[], opts: ScanOptions, io: CliIO): { threads: Thread[]; problems: InputProblem[] } {
  const threads: Thread[] = [];
  const problems = forEachThread(args, opts, csvOptions(opts), io, (t) => threads.push(t));
  return { threads, problems };
}

function requireLabels(threads: Thread[], command: string): void {
  if (!threads.some((t) => t.comments.some((c) => c.label !== undefined))) {
    throw new UsageError(
      `${command} needs labelled comments and none of the inputs has any`,
      'give CSV a label column (label, class, is_bot...; or --csv-label) or JSON comments a "label" (1/true/"bot"/"spam" = bot)',
    );
  }
}

function runEval(args: string[], opts: ScanOptions, io: CliIO): number {
  const format = opts.format === 'json' ? 'json' : opts.format === 'terminal' ? 'terminal' : undefined;
  if (!format) throw new UsageError(`eval prints terminal or json, not ${opts.format}`);
  const { config } = loadConfig(opts.config, io.cwd);
  applyOverrides(config, opts, io);
  const { threads, problems } = readAll(args, opts, io);
  if (threads.length) {
    requireLabels(threads, 'eval');
    const result = evaluate(threads, config, { ablation: opts.ablation !== false });
    emit(formatEval(result, format, { color: useColor(opts, io) }), opts.output, io);
  }
  return problems.length ? 2 : 0;
}

function runTrain(args: string[], opts: ScanOptions, io: CliIO): number {
  const { config } = loadConfig(opts.config, io.cwd);
  const { threads, problems } = readAll(args, opts, io);
  if (problems.length) return 2;
  requireLabels(threads, 'train');
  const model = trainModel(threads, config);
  emit(`${JSON.stringify(model)}\n`, opts.output, io);
  const cv = model.training.crossValidated;
  io.stderr(
    `threadsift: trained on ${model.trainedOn.labelled} labelled comments (${model.trainedOn.positives} bot), ${model.features.length} features${cv ? `; cross-validated F1 ${cv.f1.toFixed(3)}, AUROC ${cv.auroc === null ? 'n/a' : cv.auroc.toFixed(3)}` : ''}${opts.output ? `; written to ${opts.output}` : ''}\n`,
  );
  return 0;
}

/** Options every command that reads inputs shares. */
function addInputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--input-format <name>', 'read inputs as this format instead of detecting it').choices(formatNames()))
    .option('--csv-text <column>', 'CSV column holding the comment text')
    .option('--csv-id <column>', 'CSV column holding the comment id')
    .option('--csv-author <column>', 'CSV column holding the author')
    .option('--csv-parent <column>', 'CSV column holding the id of the comment replied to')
    .option('--csv-date <column>', 'CSV column holding the date')
    .option('--csv-thread <column>', 'CSV column that groups rows into threads (article, url...)')
    .option('--csv-label <column>', 'CSV column holding a bot/spam label (for eval and train)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--debug', 'print stack traces for internal errors');
}

function addScanOptions(cmd: Command): Command {
  return addInputOptions(cmd)
    .addOption(new Option('-f, --format <name>', 'report format').choices(reporterNames()).default('terminal'))
    .option('-t, --threshold <score>', `flag comments scoring at least this (0..1; default ${DEFAULT_THRESHOLD})`, unitInterval('--threshold'))
    .option('--max-flagged <n>', 'exit 1 when more than n comments are flagged', wholeNumber)
    .option('--max-bot-share <ratio>', "exit 1 when any thread's flagged share exceeds ratio (0..1)", unitInterval('--max-bot-share'))
    .option('-v, --verbose', 'show every comment and every reason')
    .option('-q, --quiet', 'show flagged comments only')
    .option('--no-color', 'never colour the output')
    .option('-c, --config <file>', 'configuration file (default: nearest threadsift.config.json, .threadsiftrc.json or package.json "threadsift")')
    .option('-m, --model <file>', 'add the probability of a model trained with `threadsift train` as a signal');
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], given?: CliIO): Promise<number> {
  const io = given ?? (await processIO(argv));
  let code = 0;
  const program = new Command('threadsift')
    .description('Find bot-generated replies in comment sections: near-duplicates, boilerplate, echo replies, off-article agendas — with the evidence for every flag.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError()
    .addHelpText('after', '\nscan is the default command: "threadsift FILE..." scans. "threadsift scan --help" lists its options.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`threadsift: ${stripControls(s.replace(/^error: /, '').trimEnd())} (threadsift --help for usage)\n`),
    });
  const debug = argv.includes('--debug');
  const guard = async (fn: () => number | Promise<number>) => {
    try {
      code = await fn();
    } catch (err) {
      if (isKnownError(err)) {
        io.stderr(`threadsift: ${stripControls(formatKnownError(err))}\n`);
        code = 2;
      } else throw err;
    }
  };
  addScanOptions(
    program
      .command('scan', { isDefault: true })
      .description('analyse threads and report likely bot replies (the default command)')
      .argument('[inputs...]', 'files, directories, globs, or - for stdin'),
  ).action((inputs: string[], opts: ScanOptions) => guard(() => runScan(inputs, opts, io)));
  addInputOptions(
    program
      .command('parse')
      .description('print the threads as the parser read them, as JSON')
      .argument('[inputs...]', 'files, directories, globs, or - for stdin'),
  ).action((inputs: string[], opts: ScanOptions) => guard(() => runParse(inputs, opts, io)));
  addInputOptions(
    program
      .command('clusters')
      .description('find comments repeated (nearly) verbatim across threads, at archive scale (MinHash-LSH, verified)')
      .argument('[inputs...]', 'files, directories, globs, or - for stdin'),
  )
    .addOption(new Option('-f, --format <name>', 'terminal or json').choices(['terminal', 'json']).default('terminal'))
    .option('--similarity <jaccard>', 'word-set Jaccard similarity that links two comments (default 0.8)', unitInterval('--similarity'))
    .option('--min-words <n>', 'comments with fewer distinct words are not compared (default 5)', wholeNumber)
    .option('--workers <n>', 'worker threads that compute signatures (default 0; one helped only on very large archives here)', wholeNumber)
    .option('-v, --verbose', 'list every cluster')
    .option('-c, --config <file>', 'configuration file')
    .option('--no-color', 'never colour the output')
    .action((inputs: string[], opts: ScanOptions & { similarity?: number; minWords?: number; workers?: number }) => guard(() => runClusters(inputs, opts, io)));
  addInputOptions(
    program
      .command('eval')
      .description('measure accuracy on labelled inputs: precision, recall, F1, AUROC, confusion matrix, ablation, length baseline')
      .argument('[inputs...]', 'labelled files, directories, globs, or - for stdin'),
  )
    .addOption(new Option('-f, --format <name>', 'terminal or json').choices(['terminal', 'json']).default('terminal'))
    .option('-t, --threshold <score>', 'flag comments scoring at least this (0..1)', unitInterval('--threshold'))
    .option('-c, --config <file>', 'configuration file')
    .option('-m, --model <file>', 'include a trained model as a signal')
    .option('--no-ablation', 'skip the per-signal ablation (one extra analysis per signal)')
    .option('--no-color', 'never colour the output')
    .action((inputs: string[], opts: ScanOptions) => guard(() => runEval(inputs, opts, io)));
  addInputOptions(
    program
      .command('train')
      .description('fit a small logistic-regression model on labelled inputs; writes versioned model JSON')
      .argument('[inputs...]', 'labelled files, directories, globs, or - for stdin'),
  )
    .option('-c, --config <file>', 'configuration file (which signals feed the model)')
    .action((inputs: string[], opts: ScanOptions) => guard(() => runTrain(inputs, opts, io)));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    const e = err as Error;
    io.stderr(debug ? `${e.stack ?? String(e)}\n` : `threadsift: internal error: ${stripControls(e.message)} (this is a bug; rerun with --debug for the stack)\n`);
    return 2;
  }
}
