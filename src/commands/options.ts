/** Options the commands share, their value parsers, and the parse options they imply. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_THRESHOLD } from '../config.js';
import { formatNames } from '../parsers/index.js';
import type { ParseOptions } from '../parsers/types.js';
import { reporterNames } from '../reporters/index.js';

/** Options of the commands that read inputs (each command uses its own subset). */
export interface InputOptions {
  output?: string;
  inputFormat?: string;
  debug?: boolean;
  csvText?: string;
  csvId?: string;
  csvAuthor?: string;
  csvParent?: string;
  csvDate?: string;
  csvThread?: string;
  csvLabel?: string;
  config?: string;
  color?: boolean;
  verbose?: boolean;
}

/** Options of `scan` (and of `eval`, which shares the threshold, model and format). */
export interface ScanOptions extends InputOptions {
  /** -f; absent: from the -o file's extension, else terminal (see format-choice.ts). */
  format?: string;
  csvRaw?: boolean;
  threshold?: number;
  maxFlagged?: number;
  maxBotShare?: number;
  quiet?: boolean;
  model?: string;
  ablation?: boolean;
  /** jsonl: each comment line carries the comment's full text. */
  includeText?: boolean;
  /** Worker threads that analyse threads (0: none). */
  workers?: number;
}

/** A command-line value that must be a number from 0 to 1. */
export const unitInterval = (name: string) => (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`${name} must be a number from 0 to 1.`);
  return n;
};

/** A command-line value that must be a whole number ≥ 0. */
export const wholeNumber = (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('must be a whole number ≥ 0.');
  return n;
};

/** The parser settings the --csv-* options give. */
export function csvOptions(opts: InputOptions): ParseOptions {
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

/** A command that reads inputs, with the options every such command shares. */
export function inputCommand(name: string, description: string, inputs = 'files, directories, globs, or - for stdin'): Command {
  return new Command(name)
    .description(description)
    .argument('[inputs...]', inputs)
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

/** The help of -f for a command writing these formats: -o's extension decides when -f is not given. */
export const formatHelp = 'report format (default: the one the -o file\'s extension names, .json .jsonl .md .csv .html; else terminal)';

/** The report options of `scan`. */
export function addReportOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <name>', formatHelp).choices(reporterNames()))
    .option('-t, --threshold <score>', `flag comments scoring at least this (0..1; default ${DEFAULT_THRESHOLD})`, unitInterval('--threshold'))
    .option('--max-flagged <n>', 'exit 1 when more than n comments are flagged', wholeNumber)
    .option('--max-bot-share <ratio>', "exit 1 when any thread's flagged share exceeds ratio (0..1)", unitInterval('--max-bot-share'))
    .option('-v, --verbose', 'show every comment and every reason')
    .option('-q, --quiet', 'show only threads with flagged comments, and only their flagged comments')
    .option('--csv-raw', 'CSV report: write cells as the data has them, without the apostrophe that keeps spreadsheets from running =, +, -, @ as formulas')
    .option('--no-color', 'never colour the output')
    .option('-c, --config <file>', 'configuration file (default: nearest threadsift.config.json, .threadsiftrc.json or package.json "threadsift")')
    .option('-m, --model <file>', 'add the probability of a model trained with `threadsift train` as a signal');
}

/** Runs a command's action: its known errors become one line and exit 2, its result the exit code. */
export type Run = (action: () => number | Promise<number>) => Promise<void>;

/** Examples for the end of a --help: `[command line, what it does]`. */
export function examplesHelp(examples: ReadonlyArray<readonly [string, string]>): string {
  return `\nExamples:\n${examples.map(([line, what]) => `  $ ${line}\n      ${what}`).join('\n')}\n`;
}

/** A command whose --help ends with two or more examples. */
export const withExamples = (cmd: Command, examples: ReadonlyArray<readonly [string, string]>): Command => cmd.addHelpText('after', examplesHelp(examples));
