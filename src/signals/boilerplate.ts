import { BOILERPLATE } from '../data/boilerplate.js';
import type { PhraseEntry } from '../data/types.js';
import { threadFeatures } from '../text/features.js';
import { combineWeights, DEFAULT_PHRASE_WEIGHT, matchPhrases } from '../text/phrases.js';
import type { Finding, Signal } from '../types.js';
import { phraseEntries } from '../options.js';
import { quote } from './wording.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type BoilerplateCode = 'BOILERPLATE_PHRASE';

export interface BoilerplateOptions {
  /** Extra entries (from config phrase files) matched after the built-in list. */
  extraPhrases: PhraseEntry[];
}

const combined = new WeakMap<PhraseEntry[], readonly PhraseEntry[]>();

/** The built-in list plus configured extras, built once per configuration (the matcher caches by list). */
function withExtras(extra: PhraseEntry[]): readonly PhraseEntry[] {
  if (extra.length === 0) return BOILERPLATE;
  let list = combined.get(extra);
  if (!list) combined.set(extra, (list = [...BOILERPLATE, ...extra]));
  return list;
}

/** Stock constructions of generic commentary; one finding per match, strength grows with the count. */
export const boilerplate: Signal<BoilerplateOptions, BoilerplateCode> = {
  id: 'boilerplate',
  description: 'Generic stock constructions of low-effort and machine-written commentary',
  weight: 0.55,
  // Its phrase list is English: in another language a match is a coincidence and no match proves nothing.
  languages: ['eng'],
  defaultOptions: { extraPhrases: [] },
  optionsSchema: { extraPhrases: phraseEntries() },
  needs: { extraPhrases: true },
  messages: {
    BOILERPLATE_PHRASE: (a) => `stock phrase ${quote(a.phrase)}: ${String(a.note)}`,
  },
  meanings: {
    BOILERPLATE_PHRASE:
      'A stock construction of generic or machine-written commentary from the boilerplate list (or a user phrase file): `args.phrase` is the match, `args.note` why it is stock; the span marks it in the text.',
  },
  analyze(thread, ctx) {
    const entries = withExtras(ctx.options.extraPhrases);
    const features = threadFeatures(thread);
    const findings: Finding<BoilerplateCode>[] = [];
    thread.comments.forEach((comment, i) => {
      const quotes = features.comments[i]!.quotes;
      const matches = matchPhrases(comment.text, entries).filter(
        (m) => !quotes.some(([s, e]) => m.span[0] < e && s < m.span[1]),
      );
      if (matches.length === 0) return;
      const total = combineWeights(matches.map((m) => m.entry.weight ?? DEFAULT_PHRASE_WEIGHT));
      for (const m of matches) {
        findings.push({
          signal: 'boilerplate',
          commentId: comment.id,
          strength: total,
          reason: {
            code: 'BOILERPLATE_PHRASE',
            args: { phrase: m.text, entry: m.entry.id, note: m.entry.note, source: m.entry.source, matches: matches.length },
          },
          span: m.span,
        });
      }
    });
    return findings;
  },
};
