/**
 * JSON Schemas (draft-07) of the other commands' JSON outputs, shipped in schemas/ beside the report's
 * (schemas.ts has the shared helpers and the rules on versions): `threadsift eval --format json`, the
 * threads `threadsift parse` prints, the model file `threadsift train` writes (and `--model` reads), and
 * what `threadsift index stats --format json` and `index export` write.
 */
import { DRAFT, array, object, ref, string, strings, withDefinitions, type Schema } from './schemas.js';

const number: Schema = { type: 'number' };
const aurocOrNull: Schema = { description: 'Area under the ROC curve; null when one class is absent.', type: ['number', 'null'], minimum: 0, maximum: 1 };

/** The report of `threadsift eval --format json` (src/eval/evaluate.ts EvalResult, schemaVersion 1). */
export function evalSchema(): Schema {
  const figures = object(
    {
      threshold: number,
      confusion: object({ tp: ref('count'), fp: ref('count'), tn: ref('count'), fn: ref('count') }),
      precision: ref('unit'),
      recall: ref('unit'),
      f1: ref('unit'),
      accuracy: ref('unit'),
      auroc: aurocOrNull,
      best: object({ threshold: number, f1: ref('unit') }, undefined, 'The F1-best threshold on these same comments (in-sample) and its F1.'),
    },
    undefined,
    'Figures of one scorer at one threshold.',
  );
  return withDefinitions({
    $schema: DRAFT,
    title: 'threadsift eval report (schemaVersion 1)',
    description: 'What `threadsift eval --format json` writes: accuracy on labelled comments, a length-only baseline and a per-signal ablation.',
    ...object({
      kind: { const: 'threadsift-eval' },
      schemaVersion: { const: 1 },
      threshold: ref('unit'),
      signals: { description: 'Ids of the enabled signals.', ...array(ref('signalId')) },
      silent: { description: 'Enabled signals that found nothing: they have no ablation row.', ...array(ref('signalId')) },
      counts: object({
        threads: ref('count'),
        comments: ref('count'),
        labelled: ref('count', 'Comments with a label; only these are scored.'),
        unlabelled: ref('count', 'Analysed as context, left out of every figure.'),
        positives: ref('count'),
        negatives: ref('count'),
      }),
      threadsift: { description: "The tool's comment score.", ...figures },
      baseline: { description: 'Score = comment length.', ...figures },
      ablation: array(
        object({
          signal: ref('signalId'),
          figures,
          delta: object({ f1: number, auroc: { type: ['number', 'null'] } }, undefined, 'Change against the full detector: negative means the signal helps.'),
        }),
      ),
    }),
  });
}

/** What `threadsift parse` prints: the threads as the parsers read them (src/types.ts Thread). */
export function threadsSchema(): Schema {
  const scalar: Schema = { type: ['string', 'number', 'boolean'] };
  const comment = object(
    {
      id: string("The export's id, or the 1-based position when it has none."),
      index: { description: '1-based position in the thread as exported.', type: 'integer', minimum: 1 },
      author: { type: 'string' },
      createdAt: string('The date as the export gives it.'),
      parentId: string('Id of the comment replied to.'),
      text: { type: 'string' },
      line: { description: 'The 1-based line of the input where the comment starts, when the format has lines.', type: 'integer', minimum: 1 },
      label: { description: 'Ground truth for eval and train (true = bot/spam), when the input labels it.', type: 'boolean' },
      meta: { description: 'Export metadata kept for reports, never evidence.', type: 'object', additionalProperties: scalar },
      moderation: {
        description: "What the platform's own moderation recorded.",
        ...array(object({ kind: { enum: ['spam', 'removed', 'deleted'] }, field: string('The export\'s field and value that say so.') })),
      },
    },
    ['id', 'index', 'text'],
  );
  return withDefinitions({
    $schema: DRAFT,
    title: 'threadsift parsed threads',
    description: 'What `threadsift parse` prints; the JSON input format reads it back.',
    ...object({
      threads: array(
        object(
          {
            id: { type: 'string' },
            source: string("The input's path, or - for stdin."),
            title: { type: 'string' },
            body: { type: 'string' },
            url: { type: 'string' },
            comments: array(comment),
            declaredCommentCount: ref('count', 'The count the export itself declares, when it does.'),
            excluded: { description: 'Items of the export not analysed (pingbacks, trackbacks...), by kind.', type: 'object', additionalProperties: ref('count') },
          },
          ['id', 'source', 'title', 'body', 'comments'],
        ),
      ),
    }),
  });
}

/** The model file `threadsift train` writes (src/model/model.ts ModelFile, format version 1). */
export function modelSchema(): Schema {
  return withDefinitions({
    $schema: DRAFT,
    title: 'threadsift model file (version 1)',
    description: 'What `threadsift train` writes and `--model` reads: logistic regression over signal strengths and word n-grams.',
    ...object({
      format: { const: 'threadsift-model' },
      version: { const: 1 },
      createdBy: string('"threadsift x.y.z" that trained it.'),
      signals: { description: 'The signals whose strengths are features, with the options they ran with.', ...array(object({ id: ref('signalId'), options: { type: 'object' } })) },
      features: { description: 'Feature names ("signal:promo", "ngram:check out"), parallel to weights.', ...strings },
      weights: array(number),
      bias: number,
      threshold: ref('unit', 'Probability at which to flag.'),
      trainedOn: object({ threads: ref('count'), comments: ref('count'), labelled: ref('count'), positives: ref('count'), negatives: ref('count') }),
      training: object({
        l2: { type: 'number', minimum: 0 },
        iterations: ref('count'),
        vocabularySize: ref('count'),
        minDocumentFrequency: ref('count'),
        folds: ref('count'),
        loss: number,
        crossValidated: { oneOf: [{ type: 'null' }, object({ f1: ref('unit'), auroc: aurocOrNull })] },
      }),
    }),
  });
}

/** An ISO 8601 date and time, as Date.toISOString() writes it. */
const isoDate = (description: string): Schema => ({ description, type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z$' });

/** `threadsift index stats --format json` (src/seen/maintain.ts IndexStats). */
export function indexStatsSchema(): Schema {
  return withDefinitions({
    $schema: DRAFT,
    title: 'threadsift index stats',
    description: 'What `threadsift index stats FILE --format json` writes: what an index made with `scan --index` holds.',
    ...object({
      file: { type: 'string' },
      bytes: ref('count', 'On disk: the database file and its write-ahead log.'),
      settings: object(
        { threshold: ref('unit'), minWords: ref('count'), numPerm: ref('count'), seed: { type: 'integer' }, shingleSize: ref('count'), bands: ref('count'), rows: ref('count') },
        undefined,
        'The MinHash-LSH settings the index was made with.',
      ),
      runs: ref('count'),
      threads: ref('count'),
      comments: ref('count'),
      sketched: ref('count', 'The first comment of each distinct text long enough to compare.'),
      copies: ref('count', 'Comments whose words a stored comment already had.'),
      short: ref('count', 'Comments under minWords, not compared.'),
      flagged: ref('count'),
      withText: ref('count', 'Stored with their text (--index-texts).'),
      firstSeen: { oneOf: [isoDate('Earliest first-seen date.'), { type: 'null' }] },
      lastSeen: { oneOf: [isoDate('Latest first-seen date.'), { type: 'null' }] },
      bandKeys: object({ main: ref('count'), recent: ref('count') }, undefined, 'LSH band keys in the main table and not yet merged into it.'),
    }),
  });
}

/** One line of `threadsift index export` (src/seen/maintain.ts ExportedComment). */
export function indexExportSchema(): Schema {
  return withDefinitions({
    $schema: DRAFT,
    title: 'threadsift index export line',
    description: 'Each line of `threadsift index export FILE`: one stored comment, in the order stored.',
    ...object(
      {
        id: { description: "The comment's number in the index (what copyOf refers to).", type: 'integer', minimum: 1 },
        source: string("The input's path the comment was read from."),
        thread: { type: 'string' },
        title: { type: 'string' },
        url: { type: 'string' },
        comment: string("The comment's id in its thread."),
        posted: isoDate("The export's own date of the comment, when it had one."),
        indexed: isoDate('When the run that stored it started.'),
        flagged: { type: 'boolean' },
        score: ref('unit'),
        copyOf: { description: 'The first stored comment with the same words, for a copy.', type: 'integer', minimum: 1 },
        text: string('With --index-texts.'),
      },
      ['id', 'source', 'thread', 'title', 'comment', 'indexed', 'flagged', 'score'],
    ),
  });
}
