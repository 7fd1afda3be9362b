/**
 * The shapes the pipeline passes along: a thread and its comments as parsed, and the contract of a signal
 * (its findings, options and context). The report a run writes from them is report-types.ts's; its shapes
 * are exported from here too, so every module names all of them from one place.
 */
import type { OptionsSchema } from './options.js';

export type * from './report-types.js';

/** One comment under an article. Offsets in findings are 0-based, half-open, into `text`. */
export interface Comment {
  /** Stable id: the export's own id, or the 1-based position when the export has none. */
  id: string;
  /** 1-based position in the thread as exported. */
  index: number;
  author?: string;
  createdAt?: string;
  /** Id of the comment this one replies to, when the export records it. */
  parentId?: string;
  text: string;
  /**
   * 1-based line of the input file where the comment starts, when the format has one a user can open
   * (the text dump and CSV: where it starts; a JSONL thread's line). Reporters that point into files use
   * it (GitHub annotations).
   */
  line?: number;
  /** Ground-truth label for `eval`/`train` (true = bot/spam); never used by the detector. */
  label?: boolean;
  /** Export metadata kept for reports (deleted, spam, score...), never used as evidence. */
  meta?: Record<string, string | number | boolean>;
  /** What the platform's own moderation recorded about the comment: evidence for the platform-flag signal. */
  moderation?: ModerationMark[];
}

/** A moderation mark an export carries, read by its parser. */
export interface ModerationMark {
  /**
   * spam: the platform's spam filter or a moderator called it spam. removed: moderators took it down.
   * deleted: deleted while its text survives in the export, by its author or a moderator (exports do not
   * say which).
   */
  kind: 'spam' | 'removed' | 'deleted';
  /** The export's own field and value that say so, as evidence: "isSpam=true", "wp:comment_approved=spam". */
  field: string;
}

/** An article (or post) and the comments under it. */
export interface Thread {
  id: string;
  /** File path the thread came from, or "-" for stdin. */
  source: string;
  title: string;
  body: string;
  url?: string;
  comments: Comment[];
  /** Comment count the export itself declares (a "16 Comments" header, Reddit's num_comments...). */
  declaredCommentCount?: number;
  /** Items the export holds that are not analysed (pingbacks, trackbacks...), counted by kind. */
  excluded?: Record<string, number>;
}

/** What a finding says, as a code and its arguments; the wording comes from the emitting signal's `messages`. */
export interface ReasonCode<C extends string = string> {
  code: C;
  args: Record<string, unknown>;
}

/** Turns a reason's arguments into one plain English sentence for reports. */
export type MessageOf = (args: Record<string, unknown>) => string;

/** Evidence from one signal about one comment. Strength is evidence, not a verdict. */
export interface Finding<C extends string = string> {
  signal: string;
  commentId: string;
  /** 0..1 */
  strength: number;
  reason: ReasonCode<C>;
  /** 0-based, half-open offsets into the comment's text. */
  span?: [number, number];
  /** Other comment ids involved (duplicate partner, echoed parent...). */
  related?: string[];
}

/** A comment's cluster from the run-wide corpus pass, as signals see it. */
export interface CorpusMembership {
  id: string;
  size: number;
  /** Distinct threads the cluster spans (run-wide thread keys). */
  threads: string[];
  representative: string;
  similarity: { min: number; mean: number };
}

/**
 * Where and when the persistent index (`--index FILE`) first saw a comment like this one, under another
 * thread, in an earlier run.
 */
export interface SeenBefore {
  /** The earliest matching comment stored: the input it was read from, its thread and its id. */
  source: string;
  threadId: string;
  threadTitle: string;
  commentId: string;
  /** When it was first seen (ISO 8601): the comment's own date when its export had one, else when it was indexed. */
  date: string;
  /** `posted`: the export's date of the comment; `indexed`: when the run that stored it started. */
  dateKind: 'posted' | 'indexed';
  /** Word-set similarity to that comment (1: the same words). */
  similarity: number;
  /** Matching comments in the index, and the distinct threads they were posted under. */
  copies: number;
  threads: number;
  /**
   * More stored texts shared bands with the comment than a run verifies (a flood of variants): `copies`
   * and `threads` count those verified, so they are lower bounds.
   */
  capped?: boolean;
  /** Whether the earliest matching comment was flagged by the run that stored it. */
  flagged: boolean;
}

/** Per-run context handed to every signal. */
export interface SignalContext<O = object> {
  options: O;
  /** Cross-thread cluster of a comment of this thread, when the run had a corpus pass. */
  corpus?: (commentId: string) => CorpusMembership | undefined;
  /** Earlier sightings of this thread's comments by comment id, for a signal that needs the index. */
  seenBefore?: ReadonlyMap<string, SeenBefore>;
}

/** Settings of the run-wide corpus pass (near-duplicates across threads). */
export interface CorpusSettings {
  /** Word-set Jaccard similarity that links two comments. */
  threshold: number;
  /** Comments with fewer distinct words are not compared. */
  minWords: number;
}

/**
 * What a signal needs from the run beyond the thread (whose article, comments, authors and parent ids
 * every signal reads). The pipeline provides exactly what is declared, so no code outside src/signals
 * names a signal.
 */
export interface SignalNeeds<O> {
  /** The configuration's `extraPhrases` and `phraseFiles` patterns, passed as the option `extraPhrases`. */
  extraPhrases?: true;
  /**
   * A model trained with `threadsift train`, given with `--model` and passed as the option `model`. Such a
   * signal is off until a model is given, and is never itself an input of a trained model.
   */
  model?: true;
  /**
   * The run-wide corpus pass: when the signal is enabled, every comment of the run is indexed with these
   * settings before any thread is analysed, and `ctx.corpus` answers each comment's cross-thread cluster.
   */
  corpus?: (options: O) => CorpusSettings;
  /**
   * The persistent index (`--index FILE`), matched with these settings: each comment is compared with the
   * comments earlier runs stored, and `ctx.seenBefore` answers where each was first seen. Such a signal is
   * off until an index is given, and a report lists it only then.
   */
  index?: (options: O) => CorpusSettings;
}

/** A detector: a plain object, pure, one per file under src/signals. */
export interface Signal<O extends object = object, C extends string = string> {
  /** kebab-case, stable: used in config, JSON output and docs. */
  id: string;
  /** One line. */
  description: string;
  /** Default weight in scoring (0..1); config may override. */
  weight: number;
  defaultOptions: O;
  /** Type and range of each option, checked in configuration and model files (see src/options.ts). */
  optionsSchema: OptionsSchema<O>;
  /**
   * Languages the signal can judge, as ISO 639-3 codes ("eng"); absent: every language. Declare it when
   * the signal reads words of one language (phrase lists, function words, stems): the pipeline then keeps
   * its findings only on comments detected in those languages (undetermined Latin-script text counts as
   * English) and gives every other comment one "not judged: language xx" reason instead.
   */
  languages?: readonly string[];
  /** What the pipeline must pass it (see SignalNeeds); absent: the thread and its options only. */
  needs?: SignalNeeds<O>;
  /**
   * What the thread's summary gathers from its findings: `duplicate-clusters` joins the comments each
   * finding links (`args.links`) into clusters; `agenda-terms` groups comments by `args.term`.
   */
  gathers?: 'duplicate-clusters' | 'agenda-terms';
  /** One sentence per reason code the signal emits: a code without a message does not compile. */
  messages: { readonly [K in C]: MessageOf };
  /**
   * What each reason code means, in one line, for the reference (docs/REFERENCE.md): what was found, why
   * it counts as evidence, and the arguments that carry it. A code without a meaning does not compile.
   */
  meanings: { readonly [K in C]: string };
  analyze(thread: Thread, ctx: SignalContext<O>): Finding<C>[];
}
