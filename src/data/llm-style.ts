/**
 * Stylistic markers of machine-written commentary, model-free. Each marker is a test on one comment's
 * text with a note and a source. Only markers whose lift (share of machine texts showing it over share
 * of human texts showing it) measured above 1 on the development sets are kept; `bench/marker-lift.mjs`
 * re-measures them and prints the table, including the candidates that were dropped.
 */

/** How a marker is tested on a text. */
export type StyleTest =
  /** At least `min` occurrences of the listed words (lower-case, whole tokens). */
  | { kind: 'words'; words: readonly string[]; min: number }
  /** The pattern matches at least once ("giu" flags, or "gu" when caseSensitive). */
  | { kind: 'pattern'; pattern: string; caseSensitive?: boolean }
  /** The pattern matches nowhere: something human writing usually has is missing. */
  | { kind: 'absent'; pattern: string; caseSensitive?: boolean }
  /** At least `minSentences` sentences whose word counts vary little (coefficient of variation ≤ max). */
  | { kind: 'uniform-sentences'; minSentences: number; maxVariation: number }
  /** Mean sentence length, in words, within [min, max]. */
  | { kind: 'sentence-length'; min: number; max: number };

/** One stylistic marker: data, tested by the llm-style signal. */
export interface StyleMarker {
  /** kebab-case, unique. */
  id: string;
  /** A few words naming what was seen, for the one-line reason ("no contractions"). */
  label: string;
  test: StyleTest;
  /** Why the marker is evidence, shown to the moderator. */
  note: string;
  /** Where the marker was published or measured. */
  source: string;
  /**
   * Measured lift: share of machine-written texts showing the marker over share of human texts showing
   * it (GRiD, texts the signal judges). Markers combine as independent evidence: their log-lifts add.
   */
  lift: number;
}

const LIANG = 'Liang et al. 2024, "Monitoring AI-Modified Content at Scale" (arXiv:2403.07183): adjectives LLMs over-use';
const HC3 = 'Guo et al. 2023, HC3 (arXiv:2301.07597): ChatGPT answers are organised, neutral, formal, and avoid first-person opinion';
const MUNOZ = 'Muñoz-Ortiz et al. 2024, "Contrasting Linguistic Patterns in Human and LLM-Generated News Text" (arXiv:2308.09067): LLM sentences vary less in length';
const LIFT = 'threadsift maintainers: lift measured on GRiD (GPT-3.5 vs human Reddit answers), bench/marker-lift.mjs';

/** The kept markers, in report order. */
export const LLM_STYLE: readonly StyleMarker[] = [
  {
    id: 'formal-connective',
    label: 'essay connectives and stock adjectives',
    test: {
      kind: 'words',
      min: 1,
      words: [
        'additionally', 'furthermore', 'moreover', 'overall', 'ultimately', 'notably', 'consequently', 'nevertheless',
        'significant', 'significantly', 'various', 'numerous', 'crucial', 'essential', 'comprehensive', 'potential',
        'enhance', 'enhancing', 'facilitate', 'facilitated', 'complexities', 'insights', 'valuable', 'landscape',
      ],
    },
    note: 'formal connectives and stock adjectives of assistant prose (additionally, furthermore, significant, various...)',
    source: LIANG,
    lift: 2.11,
  },
  {
    id: 'hedged-balance',
    label: 'hedged balance',
    test: {
      kind: 'pattern',
      pattern:
        "\\bhowever,|\\bon the other hand\\b|\\bthat said,|\\bwhile (?:it|this|there|some|many|the|they|these|he|she) [^.?!]{3,80}?,|\\bit(?: is|'s) (?:also )?(?:important|worth|essential|crucial) to\\b|\\bto some (?:extent|degree)\\b|\\b(?:it|this) (?:is|was) not (?:solely|simply|just|entirely)\\b",
    },
    note: 'hedged balance: names both sides, argues neither ("While …, …", "However, …")',
    source: HC3,
    lift: 2.25,
  },
  {
    id: 'no-first-person',
    label: 'no first person',
    test: { kind: 'absent', pattern: "\\b(?:i|me|my|mine|myself|i'm|i've|i'd|i'll|im|ive)\\b" },
    note: 'no first-person experience or opinion',
    source: HC3,
    lift: 2.23,
  },
  {
    id: 'no-contractions',
    label: 'no contractions',
    test: { kind: 'absent', pattern: "\\b(?:\\w+n't|i'm|you're|we're|they're|it's|that's|there's|i've|you've|we've|i'll|you'll|i'd|let's|what's)\\b" },
    note: 'no contractions: written, not spoken, register',
    source: HC3,
    lift: 2.2,
  },
  {
    id: 'no-informal-register',
    label: 'no informal register',
    test: {
      kind: 'absent',
      pattern:
        "\\b(?:lol|lmao|omg|wtf|gonna|wanna|gotta|kinda|sorta|yeah|yep|nope|dude|haha\\w*|tbh|imo|imho|btw|idk|smh|ya|y'all|ain't|ok|okay|hmm+|damn|shit|fuck\\w*|crap|cuz)\\b|!|\\?{2,}|\\.{4,}|[:;]-?[)(DP]|[\\u{1F300}-\\u{1FAFF}\\u{2600}-\\u{27BF}]",
    },
    note: 'no informal register: no slang, swearing, exclamations or emoticons',
    source: HC3,
    lift: 1.32,
  },
  {
    id: 'proper-capitalisation',
    label: 'every sentence capitalised',
    test: { kind: 'absent', caseSensitive: true, pattern: "(?:^|[.!?]\\s+)[a-z]|(?<![\\w'])i(?![\\w])" },
    note: 'every sentence capitalised, no lower-case "i": edited, typo-free text',
    source: HC3,
    lift: 1.27,
  },
  {
    id: 'no-questions',
    label: 'no questions',
    test: { kind: 'absent', pattern: '\\?' },
    note: 'asks nothing: states, never wonders',
    source: HC3,
    lift: 1.33,
  },
  {
    id: 'uniform-sentences',
    label: 'sentences of one length',
    test: { kind: 'uniform-sentences', minSentences: 3, maxVariation: 0.3 },
    note: 'sentences of nearly the same length',
    source: MUNOZ,
    lift: 6.23,
  },
  {
    id: 'triplet-list',
    label: 'lists of three',
    test: { kind: 'pattern', pattern: "\\b[\\w'-]+(?: [\\w'-]+)?, [\\w'-]+(?: [\\w'-]+)?, and [\\w'-]+" },
    note: 'a list of three with a serial comma ("food, water, and shelter")',
    source: LIFT,
    lift: 1.53,
  },
  {
    id: 'ends-with-period',
    label: 'ends on a full stop',
    test: { kind: 'absent', pattern: '[^.\\s]\\s*$' },
    note: 'ends on a full stop, as edited prose does; comments often trail off',
    source: LIFT,
    lift: 1.34,
  },
];
