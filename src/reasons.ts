/**
 * Reasons in words: each signal words its own codes (`messages` in its file, checked by the compiler);
 * this module looks a finding's code up, words the pipeline's own reasons and the thread verdict. Tests
 * assert codes and arguments, never this prose.
 */
import { LANGUAGE_NAMES } from './data/language-names.js';
import { SIGNALS } from './signals/index.js';
import { list, quote } from './signals/wording.js';
import type { MessageOf, ReasonCode, VerdictCode } from './types.js';

/** Reasons the pipeline gives itself, outside any signal. */
const PIPELINE_MESSAGES = {
  AUTHOR_ALLOWED: (a) => `author ${quote(a.author)} is allow-listed in the configuration`,
  LANGUAGE_NOT_JUDGED: (a) => `not judged: language ${String(a.language)} (${languageName(a)}), which ${list(a.signals)} cannot read`,
} as const satisfies Record<string, MessageOf>;

/** "Russian"; for an undetermined language, its script ("Cyrillic script, too little text to name the language"). */
function languageName(a: Record<string, unknown>): string {
  const code = String(a.language);
  if (code === 'und') return `${String(a.script)} script, too little text to name the language`;
  return LANGUAGE_NAMES[code] ?? `${String(a.script)} script`;
}

/** What the pipeline's own reasons mean (see Signal.meanings). */
const PIPELINE_MEANINGS: Readonly<Record<keyof typeof PIPELINE_MESSAGES, string>> = {
  AUTHOR_ALLOWED: 'The author is in the configuration\'s `allowAuthors` (moderators, the article\'s author): the comment is never flagged, whatever its score.',
  LANGUAGE_NOT_JUDGED:
    'The comment is in a language some signals cannot read (`args.language`, ISO 639-3; `args.signals` lists them): they gave no evidence either way (strength 0).',
};

/** One reason code for the reference: the signal that gives it and what it means. */
export interface ReasonCodeInfo {
  code: string;
  /** A signal id, or `config` / `language` for the pipeline's own reasons. */
  signal: string;
  meaning: string;
}

/** Every reason code a report can hold, in registry order, with what it means. */
export function reasonCodes(): ReasonCodeInfo[] {
  return [
    ...SIGNALS.flatMap((signal) => Object.entries(signal.meanings).map(([code, meaning]) => ({ code, signal: signal.id, meaning }))),
    // The pipeline's own reasons, under the pseudo-signals scoring and analysis give them.
    { code: 'AUTHOR_ALLOWED', signal: 'config', meaning: PIPELINE_MEANINGS.AUTHOR_ALLOWED },
    { code: 'LANGUAGE_NOT_JUDGED', signal: 'language', meaning: PIPELINE_MEANINGS.LANGUAGE_NOT_JUDGED },
  ];
}

/** Every code's sentence: each signal's own messages, then the pipeline's. */
const MESSAGES: ReadonlyMap<string, MessageOf> = new Map([
  ...SIGNALS.flatMap((signal) => Object.entries(signal.messages)),
  ...Object.entries(PIPELINE_MESSAGES),
]);

/** One sentence for a reason code; an unknown code (in a report read back from a newer version) stays as it is. */
export function formatReason(reason: ReasonCode): string {
  const make = MESSAGES.get(reason.code);
  return make ? make(reason.args) : reason.code;
}

/** The one-line verdict for a thread. */
export function formatVerdict(
  code: VerdictCode,
  a: { flagged: number; comments: number; botShare: number; clusters: number; terms: string[] },
): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (code === 'NO_COMMENTS') return 'No comments to analyse.';
  if (code === 'CLEAN') return `No likely bot replies among ${plural(a.comments, 'comment')}.`;
  const extras = [
    // Clusters hold copies and paraphrases alike: "similar", since a paraphrase is no duplicate.
    a.clusters ? `${plural(a.clusters, 'cluster')} of similar comments` : '',
    a.terms.length ? `off-article terms pushed: ${a.terms.join(', ')}` : '',
  ].filter(Boolean);
  const head = `${a.flagged} of ${a.comments} comments flagged (${Math.round(a.botShare * 100)}%)`;
  const lead = code === 'LIKELY_COORDINATED' ? 'Likely coordinated bot replies' : 'Some likely bot replies';
  return `${lead}: ${head}${extras.length ? `; ${extras.join('; ')}` : ''}.`;
}

