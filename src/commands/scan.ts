/** `threadsift scan` (the default command): analyse threads and report likely bot replies. */
import type { Command } from 'commander';
import { buildReport } from '../analyze.js';
import type { Config } from '../config.js';
import { loadConfig, readUserJson } from '../config-file.js';
import { UsageError } from '../errors.js';
import { loadModel } from '../model/model.js';
import { emitReport } from '../output.js';
import { REPORTERS, reporterNames } from '../reporters/index.js';
import { corpusPassSettings, giveModel, modelMissing } from '../run-needs.js';
import { stripControls } from '../text/sanitize.js';
import type { Report } from '../types.js';
import { useColor, type CliIO } from './io.js';
import { addReportOptions, csvOptions, inputCommand, type ScanOptions, type Run } from './options.js';
import { addIndexOptions, openScanIndex, type IndexOptions } from './scan-index.js';
import { scanEachThread, scanWithCorpus, type ScannedInputs } from './scan-inputs.js';

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
export async function runScan(args: string[], opts: ScanOptions & IndexOptions, io: CliIO): Promise<number> {
  const format = REPORTERS[opts.format];
  if (!format) throw new UsageError(`unknown report format "${opts.format}"`, `formats: ${reporterNames().join(', ')}`);
  const { config } = loadConfig(opts.config, io.cwd);
  applyOverrides(config, opts, io);
  // stdin can be read once; the second pass re-reads files but must reuse what stdin gave.
  let stdin: Buffer | undefined;
  const once: CliIO = { ...io, readStdin: () => (stdin ??= io.readStdin()) };
  const corpus = corpusPassSettings(config);
  const index = openScanIndex(opts, config, io);
  let scanned: ScannedInputs;
  try {
    scanned = corpus ? await scanWithCorpus(args, opts, csvOptions(opts), once, config, corpus, index) : scanEachThread(args, opts, csvOptions(opts), once, config, index);
  } catch (err) {
    index?.abandon();
    throw err;
  }
  index?.close();
  const { reports, problems, clusters } = scanned;
  const report = buildReport(reports, config, problems, clusters);
  const text = format.reporter(report, {
    color: useColor(opts, io),
    verbose: Boolean(opts.verbose),
    quiet: Boolean(opts.quiet),
  });
  emitReport(text, opts.output, io, reports.length > 0 || problems.length === 0);
  const gates = checkGates(report, config);
  for (const g of gates) io.stderr(`threadsift: gate failed: ${stripControls(g)}\n`);
  if (problems.length) return 2;
  return gates.length ? 1 : 0;
}

/** The scan command with its options; `run` wraps the action (errors to one line, the exit code kept). */
export function scanCommand(io: CliIO, run: Run): Command {
  return addIndexOptions(addReportOptions(inputCommand('scan', 'analyse threads and report likely bot replies (the default command)'))).action((inputs: string[], opts: ScanOptions & IndexOptions) =>
    run(() => runScan(inputs, opts, io)),
  );
}
