/**
 * `threadsift sketch <inputs> -o DIR`: every comment's MinHash-LSH sketch as Parquet, to cluster an archive
 * too large for one machine in a SQL engine (DuckDB: `threadsift clusters --sketches`; Spark: see
 * docs/distributed.md).
 */
import type { Command } from 'commander';
import { loadConfig } from '../config-file.js';
import { threadKeys } from '../cross-thread-pass.js';
import { UsageError } from '../errors.js';
import { forEachThread } from '../input-threads.js';
import { corpusDefaults } from '../run-needs.js';
import { sketchSettings } from '../corpus/sketch-settings.js';
import { emitReport } from '../output.js';
import { clustersJson, clustersTerminal } from '../reporters/clusters.js';
import { clustersFromSketches } from '../sketch/clusters.js';
import { duckdb } from '../sketch/duckdb.js';
import { SketchWriter } from '../sketch/write.js';
import { stripControls } from '../text/sanitize.js';
import { useColor, type CliIO } from './io.js';
import { csvOptions, inputCommand, unitInterval, wholeNumber, withExamples, type InputOptions, type Run } from './options.js';

export interface SketchOptions extends InputOptions {
  similarity?: number;
  minWords?: number;
}

export async function runSketch(args: string[], opts: SketchOptions, io: CliIO): Promise<number> {
  if (!opts.output || opts.output === '-') throw new UsageError('sketch writes Parquet files into a folder: give it with -o DIR');
  // Before any input is read: without DuckDB nothing can be written.
  duckdb('threadsift sketch');
  const { config } = loadConfig(opts.config, io.cwd);
  const defaults = corpusDefaults(config);
  const settings = sketchSettings({ threshold: opts.similarity ?? defaults.threshold, minWords: opts.minWords ?? defaults.minWords });
  const writer = new SketchWriter(opts.output, SketchWriter.nameFor(args, io.cwd), settings);
  const keyOf = threadKeys();
  let problems;
  try {
    problems = forEachThread(args, opts, csvOptions(opts), io, (thread) => writer.add(keyOf(thread), thread));
  } catch (err) {
    writer.abandon();
    throw err;
  }
  if (problems.length && writer.threadsRead === 0) {
    // As for a report (src/output.ts): when no input could be read, the previous files are left as they were.
    writer.abandon();
    io.stderr(`threadsift: no input could be read: nothing written, the sketch files in ${stripControls(opts.output)} are as they were\n`);
    return 2;
  }
  const { files, comments, threads } = await writer.finish();
  for (const f of files) io.stdout(`${stripControls(f)}\n`);
  io.stderr(`threadsift: sketched ${comments} comments of ${threads} threads into ${files.length} Parquet file(s), ${(SketchWriter.bytes(files) / 1e6).toFixed(1)} MB\n`);
  return problems.length ? 2 : 0;
}

/** `clusters --sketches GLOB`: the clusters of sketch files, reported as `clusters` reports them. */
export async function runSketchClusters(args: string[], opts: { sketches?: string; similarity?: number; minWords?: number; workers?: number; format: string; output?: string; color?: boolean; verbose?: boolean }, io: CliIO): Promise<number> {
  if (args.length > 0) throw new UsageError('clusters takes inputs or --sketches, not both');
  if (opts.minWords !== undefined || opts.workers !== undefined) throw new UsageError('--min-words and --workers apply when sketching, not to --sketches');
  const { report, stages } = await clustersFromSketches(opts.sketches!, opts.similarity);
  if (opts.verbose) {
    io.stderr(
      `threadsift: ${stages.texts} distinct texts, ${stages.bucketRows} rows in shared band buckets, ${stages.candidates} candidate pairs, ${stages.edges} verified, ${stages.linkedTexts} linked texts, ${stages.rounds} rounds of label propagation\n`,
    );
  }
  const text = opts.format === 'json' ? clustersJson(report) : clustersTerminal(report, { color: useColor(opts, io), verbose: Boolean(opts.verbose) });
  emitReport(text, opts.output, io);
  return 0;
}

/** The sketch command with its options; `run` wraps the action (errors to one line, the exit code kept). */
export function sketchCommand(io: CliIO, run: Run): Command {
  const cmd = inputCommand('sketch', 'write every comment\'s MinHash-LSH sketch as Parquet into -o DIR, for clusters --sketches or Spark (needs @duckdb/node-api)');
  return withExamples(cmd, [
    ['threadsift sketch archive/ -o sketches/', 'one set of Parquet files for the archive: comment keys, band keys and word hashes'],
    ["threadsift clusters --sketches 'sketches/*.parquet'", 'the clusters of those files, computed in DuckDB (the same SQL runs on Spark: docs/distributed.md)'],
  ])
    .option('--similarity <jaccard>', 'word-set Jaccard similarity the LSH bands are made for (default 0.8)', unitInterval('--similarity'))
    .option('--min-words <n>', 'comments with fewer distinct words get no sketch (default 5)', wholeNumber)
    .option('-c, --config <file>', 'configuration file')
    .action((inputs: string[], opts: SketchOptions) => run(() => runSketch(inputs, opts, io)));
}
