/** `threadsift eval`: accuracy on labelled inputs (precision, recall, F1, AUROC, ablation, length baseline). */
import { Option, type Command } from 'commander';
import { loadConfig } from '../config-file.js';
import { UsageError } from '../errors.js';
import { evaluate } from '../eval/evaluate.js';
import { formatEval } from '../eval/format.js';
import { readAllThreads } from '../input-threads.js';
import { emitReport } from '../output.js';
import { useColor, type CliIO } from './io.js';
import { requireLabels } from './labelled.js';
import { reportFormat } from './format-choice.js';
import { csvOptions, inputCommand, unitInterval, withExamples, type ScanOptions, type Run } from './options.js';
import { applyOverrides } from './scan-config.js';

/** The formats eval writes. */
const EVAL_FORMATS = ['terminal', 'json'] as const;

export function runEval(args: string[], opts: ScanOptions, io: CliIO): number {
  const format = reportFormat(opts, EVAL_FORMATS, 'eval');
  if (format !== 'terminal' && format !== 'json') throw new UsageError(`eval prints terminal or json, not ${format}`);
  const { config } = loadConfig(opts.config, io.cwd);
  applyOverrides(config, opts, io);
  const { threads, problems } = readAllThreads(args, opts, csvOptions(opts), io);
  if (threads.length) {
    requireLabels(threads, 'eval');
    const result = evaluate(threads, config, { ablation: opts.ablation !== false });
    emitReport(formatEval(result, format, { color: useColor(opts, io) }), opts.output, io);
  }
  return problems.length ? 2 : 0;
}

export function evalCommand(io: CliIO, run: Run): Command {
  const cmd = inputCommand('eval', 'measure accuracy on labelled inputs: precision, recall, F1, AUROC, confusion matrix, ablation, length baseline', 'labelled files, directories, globs, or - for stdin');
  return withExamples(cmd, [
    ['threadsift eval labelled.csv --csv-label is_bot', 'precision, recall and F1 at the threshold, AUROC, and what each signal adds (ablation)'],
    ['threadsift eval labelled/ -t 0.6 -m model.json -o eval.json', 'the same at threshold 0.6 with a trained model as a signal, as JSON'],
  ])
    .addOption(new Option('-f, --format <name>', 'terminal or json (default: json when -o names a .json file, else terminal)').choices([...EVAL_FORMATS]))
    .option('-t, --threshold <score>', 'flag comments scoring at least this (0..1)', unitInterval('--threshold'))
    .option('-c, --config <file>', 'configuration file')
    .option('-m, --model <file>', 'include a trained model as a signal')
    .option('--no-ablation', 'skip the per-signal ablation (one extra analysis per signal)')
    .option('--no-color', 'never colour the output')
    .action((inputs: string[], opts: ScanOptions) => run(() => runEval(inputs, opts, io)));
}
