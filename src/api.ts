/**
 * The library: what `import … from 'threadsift'` gives (package.json `exports`). The command line runs on
 * the same functions: `threadsift scan` is scanFiles plus a reporter, gates and exit codes.
 *
 * ```ts
 * import { scanFiles, formatReport } from 'threadsift';
 * const report = await scanFiles(['dumps/'], { threshold: 0.6 });
 * console.log(report.summary.flagged, formatReport(report, 'markdown'));
 * ```
 *
 * Everything here is the stable surface; deeper modules of dist/ are not, and `exports` keeps them out
 * of reach. Errors a user can fix (a bad configuration, an unknown format, an unreadable model file) are
 * thrown as the error classes exported below; inputs that cannot be read do not throw: they are listed in
 * the report's `errors`, and the other inputs are still read, as the command line does.
 */
import { analyze as analyzeThreads, analyzeThread as analyzeOne, buildReport } from './analyze.js';
import { defaultConfig, resolveConfig as resolveUserConfig, type Config } from './config.js';
import { scanEachThread, scanWithCorpus } from './commands/scan-inputs.js';
import { ThreadAnalysis } from './pool/thread-analysis.js';
import { stripControls } from './text/sanitize.js';
import { loadConfig as loadConfigFile, readUserJson } from './config-file.js';
import { UsageError } from './errors.js';
import type { InputIO } from './input-threads.js';
import { loadModel } from './model/load.js';
import { parseInput } from './parsers/index.js';
import type { ParseOptions } from './parsers/types.js';
import { REPORTERS, reporterNames } from './reporters/index.js';
import type { ReporterOptions } from './reporters/types.js';
import { corpusPassSettings, giveModel } from './run-needs.js';
import type { InputProblem, Report, Thread, ThreadReport } from './types.js';

export type { Config, Gates, SignalSettings } from './config.js';
export type { ReporterOptions } from './reporters/types.js';
export type {
  AgendaTerm,
  Cluster,
  Comment,
  CrossThreadCluster,
  InputProblem,
  ModerationMark,
  Reason,
  Report,
  RunSummary,
  ScoredComment,
  SignalInfo,
  Thread,
  ThreadReport,
  ThreadSummary,
  VerdictCode,
} from './types.js';
export { ConfigError, InputError, isKnownError, OutputError, UsageError } from './errors.js';
export { formatNames as inputFormats } from './parsers/index.js';
export { defaultConfig } from './config.js';
export { VERSION } from './version.js';

/** Columns of a CSV input, by header name, where the headers are not ones threadsift recognises. */
export type CsvColumns = NonNullable<ParseOptions['csv']>;

/** How scanFiles reads its inputs and which configuration it applies. */
export interface ScanFilesOptions {
  /**
   * The configuration: a Config (defaultConfig(), loadConfig(), resolveConfig()), or the path of a
   * configuration file. Default: the file found from `cwd` upwards, as the command line finds it
   * (threadsift.config.json, .threadsiftrc.json, package.json "threadsift"), else the defaults.
   */
  config?: Config | string;
  /** Where relative paths and the configuration search start. Default: process.cwd(). */
  cwd?: string;
  /** Read every input as this format (inputFormats() lists them) instead of detecting it. */
  inputFormat?: string;
  /** Columns of CSV inputs. */
  csv?: CsvColumns;
  /** Flag comments scoring at least this (0..1); overrides the configuration's threshold. */
  threshold?: number;
  /** Path of a model trained with `threadsift train`, added as a signal (as --model does). */
  model?: string;
  /** What the path "-" reads. Default: all of process.stdin. */
  stdin?: string | Uint8Array | (() => Uint8Array);
  /**
   * Warnings and input errors, each one line ending in a newline (what the command line prints on
   * stderr). Default: dropped; input errors are in the report's `errors` either way.
   */
  onMessage?: (line: string) => void;
  /** Show a progress bar through onMessage (for a terminal). Default: false. */
  progress?: boolean;
  /** Environment read for tuning (THREADSIFT_KEEP_CHARS) and CI detection. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/** Every byte of process.stdin, read asynchronously (a pipe may be non-blocking). */
async function readProcessStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What "-" reads, made once: stdin can be read only once, and a run may read its inputs twice. */
async function stdinReader(paths: string[], given: ScanFilesOptions['stdin']): Promise<() => Buffer> {
  if (typeof given === 'function') {
    let bytes: Buffer | undefined;
    return () => (bytes ??= Buffer.from(given()));
  }
  const bytes = given !== undefined ? Buffer.from(given) : paths.includes('-') ? await readProcessStdin() : Buffer.alloc(0);
  return () => bytes;
}

/** The configuration a scan applies: as given, or found from `cwd`; then the threshold and model. */
function scanConfig(options: ScanFilesOptions, cwd: string): Config {
  const given = options.config;
  // A given configuration is copied (resolving nothing over it) when this scan changes it: it is the caller's.
  const changes = options.threshold !== undefined || options.model !== undefined;
  const config = typeof given === 'object' ? (changes ? resolveUserConfig({}, 'configuration', given) : given) : loadConfigFile(given, cwd).config;
  if (options.threshold !== undefined) {
    if (!(options.threshold >= 0 && options.threshold <= 1)) throw new UsageError(`threshold must be a number from 0 to 1, got ${options.threshold}`);
    config.threshold = options.threshold;
  }
  if (options.model !== undefined) giveModel(config, loadModel(readUserJson(options.model), options.model));
  return config;
}

/**
 * Read, parse and analyse files, directories and globs ("-" is stdin) into one report, exactly as
 * `threadsift scan` does: the same format detection, the same run-wide pass for comments repeated across
 * threads, and an unreadable input listed in `report.errors` while the others are still read.
 */
export async function scanFiles(paths: string[], options: ScanFilesOptions = {}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const config = scanConfig(options, cwd);
  const io: InputIO = {
    stderr: options.onMessage ?? (() => undefined),
    readStdin: await stdinReader(paths, options.stdin),
    stderrIsTTY: options.progress ?? false,
    env: options.env ?? process.env,
    cwd,
  };
  const parseOptions: ParseOptions = options.csv ? { csv: options.csv } : {};
  const select = { inputFormat: options.inputFormat };
  const reports: ThreadReport[] = [];
  const failed: InputProblem[] = [];
  // The scan's own analysis, on this thread: a library call starts no workers.
  const analysis = new ThreadAnalysis({ settings: { config }, workers: 0, worker: { source: { cwd, overrides: {} } } }, (outcome) => {
    if ('problem' in outcome) {
      failed.push(outcome.problem);
      io.stderr(`threadsift: ${stripControls(outcome.problem.message)}\n`);
    } else if ('report' in outcome) reports.push(outcome.report);
  });
  const corpus = corpusPassSettings(config);
  const { problems, clusters } = corpus
    ? await scanWithCorpus(paths, select, parseOptions, io, analysis, corpus)
    : scanEachThread(paths, select, parseOptions, io, analysis);
  return buildReport(reports, config, [...problems, ...failed], clusters);
}

/**
 * Analyse threads already in memory (from parseThreads, or built by hand) into one report. Comments
 * repeated across these threads are not looked for: that run-wide pass belongs to scanFiles.
 */
export function analyze(threads: Thread[], config: Config = defaultConfig(), errors: InputProblem[] = []): Report {
  return analyzeThreads(threads, config, errors);
}

/** Analyse one thread: its scored comments, clusters and verdict (a part of a Report). */
export function analyzeThread(thread: Thread, config: Config = defaultConfig()): ThreadReport {
  return analyzeOne(thread, config);
}

/** Where loadConfig looks. */
export interface LoadConfigOptions {
  /** A configuration file to read, instead of searching for one. */
  file?: string;
  /** Where the search starts, and what relative phrase files are resolved against. Default: process.cwd(). */
  cwd?: string;
}

/**
 * The configuration the command line would use: `file`, else the nearest threadsift.config.json,
 * .threadsiftrc.json or package.json "threadsift" key from `cwd` upwards, else the defaults; validated,
 * with its phrase files read. Throws ConfigError naming the file and key path of a bad value.
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  return loadConfigFile(options.file, options.cwd ?? process.cwd()).config;
}

/**
 * A configuration from an object shaped like a configuration file ({threshold, signals, gates, ...}),
 * validated and merged over the defaults. `origin` names it in errors. Phrase files are not read here.
 */
export function resolveConfig(data: unknown, origin = 'configuration'): Config {
  return resolveUserConfig(data, origin);
}

/** Options of parseThreads. */
export interface ParseThreadsOptions {
  /** The input format (inputFormats() lists them). Default: detected from `source`'s extension and the content. */
  format?: string;
  /** Columns of a CSV input. */
  csv?: CsvColumns;
}

/**
 * The threads of one export, as the command line reads a file (`source` names it in errors and in the
 * report, and its extension helps detect the format). Throws InputError when the text is not a thread
 * export; with `problems`, the records that could not be read while the rest were (JSONL lines).
 */
export function parseThreads(content: string | Uint8Array, source = '-', options: ParseThreadsOptions = {}): { threads: Thread[]; warnings: string[]; problems: InputProblem[] } {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const out = parseInput(bytes, source, options.format, options.csv ? { csv: options.csv } : {});
  return { threads: out.threads, warnings: out.warnings, problems: (out.problems ?? []).map((e) => ({ source: e.source, message: e.message })) };
}

/**
 * The report formats formatReport writes: terminal, json, markdown, csv, github, html. (jsonl is written
 * thread by thread while the command line scans, not made from a finished report.)
 */
export const reportFormats = (): string[] => reporterNames().filter((name) => 'reporter' in REPORTERS[name]!);

/**
 * A report as text in one of reportFormats(), as the command line writes it (the defaults: no colour,
 * top reasons only, every comment).
 */
export function formatReport(report: Report, format: string, options: Partial<ReporterOptions> = {}): string {
  const found = REPORTERS[format];
  if (!found || !('reporter' in found)) throw new UsageError(`formatReport cannot write "${format}"`, `formats: ${reportFormats().join(', ')}`);
  const text = found.reporter(report, { color: false, verbose: false, quiet: false, ...options });
  return typeof text === 'string' ? text : [...text].join('');
}
