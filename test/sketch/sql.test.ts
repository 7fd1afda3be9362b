/** docs/distributed.md holds the SQL that `clusters --sketches` runs, and Spark SQL that differs only in the listed spellings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUCKET_WINDOW } from '../../src/corpus/index.js';
import { CHANGED_LABELS, finalQueries, NEXT_LABELS, setupQueries, SPARK_SPELLINGS, toSpark } from '../../src/sketch/sql.js';
import { ROOT } from '../helpers.js';

const doc = readFileSync(join(ROOT, 'docs', 'distributed.md'), 'utf8');
const queries = [...setupQueries({ threshold: 0.8, window: BUCKET_WINDOW }), NEXT_LABELS, CHANGED_LABELS, ...finalQueries()];

/** The SQL blocks of a section of the document, in order. */
const blocks = (section: string) => {
  const start = doc.indexOf(section);
  const end = doc.indexOf('\n## ', start + 1);
  return [...doc.slice(start, end < 0 ? undefined : end).matchAll(/```sql\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
};

describe('docs/distributed.md', () => {
  it('gives every query, as DuckDB runs it, with its name', () => {
    expect(blocks('## The queries (DuckDB)')).toEqual(queries.map((q) => q.sql));
    for (const q of queries) expect(doc).toContain(`\`${q.name}\``);
  });

  it('gives the same queries in Spark SQL, differing only in the spellings its table lists', () => {
    expect(blocks('## The same queries in Spark SQL')).toEqual(queries.map((q) => toSpark(q.sql)));
    for (const [duck, spark] of SPARK_SPELLINGS) expect(doc).toContain(`| \`${duck}\` | \`${spark}\` |`);
    // Every spelling is used, and no DuckDB spelling is left in the Spark text.
    for (const [duck] of SPARK_SPELLINGS) {
      expect(queries.some((q) => q.sql.includes(duck)), duck).toBe(true);
      for (const q of queries) expect(toSpark(q.sql), q.name).not.toContain(duck);
    }
  });
});
