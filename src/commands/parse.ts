/** `threadsift parse`: the threads as the parsers read them, as JSON (to check what an export holds). */
import type { Command } from 'commander';
import { readAllThreads } from '../input-threads.js';
import { emitReport } from '../output.js';
import { escapeInvisible } from '../text/sanitize.js';
import type { CliIO } from './io.js';
import { csvOptions, inputCommand, withExamples, type InputOptions, type Run } from './options.js';

export function runParse(args: string[], opts: InputOptions, io: CliIO): number {
  const { threads, problems } = readAllThreads(args, opts, csvOptions(opts), io);
  emitReport(`${escapeInvisible(JSON.stringify({ threads }, null, 2))}\n`, opts.output, io, threads.length > 0 || problems.length === 0);
  return problems.length ? 2 : 0;
}

export function parseCommand(io: CliIO, run: Run): Command {
  return withExamples(inputCommand('parse', 'print the threads as the parser read them, as JSON'), [
    ['threadsift parse export.xml', 'the threads of a Disqus or WordPress export as threadsift JSON: titles, comments, authors, parents'],
    ['threadsift parse comments.csv --csv-text body --csv-thread url -o threads.json', 'check which CSV columns were read, and keep the result to scan later'],
  ]).action((inputs: string[], opts: InputOptions) => run(() => runParse(inputs, opts, io)));
}
