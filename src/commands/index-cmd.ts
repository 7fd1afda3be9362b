/** `threadsift index stats|prune|export FILE`: inspect and manage an index made with `scan --index`. */
import { Argument, Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { emitReport } from '../output.js';
import { exportRows, indexStats, pruneIndex, type IndexStats } from '../seen/maintain.js';
import { waitSeconds } from '../seen/sqlite.js';
import { IndexStore } from '../seen/store.js';
import { stripControls } from '../text/sanitize.js';
import { reportFormat } from './format-choice.js';
import type { CliIO } from './io.js';
import { withExamples, type Run } from './options.js';

export interface IndexCommandOptions {
  before?: string;
  /** stats: -f; absent: json when -o names a .json file, else terminal. */
  format?: string;
  output?: string;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The stats as a few lines for a terminal. */
function statsText(s: IndexStats): string {
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '-');
  return [
    `${stripControls(s.file)}: ${s.comments} comments in ${s.threads} threads from ${s.runs} runs, ${megabytes(s.bytes)} on disk`,
    `  first seen ${day(s.firstSeen)} to ${day(s.lastSeen)}; ${s.flagged} flagged by the runs that stored them`,
    `  ${s.sketched} with a sketch (distinct texts), ${s.copies} copies of a stored text, ${s.short} under ${s.settings.minWords} words (not compared)`,
    `  similarity ${s.settings.threshold}; ${s.settings.bands} bands × ${s.settings.rows} rows of ${s.settings.numPerm} MinHash values; ${s.bandKeys.main + s.bandKeys.recent} band keys (${s.bandKeys.recent} not yet merged)`,
    `  texts stored: ${s.withText === 0 ? 'none' : `${s.withText} (--index-texts)`}`,
    '',
  ].join('\n');
}

/** An ISO 8601 date, or date and time, with an optional offset: the only forms `--before` takes. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The date `--before` gives, in ms. Prune deletes, so a date is taken only as written: ISO 8601, a day
 * that exists (no 2026-02-30 rolled over into March), and UTC when no offset is given. Date.parse alone
 * would read "1" as 2001 and "March 5" as 2001-03-05.
 */
export function parseBefore(before: string | undefined): number {
  if (!before) throw new UsageError('index prune needs --before DATE', 'e.g. --before 2026-01-01: comments first seen before it are forgotten');
  const m = ISO_DATE.exec(before);
  const notDate = () => new UsageError(`--before ${JSON.stringify(before)} is not a date`, 'give an ISO 8601 date, e.g. 2026-01-01 or 2026-01-01T12:00:00Z');
  if (!m) throw notDate();
  const [, year, month, day, hour = '00', minute = '00', second = '00', offset] = m;
  const ms = Date.parse(`${before}${m[4] === undefined ? 'T00:00:00Z' : offset === undefined ? 'Z' : ''}`);
  // The day and time as written must survive the round trip (Date.parse rolls 02-30 over into March).
  const wall = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)));
  const asWritten = wall.getUTCFullYear() === Number(year) && wall.getUTCMonth() === Number(month) - 1 && wall.getUTCDate() === Number(day) && wall.getUTCHours() === Number(hour) && wall.getUTCMinutes() === Number(minute) && wall.getUTCSeconds() === Number(second);
  if (!Number.isFinite(ms) || !asWritten) throw notDate();
  return ms;
}

export function runIndex(action: string, file: string, opts: IndexCommandOptions, io: CliIO): number {
  const wait = waitSeconds(io.env);
  if (action === 'prune') {
    const before = parseBefore(opts.before);
    const store = IndexStore.existing(file, wait, false);
    try {
      const pruned = pruneIndex(store, before);
      const left = indexStats(store);
      io.stderr(`threadsift: forgot ${pruned.comments} comments (${pruned.threads} threads, ${pruned.runs} runs) first seen before ${new Date(before).toISOString()}; ${left.comments} left, ${megabytes(left.bytes)}\n`);
    } finally {
      store.close();
    }
    return 0;
  }
  if (opts.before !== undefined) throw new UsageError('--before is an option of index prune only');
  const store = IndexStore.existing(file, wait, true);
  try {
    if (action === 'stats') {
      const stats = indexStats(store);
      emitReport(reportFormat(opts, ['terminal', 'json'], 'index stats') === 'json' ? `${JSON.stringify(stats, null, 2)}\n` : statsText(stats), opts.output, io);
    } else {
      emitReport(
        (function* () {
          for (const row of exportRows(store)) yield `${JSON.stringify(row)}\n`;
        })(),
        opts.output,
        io,
      );
    }
  } finally {
    store.close();
  }
  return 0;
}

/** The index command with its options; `run` wraps the action (errors to one line, the exit code kept). */
export function indexCommand(io: CliIO, run: Run): Command {
  const cmd = new Command('index').description('inspect and manage an index made with scan --index: stats, prune --before DATE, export (JSON lines)');
  return withExamples(cmd, [
    ['threadsift index stats seen.db', 'how many comments, threads and runs the index holds, its dates and its size on disk'],
    ['threadsift index prune seen.db --before 2026-01-01', 'forget the comments first seen before 2026, and the threads and runs left empty'],
    ['threadsift index export seen.db -o seen.jsonl', 'every stored comment as one JSON line: where and when it was seen, its verdict'],
  ])
    .addArgument(new Argument('<action>', 'stats, prune or export').choices(['stats', 'prune', 'export']))
    .argument('<file>', 'the index file')
    .option('--before <date>', 'prune: forget comments first seen before this date (ISO 8601)')
    .addOption(new Option('-f, --format <name>', 'stats: terminal or json (default: json when -o names a .json file, else terminal)').choices(['terminal', 'json']))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((action: string, file: string, opts: IndexCommandOptions) => run(() => runIndex(action, file, opts, io)));
}
