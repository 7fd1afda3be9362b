/** `threadsift scan` (the default command): analyse threads and report likely bot replies. */
import type { Command } from 'commander';
import { scanFiles } from '../api.js';
import type { Config } from '../config.js';
import { loadConfig, readUserJson } from '../config-file.js';
import { UsageError } from '../errors.js';
import { loadModel } from '../model/model.js';
import { emitReport } from '../output.js';
import { REPORTERS, reporterNames } from '../reporters/index.js';
import { giveModel, modelMissing } from '../run-needs.js';
import { stripControls } from '../text/sanitize.js';
import type { Report } from '../types.js';
import { useColor, type CliIO } from './io.js';
import { reportFormat } from './format-choice.js';
import { addReportOptions, csvOptions, inputCommand, withExamples, type ScanOptions, type Run } from './options.js';

/** The command-line settings that override the configuration: a model, the threshold, the gates. */
export function applyOverrides(config: Config, opts: ScanOptions, io: CliIO): Config {
  if (opts.model) giveModel(config, loadModel(readUserJson(opts.model), opts.model));
  if (modelMissing(config)) {
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

/** Scan the inputs; resolves to the exit code (0 clean or flagged within gates, 1 a gate failed, 2 an input failed). */
export async function runScan(args: string[], opts: ScanOptions, io: CliIO): Promise<number> {
  const name = reportFormat(opts, reporterNames(), 'scan');
  const format = REPORTERS[name];
  if (!format) throw new UsageError(`unknown report format "${name}"`, `formats: ${reporterNames().join(', ')}`);
  const { config } = loadConfig(opts.config, io.cwd);
  applyOverrides(config, opts, io);
  // The library's scan (src/api.ts), with this process's stdin, stderr and terminal.
  const report = await scanFiles(args, {
    config,
    cwd: io.cwd,
    env: io.env,
    inputFormat: opts.inputFormat,
    ...csvOptions(opts),
    stdin: io.readStdin,
    onMessage: io.stderr,
    progress: io.stderrIsTTY,
  });
  const text = format.reporter(report, {
    color: useColor(opts, io),
    verbose: Boolean(opts.verbose),
    quiet: Boolean(opts.quiet),
    csvRaw: Boolean(opts.csvRaw),
  });
  emitReport(text, opts.output, io, report.threads.length > 0 || report.errors.length === 0);
  const gates = checkGates(report, config);
  for (const g of gates) io.stderr(`threadsift: gate failed: ${stripControls(g)}\n`);
  if (report.errors.length) return 2;
  return gates.length ? 1 : 0;
}

/** The scan command with its options; `run` wraps the action (errors to one line, the exit code kept). */
export function scanCommand(io: CliIO, run: Run): Command {
  const cmd = addReportOptions(inputCommand('scan', 'analyse threads and report likely bot replies (the default command)'));
  return withExamples(cmd, [
    ['threadsift article.txt', 'the flagged comments of one thread dump, worst first, with their reasons'],
    ['threadsift scan exports/ -o report.html', 'every export under exports/ as one HTML report (the extension picks the format)'],
    ['threadsift comments.csv --csv-text body -f github --max-bot-share 0.3', 'annotations for a CI job, failing it (exit 1) when a thread is over 30% bot replies'],
  ]).action((inputs: string[], opts: ScanOptions) => run(() => runScan(inputs, opts, io)));
}
