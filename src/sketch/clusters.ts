/**
 * `threadsift clusters --sketches GLOB`: the clusters of sketch files, computed by DuckDB with the SQL of
 * sql.ts, in the form of the in-process `clusters` report (the same clusters, members and representatives).
 */
import { BUCKET_WINDOW } from '../corpus/index.js';
import { InputError } from '../errors.js';
import type { ClustersReport } from '../reporters/clusters.js';
import type { CrossThreadCluster } from '../types.js';
import { VERSION } from '../version.js';
import { onPages } from '../corpus/pages.js';
import { connect, literal, readError, type DuckConnection } from './duckdb.js';
import { CHANGED_LABELS, finalQueries, NEXT_LABELS, setupQueries, type NamedQuery } from './sql.js';
import { METADATA_KEY, type SketchMetadata } from './write.js';

/** 16 hex digits of a text hash as the sketch files keep it (top bit flipped, so signed order is unsigned order). */
const hashHex = (h: bigint) => BigInt.asUintN(64, h ^ (1n << 63n)).toString(16).padStart(16, '0');

async function rows(db: DuckConnection, sql: string): Promise<Array<Record<string, unknown>>> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS() as Array<Record<string, unknown>>;
}

const count = async (db: DuckConnection, table: string) => Number((await rows(db, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

/** Materialise each query as a table under its name. */
async function materialise(db: DuckConnection, queries: readonly NamedQuery[]): Promise<void> {
  for (const q of queries) await db.run(`CREATE OR REPLACE TEMP TABLE ${q.name} AS ${q.sql}`);
}

/** The settings of every sketch file the glob matches; they must agree on everything but the thread count. */
async function readSettings(db: DuckConnection, glob: string): Promise<{ settings: SketchMetadata; threads: number }> {
  const found = await rows(db, `SELECT file_name, decode(value) AS value FROM parquet_kv_metadata(${literal(glob)}) WHERE decode(key) = ${literal(METADATA_KEY)}`);
  const files = Number((await rows(db, `SELECT count(*) AS n FROM glob(${literal(glob)})`))[0]!.n);
  if (found.length !== files) throw new InputError(glob, `${files - found.length} of ${files} files are not threadsift sketches`, undefined, 'give only the Parquet files that `threadsift sketch` wrote');
  const all = found.map((r) => JSON.parse(String(r.value)) as SketchMetadata);
  const settingsOf = (m: SketchMetadata) => JSON.stringify({ ...m, threads: 0 });
  for (const m of all) {
    if (settingsOf(m) !== settingsOf(all[0]!)) {
      throw new InputError(glob, 'holds sketches made with different settings', undefined, 'sketch every input with the same --similarity and --min-words');
    }
  }
  return { settings: all[0]!, threads: all.reduce((n, m) => n + m.threads, 0) };
}

/** Rows of the intermediate tables and rounds of label propagation: what sizes a run on a cluster. */
export interface SketchStages {
  texts: number;
  bucketRows: number;
  candidates: number;
  edges: number;
  linkedTexts: number;
  rounds: number;
}

/** Cluster the sketch files `glob` matches; `similarity` overrides the threshold they were made for. */
export async function clustersFromSketches(glob: string, similarity?: number): Promise<{ report: ClustersReport; stages: SketchStages }> {
  const db = await connect('clusters --sketches');
  try {
    let meta: { settings: SketchMetadata; threads: number };
    try {
      // By name: files written before the page column mix with newer ones (their rows have no page).
      await db.connection.run(`CREATE VIEW sketches AS SELECT * FROM read_parquet(${literal(glob)}, union_by_name = true)`);
      meta = await readSettings(db.connection, glob);
    } catch (err) {
      throw readError(glob, err);
    }
    const { settings } = meta;
    const threshold = similarity ?? settings.threshold;
    const c = db.connection;
    await materialise(c, setupQueries({ threshold, window: BUCKET_WINDOW }));
    await c.run('CREATE OR REPLACE TEMP TABLE labels AS SELECT * FROM initial_labels');
    let rounds = 0;
    for (;;) {
      rounds++;
      await materialise(c, [NEXT_LABELS]);
      const changed = Number((await rows(c, CHANGED_LABELS.sql))[0]!.changed);
      await c.run('DROP TABLE labels');
      await c.run('ALTER TABLE next_labels RENAME TO labels');
      if (changed === 0) break;
    }
    await materialise(c, finalQueries());
    const clusters = await assemble(c);
    const stages: SketchStages = {
      texts: await count(c, 'texts'),
      bucketRows: await count(c, 'buckets'),
      candidates: await count(c, 'candidates'),
      edges: await count(c, 'edges'),
      linkedTexts: await count(c, 'labels'),
      rounds,
    };
    const report: ClustersReport = {
      tool: { name: 'threadsift', version: VERSION },
      settings: {
        similarity: threshold,
        minWords: settings.minWords,
        lsh: { bands: settings.bands, rows: settings.rows, numPerm: settings.numPerm, shingleSize: settings.shingleSize, threshold, minShingles: settings.minWords, seed: settings.seed },
      },
      summary: {
        threads: meta.threads,
        comments: await count(c, 'sketches'),
        ignored: await count(c, 'sketches WHERE bands IS NULL'),
        uniqueTexts: stages.texts,
        clusters: clusters.length,
        commentsInClusters: clusters.reduce((n, cl) => n + cl.size, 0),
        candidatePairs: stages.candidates,
        verifiedPairs: stages.edges,
        errors: 0,
      },
      clusters,
      errors: [],
    };
    return { report, stages };
  } finally {
    db.close();
  }
}

interface Member {
  thread: string;
  source: string;
  threadId: string;
  comment: string;
  hash: bigint;
  excerpt: string;
}

/** Before or after by (thread key, comment id), in UTF-16 code-unit order as the engine sorts. */
const byKey = (a: Member, b: Member) => (a.thread !== b.thread ? (a.thread < b.thread ? -1 : 1) : a.comment < b.comment ? -1 : a.comment > b.comment ? 1 : 0);

/** The cross-thread clusters as the in-process engine reports them: members and threads sorted, largest first. */
async function assemble(db: DuckConnection): Promise<CrossThreadCluster[]> {
  // A page read from several inputs is one thread, named as the engine names it: by the first of its inputs
  // in path order.
  const sources = new Map<string, string>();
  // Each thread's page (the files of an earlier version have no page column: every thread its own page).
  const pages = new Map<string, string>();
  const paged = Number((await rows(db, "SELECT count(*) AS n FROM (DESCRIBE sketches) WHERE column_name = 'page'"))[0]!.n) !== 0;
  const page = paged ? 'any_value(page)' : 'NULL';
  for (const r of await rows(db, `SELECT thread, min(source) AS source, ${page} AS page FROM sketches WHERE thread IN (SELECT thread FROM members) GROUP BY thread`)) {
    sources.set(String(r.thread), String(r.source));
    if (r.page !== null) pages.set(String(r.thread), String(r.page));
  }
  const members = new Map<bigint, Member[]>();
  for (const r of await rows(db, 'SELECT * FROM members')) {
    const thread = String(r.thread);
    const m: Member = { thread, source: sources.get(thread)!, threadId: String(r.thread_id), comment: String(r.comment), hash: r.text_hash as bigint, excerpt: String(r.excerpt) };
    const list = members.get(r.component as bigint);
    if (list) list.push(m);
    else members.set(r.component as bigint, [m]);
  }
  const clusters: CrossThreadCluster[] = [];
  for (const r of await rows(db, 'SELECT * FROM clusters WHERE threads >= 2')) {
    // A comment read twice (the same page in two inputs: one thread key) is one member, as in the engine.
    const sorted = members.get(r.component as bigint)!.sort(byKey);
    const once = sorted.filter((m, i) => i === 0 || byKey(sorted[i - 1]!, m) !== 0);
    const keys: string[] = [];
    for (const m of once) if (m.thread !== keys[keys.length - 1]) keys.push(m.thread);
    // The exports of one page are one thread (corpus/pages.ts), as the engine's clusters pass has them.
    const view = onPages({ threads: keys, members: once.map((m) => ({ threadId: m.thread, m })), size: once.length }, (key) => pages.get(key) ?? key, (key) => sources.get(key)!);
    if (!view) continue;
    const list = view.members.map(({ m }) => m);
    const threads = view.threads.map((key) => {
      const first = list.find((m) => m.thread === key)!;
      return { source: first.source, id: first.threadId };
    });
    const representative = r.representative as bigint;
    clusters.push({
      id: hashHex(representative),
      size: Number(r.size) - (sorted.length - list.length),
      threads,
      members: list.map((m) => ({ source: m.source, threadId: m.threadId, commentId: m.comment })),
      // The excerpt of the text's first comment by (thread, comment), as the engine keeps it.
      representative: once.find((m) => m.hash === representative)!.excerpt,
      similarity: { min: Number(r.min_similarity), mean: Number(r.mean_similarity) },
    });
  }
  return clusters.sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
