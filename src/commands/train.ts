/** `threadsift train`: fit a small logistic-regression model on labelled inputs; writes versioned model JSON. */
import type { Command } from 'commander';
import { loadConfig } from '../config-file.js';
import { readAllThreads } from '../input-threads.js';
import { trainModel } from '../model/model.js';
import { UsageError } from '../errors.js';
import { emitReport, toStdout } from '../output.js';
import type { CliIO } from './io.js';
import { requireLabels } from './labelled.js';
import { csvOptions, inputCommand, withExamples, type InputOptions, type Run } from './options.js';

export function runTrain(args: string[], opts: InputOptions, io: CliIO): number {
  // A model is tens of kilobytes of JSON for a file, not for reading: refused before any work is done.
  if (toStdout(opts.output) && io.stdoutIsTTY) {
    throw new UsageError('train writes a model file, and stdout is a terminal', 'give the file with -o model.json (or redirect stdout), then scan with --model model.json');
  }
  const { config } = loadConfig(opts.config, io.cwd);
  const { threads, problems } = readAllThreads(args, opts, csvOptions(opts), io);
  if (problems.length) return 2;
  requireLabels(threads, 'train');
  const model = trainModel(threads, config);
  emitReport(`${JSON.stringify(model)}\n`, opts.output, io);
  const cv = model.training.crossValidated;
  io.stderr(
    `threadsift: trained on ${model.trainedOn.labelled} labelled comments (${model.trainedOn.positives} bot), ${model.features.length} features${cv ? `; cross-validated F1 ${cv.f1.toFixed(3)}, AUROC ${cv.auroc === null ? 'n/a' : cv.auroc.toFixed(3)}` : ''}${opts.output ? `; written to ${opts.output}` : ''}\n`,
  );
  return 0;
}

export function trainCommand(io: CliIO, run: Run): Command {
  const cmd = inputCommand('train', 'fit a small logistic-regression model on labelled inputs; writes versioned model JSON', 'labelled files, directories, globs, or - for stdin');
  return withExamples(cmd, [
    ['threadsift train labelled.csv --csv-label is_bot -o model.json', 'fit a model on labelled comments; stderr gives its cross-validated F1 and AUROC'],
    ['threadsift scan new-thread.txt -m model.json', 'then use it: its probability becomes one more signal of the scan'],
  ])
    .option('-c, --config <file>', 'configuration file (which signals feed the model)')
    .action((inputs: string[], opts: InputOptions) => run(() => runTrain(inputs, opts, io)));
}
