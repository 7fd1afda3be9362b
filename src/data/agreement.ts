/**
 * Openers that agree with the comment before: the first half of an echo reply, a bot move that fills a
 * thread with "conversation" by restating what was just said. Matched at the start of a comment only.
 */
import type { PhraseEntry } from './types.js';

const ISSUE = 'threadsift issue #2: echo replies open with agreement';
const READING = 'threadsift maintainers: reading of reply bots in comment sections';

export const AGREEMENT_OPENERS: readonly PhraseEntry[] = [
  { id: 'you-are-right', pattern: "^(?:you(?:'re| are) (?:absolutely |so |quite |totally )?(?:right|correct))\\b", note: 'agrees before restating', source: ISSUE },
  { id: 'absolutely', pattern: '^absolutely\\b[.!,]', note: 'one-word agreement opener', source: ISSUE },
  { id: 'agreed', pattern: '^(?:agreed|(?:i )?(?:totally |completely |fully |strongly )?agree)(?:[.!,:;]| with (?:you|this|that|your point|the above)\\b| 100%)', note: 'agreement opener', source: ISSUE },
  { id: 'indeed', pattern: '^indeed\\b[.!,]', note: 'agreement opener', source: ISSUE },
  { id: 'good-point', pattern: '^(?:(?:excellent|great|good|fair|valid|interesting|strong|important) point|you make (?:a|an) (?:fair|good|great|valid|excellent|important|interesting|strong) point|you raise (?:a|an) [a-z]+ point)\\b', note: 'compliments the point it repeats', source: ISSUE },
  { id: 'well-said', pattern: "^(?:well said|well put|couldn't agree more|could not agree more|spot on|precisely|exactly)\\b", note: 'agreement opener', source: READING },
  { id: 'thats-right', pattern: "^(?:that's (?:right|true|a (?:great|good|fair) point)|so true|very true|true,)\\b", note: 'agreement opener', source: READING, weight: 0.35 },
];
