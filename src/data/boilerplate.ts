/**
 * Stock constructions of low-effort and machine-written commentary. General constructions only: each
 * pattern generalises a family of phrasings; none is a sentence lifted from an evaluation set or the seed.
 */
import type { PhraseEntry } from './types.js';

const ISSUE = 'threadsift issue #2: named stock constructions of generic bot commentary';
const GRID = 'threadsift maintainers: n-gram lift of GPT-3.5 answers over human answers in GRiD (madlab-ucr/GriD)';
const HC3 = 'HC3 indicating words for ChatGPT (Guo et al. 2023, arXiv:2301.07597)';
const READING = 'threadsift maintainers: reading of LLM-written news and forum comments';

export const BOILERPLATE: readonly PhraseEntry[] = [
  // Speculation about the future that commits to nothing.
  { id: 'interesting-to-see', pattern: "\\b(?:it will be|it'll be|it is|it's|will be) (?:interesting|intriguing|fascinating|worth watching) to (?:see|watch|observe)\\b", note: 'promises interest in an outcome without saying anything about it', source: ISSUE },
  { id: 'only-time-will-tell', pattern: '\\bonly time will tell\\b', note: 'closes without a claim', source: ISSUE },
  { id: 'remains-to-be-seen', pattern: '\\b(?:it )?remains to be seen\\b', note: 'closes without a claim', source: READING, weight: 0.35 },
  { id: 'curious-to-see', pattern: "\\bi'?m (?:curious|eager|keen) to see (?:how|what|whether|if)\\b", note: 'performed curiosity with no content', source: READING },
  { id: 'evolves-going-forward', pattern: '\\b(?:evolves?|unfolds?|develops?|plays? out) (?:going forward|in the coming (?:years|months)|in the years ahead|over time)\\b', note: 'vague horizon instead of a prediction', source: READING },
  // Watching briefs: the commenter recommends monitoring instead of saying something.
  { id: 'crucial-to-monitor', pattern: '\\b(?:crucial|important|essential|vital|key|worth|important dynamic) to (?:monitor|watch|follow|observe|keep an eye on)(?: closely)?\\b', note: 'recommends watching instead of saying something', source: ISSUE },
  { id: 'warrants-close-attention', pattern: '\\bwarrants? (?:close |careful |further )?(?:attention|observation|scrutiny|monitoring|consideration)\\b', note: 'recommends watching instead of saying something', source: READING },
  { id: 'careful-management', pattern: '\\brequire (?:careful|thoughtful|delicate) (?:management|navigation|consideration|handling)\\b', note: 'generic call for care', source: READING },
  // Significance inflation without specifics.
  { id: 'far-reaching-implications', pattern: '\\b(?:far-reaching|wide-ranging|significant|major|broader|potential|profound) (?:implications|ramifications|consequences)\\b', note: 'asserts significance without naming any', source: ISSUE },
  { id: 'bold-move', pattern: '\\ba (?:bold|savvy|smart|shrewd|strategic|calculated|wise|clever) move\\b', note: 'stock verdict on an action', source: ISSUE },
  { id: 'significant-shift', pattern: '\\b(?:signal|signals|mark|marks|represent|represents) a (?:significant|major|fundamental|notable|seismic) shift\\b', note: 'asserts a turning point without evidence', source: READING },
  { id: 'notable-development', pattern: '\\ba (?:notable|fascinating|significant|interesting|noteworthy|welcome|concerning|worrying) development\\b', note: 'labels news instead of engaging with it', source: READING },
  { id: 'complex-and-multifaceted', pattern: '\\b(?:complex|nuanced|intricate) and multifaceted\\b', note: 'LLM stock pairing', source: READING },
  { id: 'underscores-importance', pattern: '\\b(?:underscores?|highlights?|underlines?) the (?:strategic |growing |critical )?(?:importance|significance)\\b', note: 'restates that something matters', source: READING, weight: 0.35 },
  { id: 'shifting-landscape', pattern: '\\b(?:shifting|evolving|changing|complex) (?:geopolitical |global |political )?landscape\\b', note: 'stock scene-setting', source: READING, weight: 0.3 },
  { id: 'potential-to-reshape', pattern: '\\b(?:has the potential|is poised|stands?|could|may) to (?:reshape|redefine|transform|revolutionize)\\b', note: 'hypes an unnamed transformation', source: READING },
  { id: 'game-changer', pattern: '\\b(?:a )?game[- ]changer\\b', note: 'stock hype', source: READING, weight: 0.3 },
  // Hedged balance: both sides named, neither argued.
  { id: 'raises-concerns', pattern: '\\b(?:however|but|that said),? (?:it|this) (?:also )?raises (?:concerns|questions)\\b', note: 'hedged balance: a concern raised, never argued', source: READING },
  { id: 'opportunities-and-risks', pattern: '\\b(?:both )?(?:opportunities and (?:risks|challenges)|risks and opportunities|challenges and opportunities)\\b', note: 'hedged balance with no content', source: READING, weight: 0.35 },
  { id: 'while-it-is-true', pattern: "\\bwhile it(?: is|'s) true that\\b", note: 'concessive LLM opener', source: GRID },
  { id: 'important-to-note', pattern: "\\bit(?: is|'s) (?:important|worth|crucial) (?:to note|noting|to remember|to consider) that\\b", note: 'LLM hedge', source: GRID },
  { id: 'attributed-to-factors', pattern: '\\b(?:can|could) be attributed to (?:several|a (?:combination|number|variety) of|many|various) (?:factors|reasons)?', note: 'explains by unnamed factors', source: GRID },
  { id: 'combination-of-factors', pattern: '\\ba (?:combination|variety|number) of factors\\b', note: 'explains by unnamed factors', source: GRID, weight: 0.35 },
  { id: 'there-are-several', pattern: '\\b(?:there are|here are) (?:several|a few|many|a number of) (?:ways|reasons|factors|options|tips|steps|things)\\b', note: 'list-announcing assistant opener', source: HC3 },
  { id: 'assistant-sign-off', pattern: "\\b(?:let me know if you have any|if you have any (?:more |other )?questions|feel free to ask|i hope this helps)\\b", note: 'assistant sign-off pasted into a comment', source: HC3, weight: 0.6 },
  { id: 'as-an-ai', pattern: '\\bas an ai(?: language model)?\\b|\\bai language model\\b', note: 'model self-reference pasted into a comment', source: HC3, weight: 0.9 },
  { id: 'in-todays-world', pattern: "\\bin today's (?:fast-paced |rapidly changing |interconnected |modern )?(?:world|society|age)\\b", note: 'stock scene-setting', source: READING, weight: 0.35 },
  { id: 'plays-a-crucial-role', pattern: '\\bplays? (?:a|an) (?:crucial|pivotal|vital|key|significant|important) role\\b', note: 'LLM stock predicate', source: READING, weight: 0.3 },
  { id: 'testament-to', pattern: '\\ba testament to\\b', note: 'LLM stock predicate', source: READING, weight: 0.35 },
  { id: 'delve-into', pattern: '\\bdelv(?:e|es|ing) (?:into|deeper)\\b', note: 'vocabulary LLMs over-use', source: READING, weight: 0.35 },
  { id: 'navigate-complexities', pattern: '\\bnavigat(?:e|es|ing) (?:the )?(?:complexities|complex|challenges|intricacies)\\b', note: 'vocabulary LLMs over-use', source: READING, weight: 0.35 },
  { id: 'great-article', pattern: '^(?:great|nice|good|excellent|amazing|awesome|wonderful|informative|interesting) (?:article|post|read|video|content|write-?up|piece)\\b', note: 'generic praise that fits any page', source: READING, weight: 0.35 },
  { id: 'thanks-for-sharing', pattern: '\\bthanks? (?:you )?for (?:sharing|posting|this (?:article|post|information|info))\\b', note: 'generic praise that fits any page', source: READING, weight: 0.35 },
];
