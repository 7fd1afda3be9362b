/** `threadsift train`: fit a small logistic-regression model on labelled inputs; writes versioned model JSON. */
import type { Command } from 'commander';
import { loadConfig } from '../config-file.js';
import { readAllThreads } from '../input-threads.js';
import { trainModel } from '../model/model.js';
import { emitReport } from '../output.js';
import type { CliIO } from './io.js';
import { requireLabels } from './labelled.js';
import { csvOptions, inputCommand, type InputOptions, type Run } from './options.js';

export function runTrain(args: string[], opts: InputOptions, io: CliIO): number {
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
  return inputCommand('train', 'fit a small logistic-regression model on labelled inputs; writes versioned model JSON', 'labelled files, directories, globs, or - for stdin')
    .option('-c, --config <file>', 'configuration file (which signals feed the model)')
    .action((inputs: string[], opts: InputOptions) => run(() => runTrain(inputs, opts, io)));
}
