/**
 * The SQL that turns sketch files (`threadsift sketch`) into verified clusters: the same steps as the
 * in-process engine (src/corpus), as named queries that any SQL engine can materialise one after
 * another. `threadsift clusters --sketches` runs them in DuckDB; docs/distributed.md gives them for Spark
 * SQL, which differs only in the function spellings of SPARK_SPELLINGS (test/sketch/sql.test.ts holds the
 * document to both).
 *
 * Each query reads the input view `sketches` and the results of the queries before it, by name. The
 * component step is repeated: `labels` starts as `initial_labels`, and `next_labels` (reading `labels`) is
 * computed and becomes `labels` until `changed_labels` counts no change.
 */

/** One query and the name its result is kept under. */
export interface NamedQuery {
  name: string;
  /** What the step does, for the document. */
  note: string;
  sql: string;
}

/** What the queries are built with. */
export interface SketchSqlParams {
  /** Jaccard similarity at or above which two texts are linked. */
  threshold: number;
  /** Each text is paired with at most this many texts before it in a band bucket (the engine's BUCKET_WINDOW). */
  window: number;
}

/** DuckDB spellings and their Spark SQL equivalents: the only differences between the two dialects here. */
export const SPARK_SPELLINGS: ReadonlyArray<readonly [duckdb: string, spark: string]> = [
  ['unnest(', 'explode('],
  ['len(', 'size('],
];

/** A query in Spark SQL: the DuckDB text with SPARK_SPELLINGS applied. */
export function toSpark(sql: string): string {
  return SPARK_SPELLINGS.reduce((text, [duck, spark]) => text.split(duck).join(spark), sql);
}

/** The queries before the component loop. */
export function setupQueries({ threshold, window }: SketchSqlParams): NamedQuery[] {
  return [
    {
      name: 'texts',
      note: 'Distinct texts and their number of copies (exact copies share a 64-bit text hash, and so their sketch); comments under minWords have no bands and take no part.',
      sql: `SELECT text_hash, count(*) AS copies
FROM sketches
WHERE bands IS NOT NULL
GROUP BY text_hash`,
    },
    {
      name: 'buckets',
      note: 'The band rows of every text, in buckets of equal (band, key): a bucket of two or more distinct texts keeps them, each with its place in text-hash order (copies of a text share a place, and are one row).',
      sql: `SELECT DISTINCT band, key, text_hash, place
FROM (
  SELECT r.band, r.key, r.text_hash,
         dense_rank() OVER (PARTITION BY r.band, r.key ORDER BY r.text_hash) AS place,
         min(r.text_hash) OVER (PARTITION BY r.band, r.key) AS low,
         max(r.text_hash) OVER (PARTITION BY r.band, r.key) AS high
  FROM (SELECT text_hash, b.band AS band, b.key AS key
        FROM (SELECT text_hash, unnest(bands) AS b FROM sketches WHERE bands IS NOT NULL) u) r
) w
WHERE low < high`,
    },
    {
      name: 'candidates',
      note: `Band self-join: pairs of texts that share a bucket, each paired with the ${window} texts before it at most (a bucket of a hundred thousand template variants would otherwise pair them all). The window is cut into chunks of ${window} so that the join stays an equi-join: a text meets the chunk it is in and the next one.`,
      sql: `SELECT DISTINCT x.text_hash AS a, y.text_hash AS b
FROM (SELECT band, key, text_hash, place, CAST(floor((place - 1) / ${window}) AS BIGINT) + s.step AS chunk
      FROM buckets CROSS JOIN (SELECT 0 AS step UNION ALL SELECT 1 AS step) s) x
JOIN (SELECT band, key, text_hash, place, CAST(floor((place - 1) / ${window}) AS BIGINT) AS chunk FROM buckets) y
  ON x.band = y.band AND x.key = y.key AND x.chunk = y.chunk
WHERE x.place < y.place AND y.place - x.place <= ${window}`,
    },
    {
      name: 'candidate_hashes',
      note: 'The word-hash sets of the texts in candidate pairs, the only ones verification reads.',
      sql: `SELECT s.text_hash, first(s.hashes) AS hashes
FROM sketches s
JOIN (SELECT a AS text_hash FROM candidates UNION SELECT b AS text_hash FROM candidates) n ON n.text_hash = s.text_hash
GROUP BY s.text_hash`,
    },
    {
      name: 'edges',
      note: `Verification: the exact Jaccard similarity of the two word-hash sets (the words of one found in the other; each set is distinct words); pairs at ${threshold} or above are linked.`,
      sql: `SELECT a, b, similarity
FROM (
  SELECT a, b, CAST(shared AS DOUBLE) / CAST(size_a + size_b - shared AS DOUBLE) AS similarity
  FROM (
    SELECT c.a, c.b, len(filter(ha.hashes, x -> array_contains(hb.hashes, x))) AS shared, len(ha.hashes) AS size_a, len(hb.hashes) AS size_b
    FROM candidates c JOIN candidate_hashes ha ON ha.text_hash = c.a JOIN candidate_hashes hb ON hb.text_hash = c.b
  ) i
) j
WHERE similarity >= ${threshold}`,
    },
    {
      name: 'initial_labels',
      note: 'Connected components, start: every linked text is labelled with itself.',
      sql: `SELECT node, node AS label
FROM (SELECT a AS node FROM edges UNION SELECT b AS node FROM edges) n`,
    },
  ];
}

/** The repeated step: each text takes the smallest label among its own and its neighbours', then its label's label. */
export const NEXT_LABELS: NamedQuery = {
  name: 'next_labels',
  note: 'Min-label propagation: a text takes the smallest label among its own and its neighbours\' (then that label\'s own label, which shortens long chains). Repeated until no label changes; every text of a component then has the component\'s smallest text hash.',
  sql: `SELECT s.node, least(s.label, coalesce(j.label, s.label)) AS label
FROM (
  SELECT l.node, least(l.label, coalesce(m.label, l.label)) AS label
  FROM labels l
  LEFT JOIN (
    SELECT e.node, min(n.label) AS label
    FROM (SELECT a AS node, b AS other FROM edges UNION ALL SELECT b AS node, a AS other FROM edges) e
    JOIN labels n ON n.node = e.other
    GROUP BY e.node
  ) m ON m.node = l.node
) s
LEFT JOIN labels j ON j.node = s.label`,
};

/** How many labels the step changed: the loop ends at 0. */
export const CHANGED_LABELS: NamedQuery = {
  name: 'changed_labels',
  note: 'Labels the last step changed.',
  sql: `SELECT count(*) AS changed
FROM labels l JOIN next_labels n ON n.node = l.node
WHERE n.label <> l.label`,
};

/** The queries after the loop: clusters and their members. */
export function finalQueries(): NamedQuery[] {
  return [
    {
      name: 'components',
      note: 'Every distinct text with its component (a text without links is its own).',
      sql: `SELECT t.text_hash, coalesce(l.label, t.text_hash) AS component, t.copies
FROM texts t LEFT JOIN labels l ON l.node = t.text_hash`,
    },
    {
      name: 'clusters',
      note: 'Components of two or more comments: size, threads, the least and the mean similarity of the linked pairs (exact copies count 1; each pair weighted by the comment pairs it stands for), and the representative (the text with the most copies, then the smallest hash).',
      sql: `SELECT s.component, s.size, t.threads,
       coalesce(x.min_similarity, 1.0) AS min_similarity,
       (s.copy_pairs + coalesce(x.weighted, 0.0)) / (s.copy_pairs + coalesce(x.weight, 0.0)) AS mean_similarity,
       r.text_hash AS representative
FROM (SELECT component, sum(copies) AS size, sum(CAST(copies * (copies - 1) AS DOUBLE) / 2) AS copy_pairs
      FROM components GROUP BY component) s
JOIN (SELECT c.component, count(DISTINCT k.thread) AS threads
      FROM sketches k JOIN components c ON c.text_hash = k.text_hash GROUP BY c.component) t ON t.component = s.component
JOIN (SELECT component, text_hash, row_number() OVER (PARTITION BY component ORDER BY copies DESC, text_hash) AS place
      FROM components) r ON r.component = s.component AND r.place = 1
LEFT JOIN (SELECT ca.component, min(e.similarity) AS min_similarity,
                  sum(CAST(ca.copies * cb.copies AS DOUBLE) * e.similarity) AS weighted,
                  sum(CAST(ca.copies * cb.copies AS DOUBLE)) AS weight
           FROM edges e JOIN components ca ON ca.text_hash = e.a JOIN components cb ON cb.text_hash = e.b
           GROUP BY ca.component) x ON x.component = s.component
WHERE s.size >= 2`,
    },
    {
      name: 'members',
      note: 'The comments of the clusters that span two or more threads.',
      sql: `SELECT k.component, s.thread, s.source, s.thread_id, s.comment, s.text_hash, s.excerpt
FROM sketches s JOIN components c ON c.text_hash = s.text_hash JOIN clusters k ON k.component = c.component
WHERE k.threads >= 2`,
    },
  ];
}
