/**
 * `threadsift clusters`: only the run-wide pass. Every comment of every input goes into the corpus index
 * (signatures, ids and an excerpt; never the texts), and the clusters that span threads are printed.
 * This is the path for archives of a million comments, where scoring every comment is not the question.
 */
import { Option, type Command } from 'commander';
import { loadConfig } from '../config-file.js';
import { corpusPass, newCorpusIndex, threadKeys } from '../cross-thread-pass.js';
import { forEachThread } from '../input-threads.js';
import { emitReport } from '../output.js';
import { clustersJson, clustersTerminal, type ClustersReport } from '../reporters/clusters.js';
import { corpusDefaults } from '../run-needs.js';
import { VERSION } from '../version.js';
import { useColor, type CliIO } from './io.js';
import { runSketchClusters } from './sketch.js';
import { csvOptions, inputCommand, unitInterval, wholeNumber, type InputOptions, type Run } from './options.js';

export interface ClustersOptions extends InputOptions {
  format: string;
  similarity?: number;
  minWords?: number;
  workers?: number;
  sketches?: string;
}

export async function runClusters(args: string[], opts: ClustersOptions, io: CliIO): Promise<number> {
  if (opts.sketches !== undefined) return runSketchClusters(args, opts, io);
  const { config } = loadConfig(opts.config, io.cwd);
  const defaults = corpusDefaults(config);
  const threshold = opts.similarity ?? defaults.threshold;
  const minWords = opts.minWords ?? defaults.minWords;
  const index = newCorpusIndex(threshold, minWords, opts.workers);
  const names = new Map<string, { source: string; id: string }>();
  const keyOf = threadKeys();
  const problems = forEachThread(args, opts, csvOptions(opts), io, (thread) => {
    const key = keyOf(thread);
    names.set(key, { source: thread.source, id: thread.id });
    for (const c of thread.comments) index.add(key, c.id, c.text);
  });
  const { clusters, result } = await corpusPass(index, names);
  const report: ClustersReport = {
    tool: { name: 'threadsift', version: VERSION },
    settings: { similarity: threshold, minWords, lsh: result.params },
    summary: {
      threads: names.size,
      comments: result.comments,
      ignored: result.ignored,
      uniqueTexts: result.uniqueTexts,
      clusters: clusters.length,
      commentsInClusters: clusters.reduce((n, c) => n + c.size, 0),
      candidatePairs: result.candidatePairs,
      verifiedPairs: result.verifiedPairs,
      errors: problems.length,
    },
    clusters,
    errors: problems,
  };
  const readSomething = names.size > 0 || problems.length === 0;
  const text = opts.format === 'json' ? clustersJson(report) : clustersTerminal(report, { color: useColor(opts, io), verbose: Boolean(opts.verbose) });
  emitReport(text, opts.output, io, readSomething);
  return problems.length ? 2 : 0;
}

export function clustersCommand(io: CliIO, run: Run): Command {
  return inputCommand('clusters', 'find comments repeated (nearly) verbatim across threads, at archive scale (MinHash-LSH, verified)')
    .addOption(new Option('-f, --format <name>', 'terminal or json').choices(['terminal', 'json']).default('terminal'))
    .option('--similarity <jaccard>', 'word-set Jaccard similarity that links two comments (default 0.8)', unitInterval('--similarity'))
    .option('--min-words <n>', 'comments with fewer distinct words are not compared (default 5)', wholeNumber)
    .option('--workers <n>', 'worker threads that compute signatures (default 0; one helped only on very large archives here)', wholeNumber)
    .option('--sketches <glob>', 'cluster the Parquet files of `threadsift sketch` in DuckDB instead of reading inputs (e.g. \'DIR/*.parquet\')')
    .option('-v, --verbose', 'list every cluster')
    .option('-c, --config <file>', 'configuration file')
    .option('--no-color', 'never colour the output')
    .action((inputs: string[], opts: ClustersOptions) => run(() => runClusters(inputs, opts, io)));
}
