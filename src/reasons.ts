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
const PIPELINE_MESSAGES: Readonly<Record<string, MessageOf>> = {
  AUTHOR_ALLOWED: (a) => `author ${quote(a.author)} is allow-listed in the configuration`,
  LANGUAGE_NOT_JUDGED: (a) => `not judged: language ${String(a.language)} (${languageName(a)}), which ${list(a.signals)} cannot read`,
};

/** "Russian"; for an undetermined language, its script ("Cyrillic script, too little text to name the language"). */
function languageName(a: Record<string, unknown>): string {
  const code = String(a.language);
  if (code === 'und') return `${String(a.script)} script, too little text to name the language`;
  return LANGUAGE_NAMES[code] ?? `${String(a.script)} script`;
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
    a.clusters ? plural(a.clusters, 'duplicate cluster') : '',
    a.terms.length ? `off-article terms pushed: ${a.terms.join(', ')}` : '',
  ].filter(Boolean);
  const head = `${a.flagged} of ${a.comments} comments flagged (${Math.round(a.botShare * 100)}%)`;
  const lead = code === 'LIKELY_COORDINATED' ? 'Likely coordinated bot replies' : 'Some likely bot replies';
  return `${lead}: ${head}${extras.length ? `; ${extras.join('; ')}` : ''}.`;
}

