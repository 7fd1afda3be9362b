/**
 * JSON Schemas (draft-07) of threadsift's JSON outputs, written to schemas/ by `npm run docs` and shipped
 * in the package: the JSON report (`--format json`), the lines of `--format jsonl`, and the report of
 * `threadsift clusters`; the configuration file's schema is made from its validator (config.ts); the other
 * commands' JSON outputs (eval, parse, train's model file, index stats and export) are in schemas-commands.ts. Each
 * file stands alone (no $ref between files), so any validator or editor can load one by itself. Tests
 * validate every JSON report the test suite writes against them (test/schemas.test.ts).
 *
 * Within a schemaVersion, fields are only ever added as optional ones; changing one raises the version.
 * Reason codes are a pattern, not an enumeration: a newer version may add codes (docs/REFERENCE.md lists them).
 */

export type Schema = Record<string, unknown>;

export const DRAFT = 'http://json-schema.org/draft-07/schema#';

/** An object with exactly these properties, the `required` ones required. */
export function object(properties: Record<string, Schema>, required: string[] = Object.keys(properties), description?: string): Schema {
  return { ...(description ? { description } : {}), type: 'object', required, additionalProperties: false, properties };
}

export const ref = (name: string, description?: string): Schema => ({ ...(description ? { description } : {}), $ref: `#/definitions/${name}` });
export const array = (items: Schema, more: Schema = {}): Schema => ({ type: 'array', items, ...more });
export const string = (description?: string): Schema => ({ ...(description ? { description } : {}), type: 'string' });
export const strings: Schema = array({ type: 'string' });

/** Definitions the schemas share; each schema carries the ones it uses. */
const DEFINITIONS: Record<string, Schema> = {
  unit: { type: 'number', minimum: 0, maximum: 1 },
  count: { type: 'integer', minimum: 0 },
  signalId: { description: 'A signal id (kebab-case), or a pseudo-signal of the pipeline: config, language.', type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
  tool: object({ name: { const: 'threadsift' }, version: { type: 'string' } }),
  inputProblem: object({
    source: string('The input\'s path, or - for stdin.'),
    message: string('One line: the input, the line or field, what is wrong.'),
  }),
  reason: object(
    {
      signal: ref('signalId'),
      code: { description: 'Stable reason code (docs/REFERENCE.md lists each with its meaning).', type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
      strength: ref('unit', 'Evidence 0..1, not a verdict.'),
      message: string('The reason in words; the wording may change between versions, the code does not.'),
      args: { description: 'The evidence behind the message, by name (per code).', type: 'object' },
      related: { description: 'Other comments involved (duplicate partners, the echoed parent...), by id.', ...strings },
      span: {
        description: "Where the evidence is in the comment's text: 0-based, half-open offsets in UTF-16 code units.",
        ...array({ type: 'integer', minimum: 0 }, { minItems: 2, maxItems: 2 }),
      },
    },
    ['signal', 'code', 'strength', 'message', 'args'],
    'One piece of evidence about a comment.',
  ),
  crossThreadCluster: object(
    {
      id: { description: "Stable: a hash of the representative's normalised words.", type: 'string', pattern: '^[0-9a-f]{16}$' },
      size: { type: 'integer', minimum: 2 },
      threads: array(object({ source: { type: 'string' }, id: { type: 'string' } }), { minItems: 2 }),
      members: array(object({ source: { type: 'string' }, threadId: { type: 'string' }, commentId: { type: 'string' } }), { minItems: 2 }),
      representative: string('Up to 120 characters of the most repeated text.'),
      similarity: object({ min: ref('unit'), mean: ref('unit') }),
    },
    undefined,
    'Comments repeated (nearly) verbatim across threads.',
  ),
  comment: object({
    id: string('The export\'s id, or the 1-based position when it has none.'),
    index: { description: '1-based position in the thread as exported.', type: 'integer', minimum: 1 },
    author: { type: ['string', 'null'] },
    score: ref('unit'),
    flagged: { description: 'score >= settings.threshold, unless the author is allow-listed.', type: 'boolean' },
    reasons: { description: 'Strongest contribution first.', ...array(ref('reason')) },
    excerpt: string('The text on one line, cut to 160 characters (ids join back to the input).'),
  }),
  cluster: object(
    {
      id: { type: 'string' },
      commentIds: array({ type: 'string' }, { minItems: 2 }),
      similarity: ref('unit', 'Mean similarity of the linked pairs.'),
    },
    undefined,
    'Comments of one thread that say nearly the same thing.',
  ),
  agendaTerm: object({ term: { type: 'string' }, commentIds: strings }, undefined, 'A term repeated across comments that the article never mentions.'),
  thread: object(
    {
      id: { type: 'string' },
      source: string('The input\'s path, or - for stdin.'),
      title: { type: 'string' },
      url: { type: 'string' },
      commentCount: ref('count'),
      declaredCommentCount: ref('count', 'The count the export itself declares, when it does.'),
      excluded: { description: 'Items of the export not analysed (pingbacks, trackbacks...), by kind.', type: 'object', additionalProperties: ref('count') },
      summary: object({
        flagged: ref('count'),
        botShare: ref('unit'),
        verdictCode: { enum: ['NO_COMMENTS', 'CLEAN', 'SOME_FLAGGED', 'LIKELY_COORDINATED'] },
        verdict: { type: 'string' },
      }),
      comments: { description: 'In thread order; with --quiet, the flagged ones only.', ...array(ref('comment')) },
      clusters: array(ref('cluster')),
      agendaTerms: array(ref('agendaTerm')),
    },
    ['id', 'source', 'title', 'commentCount', 'summary', 'comments', 'clusters', 'agendaTerms'],
  ),
  settings: {
    description: 'The settings the run applied.',
    type: 'object',
    required: ['threshold'],
    properties: {
      threshold: ref('unit', 'A comment is flagged when its score is at least this.'),
      gates: { type: 'object', additionalProperties: false, properties: { maxFlagged: ref('count'), maxBotShare: ref('unit') } },
      allowAuthors: strings,
    },
  },
  signalInfo: object({ id: ref('signalId'), description: { type: 'string' }, weight: ref('unit'), enabled: { type: 'boolean' } }),
  runSummary: object({
    threads: ref('count'),
    comments: ref('count'),
    flagged: ref('count'),
    botShare: ref('unit', 'flagged / comments, rounded to 3 decimals.'),
    errors: ref('count', 'Inputs that could not be read.'),
  }),
};

/** `schema` with the definitions it refers to, directly or through each other. */
export function withDefinitions(schema: Schema): Schema {
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === '$ref' && typeof v === 'string' && !used.has(v.slice('#/definitions/'.length))) {
          const name = v.slice('#/definitions/'.length);
          used.add(name);
          visit(DEFINITIONS[name]);
        } else visit(v);
      }
    }
  };
  visit(schema);
  return { ...schema, definitions: Object.fromEntries([...used].sort().map((name) => [name, DEFINITIONS[name]!])) };
}

/** The JSON report, `threadsift scan --format json` (schemaVersion 1). */
export function reportSchema(): Schema {
  return withDefinitions({
    $schema: DRAFT,
    title: 'threadsift JSON report (schemaVersion 1)',
    description: 'What `threadsift scan --format json` writes.',
    ...object(
      {
        schemaVersion: { const: 1 },
        tool: ref('tool'),
        settings: ref('settings'),
        signals: { description: 'Every signal of this version, enabled or not, in registry order.', ...array(ref('signalInfo')) },
        summary: ref('runSummary', 'The whole run.'),
        threads: array(ref('thread')),
        crossThreadClusters: {
          description: 'Comments repeated across threads of the run; present when the run compared comments across threads.',
          ...array(ref('crossThreadCluster')),
        },
        errors: { description: 'Inputs that could not be read; the rest of the run completed.', ...array(ref('inputProblem')) },
      },
      ['schemaVersion', 'tool', 'settings', 'signals', 'summary', 'threads', 'errors'],
    ),
  });
}

/** The report of `threadsift clusters --format json` (schemaVersion 1). */
export function clustersSchema(): Schema {
  return withDefinitions({
    $schema: DRAFT,
    title: 'threadsift clusters report (schemaVersion 1)',
    description: 'What `threadsift clusters --format json` writes: the run-wide pass alone.',
    ...object({
      schemaVersion: { const: 1 },
      tool: ref('tool'),
      settings: object({
        similarity: ref('unit', 'Word-set Jaccard similarity that links two comments.'),
        minWords: ref('count', 'Comments with fewer distinct words are not compared.'),
        lsh: { description: 'The MinHash-LSH parameters used.', type: 'object', additionalProperties: { type: 'number' } },
      }),
      summary: object({
        threads: ref('count'),
        comments: ref('count'),
        ignored: ref('count', 'Comments under minWords, not compared.'),
        uniqueTexts: ref('count'),
        clusters: ref('count'),
        commentsInClusters: ref('count'),
        candidatePairs: ref('count'),
        verifiedPairs: ref('count'),
        errors: ref('count'),
      }),
      errors: array(ref('inputProblem')),
      crossThreadClusters: { description: 'Largest first.', ...array(ref('crossThreadCluster')) },
    }),
  });
}

/**
 * One line of `threadsift scan --format jsonl` (src/reporters/jsonl.ts). Per thread, in input order: a
 * `thread` line, a `comment` line per comment, a `cluster` line (scope `thread`) per duplicate cluster;
 * after the last thread, a `cluster` line (scope `across-threads`) per cluster spanning threads, an
 * `error` line per input that could not be read, and one `summary` line.
 */
export function jsonlSchema(): Schema {
  const thread = object(
    {
      type: { const: 'thread' },
      source: string("The input's path, or - for stdin."),
      threadId: { type: 'string' },
      title: { type: 'string' },
      url: { type: ['string', 'null'] },
      commentCount: ref('count'),
      flagged: ref('count'),
      botShare: ref('unit', 'flagged / comments, rounded to 3 decimals.'),
      verdictCode: { enum: ['NO_COMMENTS', 'CLEAN', 'SOME_FLAGGED', 'LIKELY_COORDINATED'] },
      verdict: string('The verdict in one sentence.'),
    },
    undefined,
    'A thread, before its comments.',
  );
  const comment = object(
    {
      type: { const: 'comment' },
      source: string("The input's path, or - for stdin."),
      threadId: { type: 'string' },
      commentId: { type: 'string' },
      index: { description: '1-based position in the thread as exported.', type: 'integer', minimum: 1 },
      author: { type: ['string', 'null'] },
      date: { description: 'The date as the export gives it.', type: ['string', 'null'] },
      parent: { description: 'Id of the comment replied to.', type: ['string', 'null'] },
      score: ref('unit'),
      flagged: { type: 'boolean' },
      strengths: { description: 'The strongest evidence of each signal that found any, by signal id.', type: 'object', additionalProperties: ref('unit') },
      reasons: { description: 'Strongest contribution first.', ...array(ref('reason')) },
      clusters: { description: "Ids of the thread's clusters of similar comments (copies and paraphrases) the comment is in.", ...strings },
      crossThreadCluster: { description: 'Id of the cluster across threads the comment is in, if any.', type: ['string', 'null'] },
      text: string('The full text; only with --include-text.'),
    },
    ['type', 'source', 'threadId', 'commentId', 'index', 'author', 'date', 'parent', 'score', 'flagged', 'strengths', 'reasons', 'clusters', 'crossThreadCluster'],
    'One comment with its score and evidence.',
  );
  const threadCluster = object(
    {
      type: { const: 'cluster' },
      scope: { const: 'thread' },
      source: { type: 'string' },
      threadId: { type: 'string' },
      id: { type: 'string' },
      commentIds: array({ type: 'string' }, { minItems: 2 }),
      similarity: ref('unit', 'Mean similarity of the linked pairs.'),
    },
    undefined,
    'Comments of one thread that say nearly the same thing.',
  );
  const { properties, required, ...cross } = DEFINITIONS.crossThreadCluster as { properties: Record<string, Schema>; required: string[] };
  const crossCluster = { ...cross, required: ['type', 'scope', ...required], properties: { type: { const: 'cluster' }, scope: { const: 'across-threads' }, ...properties } };
  const error = object({ type: { const: 'error' }, source: { type: 'string' }, message: string('One line: the input, where, what is wrong.') }, undefined, 'An input that could not be read.');
  const summary = object(
    {
      type: { const: 'summary' },
      schemaVersion: { const: 1 },
      tool: ref('tool'),
      settings: ref('settings'),
      signals: array(ref('signalInfo')),
      threads: ref('count'),
      comments: ref('count'),
      flagged: ref('count'),
      botShare: ref('unit', 'flagged / comments, rounded to 3 decimals.'),
      errors: ref('count', 'Inputs that could not be read.'),
      crossThreadClusters: ref('count', 'Clusters across threads.'),
    },
    undefined,
    'The last line: the run as a whole.',
  );
  return withDefinitions({
    $schema: DRAFT,
    title: 'threadsift JSONL report line (schemaVersion 1)',
    description: 'Each line of `threadsift scan --format jsonl` is one JSON object, told apart by `type`: thread, comment, cluster, error or summary.',
    oneOf: [thread, comment, threadCluster, crossCluster, error, summary],
  });
}
