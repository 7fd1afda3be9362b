/**
 * Word lists the machine-text detector counts (src/detector/features.ts). Each list names a habit of
 * machine or human writing that the literature reports across genres; none is taken from a data set's
 * rows. The detector fits how much each list counts; the direction (machine or human) is fixed here.
 */

/** A list of lower-case words, with what it shows and where the habit was reported. */
export interface StyleLexicon {
  id: string;
  words: readonly string[];
  note: string;
  source: string;
}

const split = (s: string): readonly string[] => s.trim().split(/\s+/);

/**
 * Vocabulary that assistant models over-use against human writing of the same kind: formal connectives,
 * evaluative adjectives, abstract verbs of improvement.
 */
export const ASSISTANT_VOCABULARY: StyleLexicon = {
  id: 'assistant-vocabulary',
  words: split(`
    additionally furthermore moreover notably consequently ultimately overall particularly essentially
    crucial vital pivotal essential significant significantly substantial comprehensive various numerous
    diverse potential valuable invaluable intricate intricacies complexities nuanced multifaceted
    robust seamless seamlessly innovative dynamic vibrant profound remarkable noteworthy commendable
    meticulous meticulously unwavering paramount holistic transformative
    enhance enhances enhancing enhanced facilitate facilitates fostering foster fosters ensure ensures ensuring
    leverage leveraging utilize utilizing underscore underscores underscoring highlight highlights highlighting
    showcase showcases showcasing delve delves delving navigate navigating embark bolster bolstering
    streamline optimize empower empowering cultivate resonate resonates
    landscape realm tapestry journey insights insight endeavor endeavors framework
    interplay testament beacon cornerstone synergy trajectory paradigm
  `),
  note: 'words assistant models use far more often than people writing the same kind of text',
  source:
    'Liang et al. 2024, "Monitoring AI-Modified Content at Scale" (arXiv:2403.07183); Kobak et al. 2024, "Delving into ChatGPT usage in academic writing through excess vocabulary" (arXiv:2406.07016)',
};

/**
 * The upbeat, rallying register that chat models fall into when asked to write a post or a reply:
 * collective calls, hope and unity, "make your voice heard".
 */
export const RALLYING_VOCABULARY: StyleLexicon = {
  id: 'rallying-vocabulary',
  words: split(`
    together unite united unity future hope hopeful inspiring inspired inspire empowered
    voices voice heard matters matter stand standing strong stronger brighter forward progress
    let's join celebrate grateful thrilled excited embrace community communities
    every everyone informed engaged democracy integrity transparency accountability
  `),
  note: 'the upbeat, rallying register models use when told to write a social-media post',
  source:
    'Muñoz-Ortiz et al. 2024, "Contrasting Linguistic Patterns in Human and LLM-Generated News Text" (arXiv:2308.09067): LLM text is more positive and less varied in emotion',
};

/** What people write when they think aloud: hedges, fillers and vague words that edited prose removes. */
export const CONVERSATIONAL_HEDGES: StyleLexicon = {
  id: 'conversational-hedges',
  words: split(`
    think guess probably maybe actually basically literally honestly seriously anyway anyways stuff
    pretty totally really just kinda sorta whatever thing things idea sure okay yeah mean
  `),
  note: 'hedges and fillers of spontaneous writing (I think, probably, actually, stuff)',
  source: 'Guo et al. 2023, HC3 (arXiv:2301.07597): human answers are more colloquial, with hedges and personal opinion',
};

/** Every list, for the reference and the list checks. */
export const STYLE_LEXICONS: readonly StyleLexicon[] = [ASSISTANT_VOCABULARY, RALLYING_VOCABULARY, CONVERSATIONAL_HEDGES];
