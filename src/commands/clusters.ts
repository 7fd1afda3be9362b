/**
 * `threadsift clusters`: only the run-wide pass. Every comment of every input goes into the corpus index
 * (signatures, ids and an excerpt; never the texts), and the clusters that span threads are printed.
 * This is the path for archives of a million comments, where scoring every comment is not the question.
 * `-v` lists every member of every cluster with an excerpt of its own text: the index keeps one excerpt
 * per cluster, so the inputs are read a second time for the members' texts.
 */
import { Option, type Command } from 'commander';
import { loadConfig } from '../config-file.js';
import type { CorpusCluster } from '../corpus/index.js';
import { corpusPass, nameThread, newCorpusIndex, threadKeys } from '../cross-thread-pass.js';
import { forEachThread, type InputIO } from '../input-threads.js';
import { samePage } from '../util/page.js';
import { emitReport } from '../output.js';
import type { ParseOptions } from '../parsers/types.js';
import { clustersJson, clustersTerminal, type ClustersReport } from '../reporters/clusters.js';
import { corpusDefaults } from '../run-needs.js';
import { excerpt } from '../text/sanitize.js';
import { VERSION } from '../version.js';
import { reportFormat } from './format-choice.js';
import { useColor, type CliIO } from './io.js';
import { runSketchClusters } from './sketch.js';
import { csvOptions, inputCommand, unitInterval, wholeNumber, withExamples, type InputOptions, type Run } from './options.js';

/** Characters of a member's excerpt in `clusters -v`. */
const MEMBER_EXCERPT = 100;

/**
 * Each cross-thread cluster's members' texts, as excerpts in the order of `members`, read again from the
 * inputs: the same reading order gives the same thread keys as the first pass.
 */
function memberExcerpts(clusters: CorpusCluster[], args: string[], opts: { inputFormat?: string }, parseOptions: ParseOptions, io: InputIO): string[][] {
  const wanted = new Map<string, Map<string, string>>();
  for (const c of clusters) {
    for (const m of c.members) {
      let byComment = wanted.get(m.threadId);
      if (!byComment) wanted.set(m.threadId, (byComment = new Map()));
      byComment.set(m.commentId, '');
    }
  }
  const keyOf = threadKeys();
  forEachThread(
    args,
    opts,
    parseOptions,
    io,
    (thread) => {
      const byComment = wanted.get(keyOf(thread));
      if (!byComment) return;
      for (const comment of thread.comments) if (byComment.has(comment.id)) byComment.set(comment.id, excerpt(comment.text, MEMBER_EXCERPT));
    },
    true,
  );
  return clusters.map((c) => c.members.map((m) => wanted.get(m.threadId)!.get(m.commentId)!));
}

export interface ClustersOptions extends InputOptions {
  format?: string;
  similarity?: number;
  minWords?: number;
  workers?: number;
  sketches?: string;
}

export async function runClusters(args: string[], opts: ClustersOptions, io: CliIO): Promise<number> {
  const format = reportFormat(opts, ['terminal', 'json'], 'clusters');
  if (opts.sketches !== undefined) return runSketchClusters(args, { ...opts, format }, io);
  const { config } = loadConfig(opts.config, io.cwd);
  // stdin can be read once; -v reads the inputs twice.
  let stdin: Buffer | undefined;
  const once: CliIO = { ...io, readStdin: () => (stdin ??= io.readStdin()) };
  const defaults = corpusDefaults(config);
  const threshold = opts.similarity ?? defaults.threshold;
  const minWords = opts.minWords ?? defaults.minWords;
  const index = newCorpusIndex(threshold, minWords, opts.workers);
  const names = new Map<string, { source: string; id: string }>();
  // Each thread key's page: the exports of one page are not other threads of each other (corpus/pages.ts).
  const pages = new Map<string, string>();
  const keyOf = threadKeys();
  let threadsRead = 0;
  const problems = forEachThread(args, opts, csvOptions(opts), once, (thread) => {
    threadsRead++;
    const key = keyOf(thread);
    nameThread(names, key, thread);
    if (!pages.has(key)) pages.set(key, samePage(thread) ?? key);
    for (const c of thread.comments) index.add(key, c.id, c.text);
  });
  const { clusters, keyed, result } = await corpusPass(index, names, pages);
  const report: ClustersReport = {
    tool: { name: 'threadsift', version: VERSION },
    settings: { similarity: threshold, minWords, lsh: result.params },
    summary: {
      threads: threadsRead,
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
  const readSomething = threadsRead > 0 || problems.length === 0;
  let text: string | Iterable<string>;
  if (format === 'json') text = clustersJson(report);
  else {
    const members = opts.verbose && clusters.length ? memberExcerpts(keyed, args, opts, csvOptions(opts), once) : undefined;
    text = clustersTerminal(report, { color: useColor(opts, io), verbose: Boolean(opts.verbose), members });
  }
  emitReport(text, opts.output, io, readSomething);
  return problems.length ? 2 : 0;
}

export function clustersCommand(io: CliIO, run: Run): Command {
  const cmd = inputCommand('clusters', 'find comments repeated (nearly) verbatim across threads, at archive scale (MinHash-LSH, verified)');
  return withExamples(cmd, [
    ['threadsift clusters archive.jsonl', 'the largest clusters of comments posted under several threads, with a representative text'],
    ['threadsift clusters exports/ --similarity 0.9 -v', 'every cluster at 90% word overlap or more, each member with its thread, id and text'],
    ["threadsift clusters --sketches 'sketches/*.parquet' -o clusters.json", 'the clusters of the files `threadsift sketch` wrote, computed in DuckDB (docs/distributed.md)'],
  ])
    .addOption(new Option('-f, --format <name>', 'terminal or json (default: json when -o names a .json file, else terminal)').choices(['terminal', 'json']))
    .option('--similarity <jaccard>', 'word-set Jaccard similarity that links two comments (default 0.8)', unitInterval('--similarity'))
    .option('--min-words <n>', 'comments with fewer distinct words are not compared (default 5)', wholeNumber)
    .option('--workers <n>', 'worker threads that compute signatures (default 0; one helped only on very large archives here)', wholeNumber)
    .option('--sketches <glob>', 'cluster the Parquet files of `threadsift sketch` in DuckDB instead of reading inputs (e.g. \'DIR/*.parquet\')')
    .option('-v, --verbose', 'list every cluster, and every member of each with an excerpt (reads the inputs twice)')
    .option('-c, --config <file>', 'configuration file')
    .option('--no-color', 'never colour the output')
    .action((inputs: string[], opts: ClustersOptions) => run(() => runClusters(inputs, opts, io)));
}
