/**
 * All English wording of reasons lives here: signals emit a code and arguments, this module turns them
 * into one plain sentence for reports. Tests assert codes and arguments, never this prose.
 */
import type { ReasonCode, VerdictCode } from './types.js';

type Args = Record<string, unknown>;

const pct = (x: unknown) => `${Math.round(Number(x) * 100)}%`;
const quote = (x: unknown) => `“${String(x)}”`;
const list = (x: unknown) => (Array.isArray(x) ? x.map(String).join(', ') : String(x));
const ids = (x: unknown) => (Array.isArray(x) ? x.map((v) => `#${String(v)}`).join(', ') : `#${String(x)}`);

const MESSAGES: Record<string, (a: Args) => string> = {
  EXACT_DUPLICATE: (a) => `same text as comment #${String(a.partner)}${othersSuffix(a)}`,
  NEAR_DUPLICATE: (a) =>
    `${pct(a.similarity)} similar to comment #${String(a.partner)}${a.sharedText ? `, sharing ${quote(a.sharedText)}` : ''}${othersSuffix(a)}`,
  PARAPHRASE: (a) =>
    `paraphrases comment #${String(a.partner)} (${pct(a.similarity)} of weighted words shared${a.sharedText ? `, incl. ${quote(a.sharedText)}` : ''})${othersSuffix(a)}`,
  DOUBLE_POST: (a) =>
    `${pct(a.similarity)} the same as comment #${String(a.partner)} — one more copy would make a campaign; two may be a double post`,
  CROSS_THREAD_DUPLICATE: (a) =>
    `also posted under ${Number(a.threads) - 1} other thread${Number(a.threads) === 2 ? '' : 's'} (${String(a.size)} copies in all, cross-thread cluster ${String(a.cluster)})`,
  BOILERPLATE_PHRASE: (a) => `stock phrase ${quote(a.phrase)}: ${String(a.note)}`,
  ECHO_REPLY: (a) => `opens with agreement (${quote(a.opener)}) in reply to #${String(a.parent)}`,
  ECHO_REPLY_RESTATES: (a) =>
    `opens with agreement (${quote(a.opener)}) and restates #${String(a.parent)} (${list(a.sharedTerms)})`,
  UNGROUNDED: (a) =>
    `mentions nothing specific to the article${(a.topicTerms as unknown[]).length ? ` beyond its topic (${list(a.topicTerms)})` : ''}; the article's specifics include ${list(a.articleSpecifics)}`,
  WEAKLY_GROUNDED: (a) =>
    `mentions only one specific of the article (${list(a.specificsMentioned)}); the rest could sit under any article on the topic`,
  AGENDA_TERM: (a) => `pushes ${quote(a.term)}, repeated in ${String(a.comments)} comments but absent from the article`,
  AUTHOR_ALLOWED: (a) => `author ${quote(a.author)} is allow-listed in the configuration`,
  PROMO_LINK: (a) => {
    const marks = (a.marks as Array<{ note: string }> | undefined) ?? [];
    return `link ${quote(a.text)}: ${[String(a.note), ...marks.map((m) => m.note)].join('; ')}`;
  },
  PROMO_SELF: (a) => `self-promotion ${quote(a.text)}: ${String(a.note)}`,
  PROMO_CALL_TO_ACTION: (a) => `call to action ${quote(a.text)}: ${String(a.note)}`,
  PROMO_MONEY: (a) => `money bait ${quote(a.text)}: ${String(a.note)}`,
  PROMO_CONTACT: (a) => `contact handle ${quote(a.text)}: ${String(a.note)}`,
  PROMO_OFFER: (a) => `offer ${quote(a.text)}: ${String(a.note)}`,
  PROMO_PRICE: (a) => `price ${quote(a.text)}: ${String(a.note)}`,
  PROMO_TERMS: (a) => `small print ${quote(a.text)}: ${String(a.note)}`,
  PROMO_REFERENCE_LINK: (a) => `reference link ${quote(a.text)}: ${String(a.note)} (weak evidence)`,
  PROMO_LINK_FLOOD: (a) => `${String(a.links)} links, the first ${quote(a.text)}: ${String(a.note)}`,
  PROMO_REPEATED_LINK: (a) => `link ${quote(a.text)} posted in ${String(a.comments)} comments: ${String(a.note)}`,
  PROMO_REPEATED_SITE: (a) => `link ${quote(a.text)} to ${String(a.site)}, linked from ${String(a.comments)} comments: ${String(a.note)}`,
  LLM_STYLE: (a) => {
    const shown = a.evidence as Array<{ kind: string; label: string; text?: string[] }>;
    const style = shown.filter((e) => e.kind === 'style').map((e) => (e.text?.length ? `${e.label} (${e.text.map(quote).join(', ')})` : e.label));
    const words = shown.filter((e) => e.kind === 'word').map((e) => quote(e.label));
    const parts = [...style, ...(words.length ? [`the word${words.length > 1 ? 's' : ''} ${words.join(', ')}`] : [])];
    return `reads as machine-written (${pct(a.probability)} by style)${parts.length ? `: ${parts.join('; ')}` : ''}`;
  },
  MODEL_PROBABILITY: (a) => {
    const features = (a.features as Array<{ feature: string }>).map((f) => f.feature.replace(/^ngram:/, '').replace(/^signal:/, 'signal '));
    return `trained model: ${pct(a.probability)} likely a bot${features.length ? `, mostly from ${list(features.map(quote))}` : ''}`;
  },
  PLATFORM_SPAM: (a) => `the platform marked it spam (${String(a.field)} in the export)`,
  PLATFORM_REMOVED: (a) => `moderators removed it (${String(a.field)} in the export)`,
  PLATFORM_DELETED: (a) => `deleted on the platform, by its author or a moderator (${String(a.field)} in the export)`,
  SELF_DECLARED_BOT: (a) => `says it is a bot: ${quote(a.phrase)} (${String(a.note)})`,
  LANGUAGE_NOT_JUDGED: (a) => `not judged: language ${String(a.language)} (${languageName(a)}), which ${list(a.signals)} cannot read`,
  PROMO_AUTHOR_REPEAT: (a) =>
    `${quote(a.author)} posted this ${Number(a.copies) > 2 ? `${String(a.copies)} times` : 'twice'} (${pct(a.similarity)} the same as #${String(a.partner)})`,
};

// Made on first use: building it loads ICU's display names (~15–50 ms), which most runs never need.
let languageNames: Intl.DisplayNames | undefined;

/** "Russian"; for an undetermined language, its script ("Cyrillic script, too little text to name the language"). */
function languageName(a: Args): string {
  const code = String(a.language);
  if (code === 'und') return `${String(a.script)} script, too little text to name the language`;
  let name: string | undefined;
  try {
    name = (languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })).of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? name : `${String(a.script)} script`;
}

function othersSuffix(a: Args): string {
  const links = a.links as Array<{ id: string }> | undefined;
  if (!links || links.length <= 1) return '';
  return ` (also ${ids(links.slice(1).map((l) => l.id))})`;
}

/** One sentence for a reason code; unknown codes (from a newer signal) fall back to the code itself. */
export function formatReason(reason: ReasonCode): string {
  const make = MESSAGES[reason.code];
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

