/**
 * Constructions of promotional spam: in comment sections (links, self-promotion, calls to action, money
 * and giveaway bait, contact handles) and in unsolicited text messages (prize and claim bait,
 * premium-rate numbers and short codes, paid-service offers and their small print); the reference sites
 * a link may cite. General constructions only: each pattern describes a family of phrasings (any
 * channel, any site, any amount); none is a sentence lifted from an evaluation set.
 */
import type { PhraseEntry } from './types.js';

/** What a promotional construction does; each kind has its own reason code. */
export type PromoKind = 'link' | 'self-promotion' | 'call-to-action' | 'money' | 'offer' | 'price' | 'terms' | 'contact';

/**
 * How much one match proves on its own. One link, one handle or one call to action is what people
 * write every day; a spam pattern is not.
 * - `pattern`: a known spam construction (sub4sub, "check out my channel", prize and claim bait, a
 *   premium-rate short code): evidence enough alone.
 * - `cue`: alone it never flags a comment; two cues of different kinds do (a link beside a call to
 *   action, a price beside an opt-out), as does a link repeated across the thread's comments.
 * - `supporting`: ordinary alone (an @reply, a platform's own photo link); adds a little beside
 *   another construction and never counts as one of two cues.
 */
export type PromoRole = 'pattern' | 'cue' | 'supporting';

/** A promo entry: a phrase entry plus the kind of promotion it shows and how much it proves alone. */
export interface PromoEntry extends PhraseEntry {
  kind: PromoKind;
  role: PromoRole;
}

const TUBESPAM = 'TubeSpam (Alberto, Lochter & Almeida, ICMLA 2015): self-promotion and link spam in video comments';
const SPAM_FILTERS = 'SpamAssassin rule families (URI, FREEMAIL, money and advance-fee bait), spamassassin.apache.org';
const PLATFORM = 'YouTube Community Guidelines, "Spam, deceptive practices & scams": links, sub4sub, giveaway and contact scams';
const ENGAGEMENT_BAIT = 'Facebook Newsroom, "Fighting Engagement Bait on Facebook" (2017): react, share, tag and vote baiting';
const READING = 'threadsift maintainers: reading of moderation queues of video and news comment sections';
const SMS_SPAM = 'Almeida, Gómez Hidalgo & Yamakami, "Contributions to the Study of SMS Spam Filtering" (DocEng 2011): prize, premium-rate and subscription families of mobile spam';
const PREMIUM_RATE = "Ofcom, UK National Telephone Numbering Plan and Phone-paid Services Authority code: 09 premium rate, 087/084 and 070 non-geographic, 0800/0808 freephone, 5-digit shortcodes; the US 1-900 and 1-8xx equivalents";
const ADVANCE_FEE = 'SpamAssassin rule families for lottery and advance-fee bait (LOTTO_*, ADVANCE_FEE_*, "you have been selected"), spamassassin.apache.org';

// Platforms people send traffic to; kept apart so the promo patterns read as sentences.
const PLATFORMS = 'youtube|facebook|instagram|insta|twitter|tiktok|soundcloud|twitch|snapchat|vimeo|spotify|itunes|bandcamp';
// An account named the way the platforms write it: @name, or Google+ and YouTube's +Name.
const HANDLE = '(?:@[a-z0-9_]{3,30}|\\+[a-z][a-z0-9_]{2,30})\\b(?![.@])';
// Things a commenter promotes: their channel and what is on it.
const CONTENT = 'channel|chanel|chanell|canal|videos?|vids?|vidios?|vlogs?|clips?|songs?|tracks?|singles?|covers?|mixtapes?|music|sounds?|raps?|freestyles?|remix(?:es)?|mix(?:es)?|beats|stream|playlist|album|page|blog|website|site|profile|account|shop|store|art|stuff|content|band';

/** The promo list, most specific first: the first entry wins where two matches overlap. */
export const PROMO: readonly PromoEntry[] = [
  // An address is the most specific construction: matched first, so its domain is not taken for a link.
  { id: 'email-address', kind: 'contact', pattern: '\\b[\\w.+-]{1,64}@[\\w-]{1,63}\\.[a-z]{2,24}\\b', needs: '@', note: 'an e-mail address', source: SPAM_FILTERS, weight: 0.6, role: 'cue' },
  // Links: a comment that sends readers elsewhere.
  { id: 'platform-share-link', kind: 'link', pattern: '\\bhttps?://(?:t\\.co|youtu\\.be|redd\\.it|pic\\.twitter\\.com|x\\.com/\\w+/status|twitter\\.com/\\w+/status)/[^\\s<>"\\]]*', note: "a platform's own short link (an attached photo, a shared post or video): usually sharing, seldom advertising", source: READING, weight: 0.2, role: 'supporting' },
  { id: 'promo-destination', kind: 'link', pattern: '\\b(?:https?://)?(?:www\\.|m\\.)?(?:facebook|fb|instagram|twitter|soundcloud|twitch|tiktok|reverbnation|bandcamp|datpiff|teespring|sunfrogshirts|ebay|etsy|amazon|gofundme|kickstarter|indiegogo|patreon|paypal|bit|goo|tinyurl|ow|adf|shorte)\\.(?:com|tv|me|ly|gl|st|net|co)/[^\\s<>"\\]]*[^\\s<>"\\]).,;:!?\']', note: 'a link to a social profile, shop, fundraiser or link shortener: where self-promotion points', source: TUBESPAM, weight: 0.65, role: 'cue' },
  { id: 'url', kind: 'link', pattern: '\\b(?:https?://|www\\.)[^\\s<>"\\]]*[^\\s<>"\\]).,;:!?\']', note: 'sends readers to another page', source: TUBESPAM, weight: 0.5, role: 'cue' },
  { id: 'domain-path', kind: 'link', pattern: '\\b[a-z0-9][a-z0-9-]{1,62}\\.[a-z]{2,6}/[^\\s<>"\\]]*[^\\s<>"\\]).,;:!?\']', needs: '\\.[a-z]{2,6}/', note: 'a web address with a path, written without http', source: SPAM_FILTERS, weight: 0.5, role: 'cue' },
  { id: 'bare-domain', kind: 'link', pattern: '\\b[a-z0-9][a-z0-9-]{1,62}\\s{0,2}(?:\\.|\\(dot\\)|\\[dot\\])\\s{0,2}(?:com|net|org|info|biz|ly|tv|io|ru|xyz)\\b(?:/[^\\s<>"\\]]*)?', needs: '(?:\\.|\\(dot\\)|\\[dot\\])\\s{0,2}(?:com|net|org|info|biz|ly|tv|io|ru|xyz)\\b', note: 'a web address written without http, often spaced out to dodge link filters', source: SPAM_FILTERS, weight: 0.5, role: 'cue' },
  { id: 'video-path', kind: 'link', pattern: '(?:^|[\\s/])/?watch\\?v=[\\w-]{6,}', note: 'a pasted video address', source: TUBESPAM, weight: 0.45, role: 'cue' },
  { id: 'platform-share-text', kind: 'link', pattern: `\\b(?:check out|take a look at|look at|watch) (?:this|my|our) (?:video|playlist|channel|song|track|page|photo|post) on (?:${PLATFORMS}|you ?tub?)\\b`, note: "a platform's share-button text pasted as a comment (the platform's name may be cut off)", source: TUBESPAM, weight: 0.6, role: 'pattern' },
  // Self-promotion: the commenter advertises themselves.
  { id: 'sub-for-sub', kind: 'self-promotion', pattern: '\\b(?:sub(?:scribe)?|follow|like|view) ?(?:4|for|4 a|for a) ?(?:sub|follow|like|view)\\b|\\b(?:i\'?ll|i will|we\'?ll|we will|i always|always) (?:sub(?:scribe)?|follow|like) (?:you |u |everyone |all )?back\\b', note: 'subscription trading (sub4sub)', source: PLATFORM, weight: 0.8, role: 'pattern' },
  // A handle right after the request: the account to subscribe to, named.
  { id: 'subscribe-to-handle', kind: 'call-to-action', pattern: `\\b(?:subscribe|suscribe|subcribe|sub)\\s{1,3}(?:to\\s{1,3})?${HANDLE}`, note: 'asks readers to subscribe to an account it names: a channel advertised by its handle', source: PLATFORM, weight: 0.7, role: 'pattern' },
  // The words may be spread apart by runs of dots or stars, the way spam dodges word filters (one full
  // stop is a sentence ending: "I subscribed. To my surprise").
  { id: 'subscribe-to-me', kind: 'self-promotion', pattern: '\\b(?:subscrib|suscrib|subcrib|subscib|sucscrib)\\w*(?:\\s{1,3}(?:to\\s{1,3}|a\\s{1,3})?|\\s{0,3}[.…*~_-]{2,12}[\\s.…*~_-]{0,16}to(?:\\s{0,3}[.…*~_-]{2,12}\\s{0,3}|\\s{1,3}))(?:me|my|us|our|this channel|mi)\\b|\\bsub\\s{1,3}(?:to\\s{1,3})?(?:me|my|us|our)\\b|\\b(?:subscribe|suscribe|subcribe|sub)\\s{1,3}(?:for|4)\\s{1,3}(?:me|us)\\b', note: 'asks for subscribers', source: PLATFORM, weight: 0.7, role: 'pattern' },
  { id: 'check-out-mine', kind: 'self-promotion', pattern: `\\b(?:check|chek|chack|checked|checking|chacking|look at|see|visit|watch|listen to|go to|come to|come see|take a look at|go check)(?: out)? (?:(?:some|one|any|all) of )?(?:my|our)(?: [\\w'-]{1,15}){0,2} (?:${CONTENT}|${PLATFORMS})\\b`, note: "asks readers to look at the commenter's own content", source: TUBESPAM, weight: 0.6, role: 'pattern' },
  { id: 'my-channel', kind: 'self-promotion', pattern: "\\b(?:my|our|mi|mon|meu|mein|meinen) (?:new |little |small |own |youtube |yt |first |music |gaming |cover |acoustic )?(?:channel|chanel|chanell|canal|kanal)\\b|\\b(?:made|started|created|opened) (?:a|my|our) (?:new |first |own )?(?:youtube |yt |music |gaming |cover )?(?:channel|chanel|canal)\\b", note: "points to the commenter's own channel", source: TUBESPAM, weight: 0.55, role: 'pattern' },
  { id: 'check-me-out', kind: 'self-promotion', pattern: '\\bcheck(?:ing)? (?:me|us) out\\b|\\bcheck(?:ing)? out (?:me|us)\\b', note: 'asks readers to look at the commenter', source: TUBESPAM, weight: 0.55, role: 'pattern' },
  // A channel named as the thing to look at ("check out this channel", "check out kobyoshi's channel"): a channel
  // advertised. Not the definite article or a third person's ("the History channel", "their channel"):
  // that is what a viewer recommending someone else's channel writes.
  { id: 'check-out-channel', kind: 'call-to-action', pattern: `\\b(?:check|chek)(?:ing)? out:? (?!(?:the|his|her|their|its)\\b)(?:[\\w'"\\[\\]-]{1,25} ){0,2}(?:channel|chanel|chanell)s?\\b`, note: 'asks readers to look at a channel: a channel advertised', source: TUBESPAM, weight: 0.55, role: 'pattern' },
  { id: 'check-out-my', kind: 'self-promotion', pattern: '\\bcheck out (?:my|our)\\b', note: "asks readers to look at something of the commenter's", source: TUBESPAM, weight: 0.45, role: 'pattern' },
  { id: 'my-work', kind: 'self-promotion', pattern: '\\bmy (?:new |latest |newest |first |own |debut )?(?:song|single|track|mixtape|album|ep|cover|remix|beat|music video|video|vid|music|rap|vlog|book|app|podcast|blog)s?\\b|\\b(?:i|we)(?:\\s?\'ve| have)? (?:just )?(?:did|done|made|recorded|uploaded|posted|released|dropped|produced) (?:a |an |some |my |our )?(?:new |little |quick |first |own )?(?:song|single|track|mixtape|album|cover|remix|beat|music video|video|vid|rap|vlog|parody|parodies)s?\\b', note: "the poster's own work (\"my new song\", \"I did a cover\"): self-promotion beside a link or a call to action", source: TUBESPAM, weight: 0.4, role: 'cue' },
  { id: 'creator-introduction', kind: 'self-promotion', pattern: "\\bi(?:'?m| am) (?:a |an )?(?:[\\w-]{1,20} ){0,3}(?:youtuber|rapper|singer|producer|songwriter|musician|vlogger|streamer)\\b|\\bi (?:just )?(?:started|made|created) (?:a |my )?(?:new )?(?:youtube )?channel\\b", note: 'introduces the commenter as a creator looking for an audience', source: TUBESPAM, weight: 0.4, role: 'pattern' },
  { id: 'audience-goal', kind: 'self-promotion', pattern: '\\b(?:if|when|once) (?:i|we) (?:get|reach|hit|gain) (?:to )?\\d[\\d,.]{0,9}k?(?: million| thousand)? (?:more )?(?:subs|subscribers|followers|likes|views)\\b|\\b(?:i|we|help me|help us) (?:need|want|am trying|are trying|\'m trying|\'re trying|try)(?: to get| to reach| to hit)? (?:to )?\\d[\\d,.]{0,9}k?(?: million| thousand)? (?:more )?(?:subs|subscribers|followers)\\b|\\b(?:subs|subscribers|followers) goal\\b|\\bhelp (?:me|us|my channel) (?:reach|get to|hit|grow)\\b|\\b(?:help|can|could) (?:me|us|i|we) (?:get|reach|hit|gain) (?:some |more |a few |\\d[\\d,.]{0,12}k? )?(?:views (?:and|&) )?(?:subs|subscribers|followers)\\b|\\b(?:i|we) (?:could |would )?(?:got|get|gain|need|want) (?:some|more|a few) (?:subs|subscribers|followers)\\b|\\b(?:be|become|be one of) (?:my|our) (?:first |\\d{1,7}(?:st|nd|rd|th) |next |new )?(?:subscriber|sub|follower)s?\\b', note: 'asks for subscribers or followers, or counts the ones the commenter wants: engagement bait', source: PLATFORM, weight: 0.5, role: 'pattern' },
  // "Follow me on Instagram": the commenter sends readers to their account elsewhere. The platform is
  // looked ahead at, not matched, so a handle written after it stays a finding of its own.
  { id: 'follow-me', kind: 'self-promotion', pattern: `\\b(?:follow|add|find) (?:me|us)(?= (?:on|at) (?:${PLATFORMS}|ig|fb|snap)\\b)`, note: 'asks readers to follow the commenter on another platform', source: PLATFORM, weight: 0.6, role: 'pattern' },
  // An order; after a modal or "to" (and perhaps one more word) it is prose ("will still follow my State",
  // "able to follow my findings", "didn't follow our rules"). "Follow me on <platform>" is follow-me's.
  { id: 'follow-request', kind: 'self-promotion', pattern: "\\b(?<!(?:\\b(?:will|would|to|can|could|should|must|might|may|not|did|do|does)|n[’']t|[’']ll)\\s(?:[a-z]+\\s)?)follow (?:me|us|my|our)\\b", note: 'asks for followers', source: PLATFORM, weight: 0.6, role: 'cue' },
  // Calls to action addressed to every reader.
  { id: 'like-and-subscribe', kind: 'call-to-action', pattern: '\\b(?:like|comment|rate),? (?:and|&|\\+|n) (?:subscrib\\w*|sub)\\b|\\bshare (?:and|&) subscrib\\w*|\\b(?:subscribe|suscribe|subcribe),? (?:(?:and|&|\\+|n) )?(?:like|comment)\\b', note: 'the stock call for likes and subscribers: for the poster\'s own channel', source: PLATFORM, weight: 0.7, role: 'pattern' },
  { id: 'like-and-share', kind: 'call-to-action', pattern: '\\b(?:like|comment|rate),? (?:and|&|\\+|n) share\\b', note: 'a stock call to action', source: PLATFORM, weight: 0.5, role: 'cue' },
  { id: 'subscribe-please', kind: 'call-to-action', pattern: '\\b(?:subscribe|sub|subs|subscribers|follow|followers)(?: (?:to )?(?:me|us|it))?[ ,.!]{1,3}(?:please|pls|plz|plzz)\\b|\\b(?:please|pls|plz|plzz)[ ,.!]{1,3}(?:sub(?:scribe)?|follow)\\b', note: 'pleads for subscribers or followers: for the poster\'s own channel', source: PLATFORM, weight: 0.7, role: 'pattern' },
  { id: 'please-act', kind: 'call-to-action', pattern: '\\b(?:please|pls|plz|plzz|plis|pleas)[ ,.!]{1,3}(?:go |come |just )?(?:check|like|share|subscribe|sub|follow|visit|watch|help|vote|donate|support|click|join|view|spread|listen)\\b', note: 'pleads for an action that helps the poster', source: TUBESPAM, weight: 0.5, role: 'cue' },
  { id: 'subscribe', kind: 'call-to-action', pattern: '\\b(?:subscrib|suscrib|subcrib|subscib|sucscrib)(?:e|es|ing|irse)?\\b', note: 'asks for subscriptions: rare in comments about the content itself', source: TUBESPAM, weight: 0.5, role: 'cue' },
  { id: 'subscriber-count', kind: 'call-to-action', pattern: '\\b(?:subscrib|suscrib|subcrib)ers?\\b', note: 'talks subscriber counts', source: TUBESPAM, weight: 0.25, role: 'cue' },
  { id: 'check-out', kind: 'call-to-action', pattern: '\\bcheck (?:this|that|them|it|\'em|em) out\\b|\\bcheck(?:ing)? out\\b', note: 'points readers at something elsewhere', source: TUBESPAM, weight: 0.35, role: 'cue' },
  { id: 'like-this-comment', kind: 'call-to-action', pattern: '\\b(?:like|thumbs up|thumb up|upvote) (?:this|my) (?:comment|post)\\b|\\bgive (?:it|this|me|us) (?:a )?(?:like|thumbs up)\\b', note: 'asks for likes to push the comment up: engagement bait', source: ENGAGEMENT_BAIT, weight: 0.5, role: 'pattern' },
  { id: 'take-a-listen', kind: 'call-to-action', pattern: '\\bgive (?:it|this|me|us) (?:a )?(?:listen|view|try|chance)\\b|\\b(?:take|have) a listen\\b', note: "asks readers to try the poster's work", source: TUBESPAM, weight: 0.4, role: 'cue' },
  { id: 'spare-a-moment', kind: 'call-to-action', pattern: '\\btake (?:just )?(?:a|one|1|a few) (?:second|sec|moment|minute|min)s? (?:to|and|n) (?:watch|check|listen|look|subscribe|like|visit|view|click)', note: "asks readers to spare a moment for the poster's work", source: TUBESPAM, weight: 0.4, role: 'cue' },
  // An order that starts the comment or a sentence ("Like if you agree", "so.. thumbs up if"); after a word
  // it is a comparison ("it's like if you put a blanket over it").
  { id: 'like-if', kind: 'call-to-action', pattern: "\\b(?<![a-z0-9'’]\\s{1,3})(?:like|thumbs up|thumb up|thumbs|give a thumbs up) if\\b", note: 'like-bait: engagement farming', source: PLATFORM, weight: 0.3, role: 'cue' },
  { id: 'click-the-link', kind: 'call-to-action', pattern: '\\bclick (?:here|the link|this link|on (?:the|this|my) link|below)\\b|\\blink (?:below|in (?:my|the) (?:bio|description|profile))\\b', note: 'points to a link', source: SPAM_FILTERS, weight: 0.6, role: 'cue' },
  { id: 'search-for-title', kind: 'call-to-action', pattern: '\\b(?:search|look up|google|type in) (?:for )?["“][^"”]{2,60}["”]', note: 'asks readers to search for a title', source: TUBESPAM, weight: 0.4, role: 'cue' },
  { id: 'share-with-friends', kind: 'call-to-action', pattern: '\\bshare (?:this|it|my|our) (?:video|song|page|post|link|channel)\\b|\\bshare (?:it |this )?with (?:your|all your) friends\\b|\\bspread the word\\b', note: 'asks readers to spread a link', source: PLATFORM, weight: 0.4, role: 'cue' },
  // Money and giveaway bait.
  { id: 'earn-money', kind: 'money', pattern: '\\b(?:earn|earning|make|making|get) (?:easy |extra |quick |fast )(?:money|cash|bucks|bitcoins?)\\b|\\b(?:earn|earning|make|making) (?:up to )?(?:\\$|£|€)\\s?\\d[\\d,.]{0,9}\\+? (?:a|per|every|each) (?:day|week|hour)\\b|\\bmake money (?:online|fast|from home)\\b|\\bget paid (?:to|for) (?:click|shar|lik|comment|watch|read|post|surf)\\w{0,4}|\\b(?:earn|make)(?:ing)? (?:money|cash|gift cards|rewards|points) (?:by|for) (?:doing|completing|taking|answering|watching) (?:simple |easy |short |online |little )?(?:tasks?|surveys?|offers)\\b', note: 'promises easy money (paid-to-click, paid surveys and tasks, get-rich schemes)', source: SPAM_FILTERS, weight: 0.55, role: 'pattern' },
  { id: 'free-goods', kind: 'money', pattern: '\\bfree (?:\\$\\s?\\d+ )?(?:itunes|amazon|psn|xbox|steam|google play|gift ?cards?|codes?|iphones?|ipads?|robux|v-?bucks|followers|subscribers|likes|views|money|cash)\\b', note: 'free goods or followers: a lure', source: SPAM_FILTERS, weight: 0.6, role: 'pattern' },
  { id: 'giveaway', kind: 'money', pattern: '\\bgive ?-?aways?\\b|\\bsweepstakes?\\b|\\bprize draw\\b', note: 'giveaway bait', source: PLATFORM, weight: 0.5, role: 'cue' },
  // Money "on autopilot" is the scheme; a person on autopilot is an idiom.
  { id: 'work-from-home', kind: 'money', pattern: '\\b(?:work|working|earn|income|job) (?:from|at) home\\b|\\bpassive income\\b|\\b(?:income|money|cash|profits?|sales|leads|traffic|commissions?|earnings)\\b[^.!?\\n]{0,30}\\bon auto ?-?pilot\\b', note: 'work-from-home income scheme', source: SPAM_FILTERS, weight: 0.6, role: 'cue' },
  // "donate" asks for money with a plea, an amount or money, or pointing at the poster ("please donate" is
  // please-act's); people also donate blood, items and assets, which asks nothing.
  { id: 'fundraising', kind: 'money', pattern: '\\b(?:gofundme|go fund me|kickstarter|indiegogo|crowdfunding|fundraiser)\\b|\\bdonate (?:please|pls|plz|now|today|here|at|via|to (?:me|us|my|our|help|\\d+)|(?:some |a little |any )?(?:money|cash|bitcoins?|btc|crypto)\\b|[£$€]?\\d[\\d,.]*)', note: 'asks for money', source: READING, weight: 0.35, role: 'cue' },
  { id: 'crypto-forex', kind: 'money', pattern: '\\b(?:bitcoins?|btc|cryptocurrency|forex|binary options?|trading signals?)\\b', note: 'investment bait', source: SPAM_FILTERS, weight: 0.35, role: 'cue' },
  { id: 'buy-now', kind: 'money', pattern: '\\b(?:buy|order|shop|get yours|download it) (?:it |them |one )?(?:now|today|here)\\b|\\b(?:discount|promo|coupon) codes?\\b|\\blimited (?:time )?offer\\b|\\bdon\'?t miss out\\b|\\bto (?:place|make) (?:your|an) order\\b', note: 'sales pitch', source: SPAM_FILTERS, weight: 0.5, role: 'cue' },
  { id: 'pay-you', kind: 'money', pattern: "\\b(?:i'?ll|i will|we'?ll|we will) (?:give|pay|send) (?:you )?(?:\\$\\s?\\d|\\d+ (?:dollars|bucks))", note: 'offers payment', source: SPAM_FILTERS, weight: 0.5, role: 'cue' },
  { id: 'bitcoin-address', kind: 'money', pattern: '\\b[13][a-z1-9]{25,34}\\b', note: 'a cryptocurrency wallet address', source: SPAM_FILTERS, weight: 0.6, role: 'cue' },
  // Contact handles: moving the conversation somewhere unmoderated.
  { id: 'phone-number', kind: 'contact', pattern: '(?<![\\d,.])(?:\\+\\d{1,3}[\\s.-]?)?\\(?\\d{3}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4}(?![\\d,])', note: 'a telephone number', source: SPAM_FILTERS, weight: 0.5, role: 'cue' },
  { id: 'messaging-app', kind: 'contact', pattern: '\\b(?:whats ?app|wechat|kik|viber|skype|line id)\\b', note: 'moves the conversation to a private messenger', source: SPAM_FILTERS, weight: 0.45, role: 'cue' },
  { id: 'contact-me', kind: 'contact', pattern: '\\b(?:contact|text|message|dm|pm|e-?mail|inbox) (?:me|us)\\b|\\bhit (?:me|us) up\\b|\\badd (?:me|us) on\\b', note: 'asks readers to get in touch privately', source: SPAM_FILTERS, weight: 0.45, role: 'cue' },
  { id: 'platform-handle', kind: 'contact', pattern: `\\b(?:${PLATFORMS}|ig|fb|snap)\\s{0,2}(?:[:-]\\s{0,2})?@[\\w.]{3,30}|\\b(?:${PLATFORMS}|ig|fb|snap)\\s{0,2}[:-]\\s{0,2}[\\w.]{0,29}[\\d_.][\\w.]{0,29}`, note: 'a social-media handle to look up', source: PLATFORM, weight: 0.45, role: 'cue' },
  { id: 'at-handle', kind: 'contact', pattern: '(?<![\\w@.])(?:@[a-z0-9_]{3,30}|\\+[a-z][a-z0-9_]{2,30})\\b(?![.@])', note: 'an @handle: a reply, or an account to look up', source: READING, weight: 0.15, role: 'supporting' },
];

/**
 * Constructions of unsolicited commercial text messages (prize and claim bait, premium-rate numbers
 * and short codes, paid-service offers and their small print), the families SMS spam filters describe.
 * Kept apart from PROMO and scanned as a list of their own: most comments hold none of them, and one
 * scan of this list tells. Where a match overlaps one of PROMO's, PROMO's wins.
 */
export const PROMO_MESSAGES: readonly PromoEntry[] = [
  // Prize and claim bait: the reader is told they have won, and is asked to call or text to collect.
  { id: 'prize-won', kind: 'money', pattern: '\\b(?:you|u|ur|you\'ve|u\'ve|you have|u have|you are|you\'re|u are|u r|your (?:mobile |phone )?(?:number|no\\.?|mobile)(?: has| was| is)?)(?: just| been| now| already){0,2} (?:won(?: a| an)?(?= (?:guaranteed|free|cash|prizes?|bonus|holiday|trip|vouchers?|rewards?|awards?|gift|£|\\$|€|\\d))|awarded\\b)|\\b(?:you|u)(?:\'re| are| r) (?:a|the|our)(?: lucky)? winner\\b', note: 'tells the reader they have won a prize: lottery and claim bait', source: ADVANCE_FEE, weight: 0.7, role: 'pattern' },
  { id: 'selected-to-receive', kind: 'money', pattern: '\\b(?:selected|chosen|picked)(?: at random| randomly)? (?:to|2) (?:receive|get|win|claim|collect)\\b|\\bto claim,? (?:call|ring|txt|text|reply|send|visit|go)', note: 'the reader has "been selected" to receive something: lottery and claim bait', source: ADVANCE_FEE, weight: 0.65, role: 'pattern' },
  { id: 'claim-prize', kind: 'money', pattern: "\\bclaim (?:your |ur |yr |the |this |a )?(?:£|\\$|€)?\\d{0,6} ?(?:prizes?|awards?|rewards?|cash|bonus|vouchers?|holiday|gifts?|code)\\b|\\b(?:prizes?|awards?|rewards?|cash|holiday) (?:is |are )?(?:guaranteed|await(?:s|ing)? collection|still awaiting)\\b|\\bguaranteed (?:£|\\$|€)\\d", note: 'asks the reader to claim or collect a prize', source: ADVANCE_FEE, weight: 0.65, role: 'pattern' },
  { id: 'cash-prize-amount', kind: 'money', pattern: '(?:£|\\$|€)\\s?\\d[\\d,.]{0,8}k? (?:gift )?(?:cash|prize|award|reward|bonus|vouchers?|gift ?cards?|shopping spree)\\b|\\b(?:cash|prize|reward|award|holiday|voucher)s? (?:of|worth) (?:up to )?(?:£|\\$|€)\\s?\\d|\\b(?:today is |it\'?s )?(?:your|ur) lucky day\\b', note: 'a sum of money offered as a prize or reward', source: SMS_SPAM, weight: 0.5, role: 'cue' },
  { id: 'win-prize', kind: 'money', pattern: '\\b(?:win|won|winning) (?:a |an |the |our |your |ur )?(?:£|\\$|€)?\\d{0,6}[k,]?\\d{0,3} ?(?:cash|prizes?|holidays?|trips?|ipods?|iphones?|nokias?|cars?|vouchers?|gifts?|shopping spree|awards?|rewards?|money|bucks|gift ?cards?)\\b|\\b(?:win|won|winning) (?:a |an )?(?:£|\\$|€)\\s?\\d|\\b(?:chance|chances) (?:to|2) win\\b', note: 'a chance to win a prize: competition bait', source: SMS_SPAM, weight: 0.45, role: 'cue' },
  // Paid services sold by text message: offers, then the small print that comes with them.
  { id: 'free-offer', kind: 'offer', pattern: '\\bfree ?(?:entry|entries|(?:weekly |monthly )?draw|(?:poly(?:phonic)? |ring ?|true |real )?tones?|ringtones?|msgs?|texts?|txts?|minutes|mins|calls?|camera ?phones?|(?:video |camera |3g )?(?:mobiles?|handsets?)|membership|credits?|trial|delivery|upgrade|games?|pics?|psp)\\b', note: 'something free to make the reader reply or call', source: SMS_SPAM, weight: 0.5, role: 'cue' },
  { id: 'ringtone-content', kind: 'offer', pattern: '\\b(?:poly(?:phonic)?|mono|true|real|top) ?(?:ring)?tones?\\b|\\bringtones?\\b|\\bwallpapers?\\b|\\b(?:logos?|pics?) (?:&|and) (?:tones|logos|pics)\\b|\\bjava games?\\b', note: 'ringtones, logos and wallpapers: mobile content sold by subscription', source: SMS_SPAM, weight: 0.45, role: 'cue' },
  { id: 'subscription-service', kind: 'offer', pattern: "\\b(?:you|u)(?:'re| are| r| have been) (?:now )?subscribed\\b|\\bsubscription (?:service|charge|fee|costs?)\\b|\\b(?:weekly|wkly|monthly|daily) (?:draw|comp|competition|prize|tones?|subscription)\\b|\\b(?:mobile|content|chat|text) (?:club|service)\\b", note: 'a text-message subscription or prize-draw service', source: SMS_SPAM, weight: 0.45, role: 'cue' },
  { id: 'mobile-offer', kind: 'offer', pattern: '\\bline ?rental\\b|\\b(?:free|half price|latest) (?:camera |colou?r |video |3g |new ){0,2}(?:mobile|phone|handset)s?\\b|\\b(?:anytime|any network|inclusive|double|unlimited) (?:mins|minutes|texts|txts)\\b|\\b(?:valued|loyal) (?:network |mobile )?customers?\\b|\\b(?:upgrade|update) (?:for free|free|to (?:the|our) latest)\\b', note: 'a telephone contract or handset offer', source: SMS_SPAM, weight: 0.4, role: 'cue' },
  { id: 'adult-service', kind: 'offer', pattern: '\\b(?:live|sexy|adult|rude|naughty|xxx|hardcore) (?:chat|pics|photos|action|dating|singles|services?|line)\\b|\\bdating (?:service|network|club)\\b|\\bchat (?:line|service)\\b|\\bsecret admirer\\b', note: 'an adult chat, dating or picture service', source: SMS_SPAM, weight: 0.4, role: 'cue' },
  { id: 'loan-offer', kind: 'offer', pattern: '\\b(?:loans?|credit|debt|mortgage) (?:for any purpose|approved|consolidation|(?:even )?with bad credit)\\b|\\bpreviously refused\\b|\\bbad credit\\b|\\bno credit checks?\\b|\\b(?:homeowners|tenants) welcome\\b', note: 'a loan or debt offer', source: SPAM_FILTERS, weight: 0.45, role: 'cue' },
  { id: 'reply-with-details', kind: 'call-to-action', pattern: '\\b(?:reply|txt|text|send)(?: back)?(?: with)? (?:(?:ur|your) (?:full )?(?:name|age|gender|star sign|postcode|date of birth|dob)\\b|name,? (?:and|&|\\+) age\\b)', note: 'asks the reader to send their name and age or address: sign-up for a paid service, or data harvesting', source: SMS_SPAM, weight: 0.45, role: 'cue' },
  { id: 'stock-tip', kind: 'offer', pattern: '\\b(?:strong[- ]buy|stock (?:pick|alert|tip)s?|explosive pick|penny stocks?|(?:nasdaq|otc|pink sheets?) symbol)\\b', note: 'a stock tip: pump-and-dump spam', source: SPAM_FILTERS, weight: 0.45, role: 'cue' },
  { id: 'opt-out', kind: 'terms', pattern: '\\b(?:reply|text|txt|send|sms)(?: the word)? ["\']?stop\\b|\\bstop\\?? (?:txt|text|send|reply)\\b|\\bto (?:opt[ -]?out|unsubscribe|unsub|stop receiving)\\b|\\b(?:opt[ -]?out|unsub(?:scribe)?) (?:reply|txt|text|send|call|at|with)\\b|\\b(?:call|txt|text|reply|send|sms)? ?2 ?(?:stop|optout|opt out)\\b', note: 'how to stop a bulk text service: the small print of commercial messages', source: SMS_SPAM, weight: 0.45, role: 'cue' },
  { id: 'price-per-message', kind: 'price', pattern: '(?<![\\w.])\\d{1,3}(?:\\.\\d{1,2})? ?(?:p|pence) ?(?:/|per |a )(?:msg|message|min|minute|text|txt|sms|wk|week|day|call|tone|month|mth|rcvd|recd)|(?<![\\w.])\\d{1,3}p{1,2}(?:pm|pw|w|msg|pmsg)\\b|(?:£|\\$|€)\\s?\\d{1,3}(?:\\.\\d{2})?\\s?(?:/|per ?|a )(?:msg|message|min|minute|text|txt|sms|call|tone)|\\b(?:msgs?|txts?|calls?|texts?|tones?) ?@ ?(?:£|\\$|€)?\\d{1,3}(?:\\.\\d\\d)?p?\\b', note: 'a price per message, minute or week: how premium-rate services bill', source: PREMIUM_RATE, weight: 0.55, role: 'cue' },
  { id: 'charge-notice', kind: 'price', pattern: "\\b(?:you|u|ur mobile|your mobile|your phone|your account|you'll|u'll) (?:will be|has been|have been|are being|r being|be) (?:charged|billed)\\b|\\b(?:costs?|costing|charged at) (?:just |only )?(?:£|\\$|€)?\\d{1,3}(?:\\.\\d\\d)?p\\b", note: 'tells the reader what a message or service will cost them', source: PREMIUM_RATE, weight: 0.45, role: 'cue' },
  { id: 'terms-apply', kind: 'terms', pattern: "\\bt ?& ?c'?s?\\b|\\bt'?s ?(?:&|and) ?c'?s\\b|\\b(?:tncs?|tscs|tsandcs|tandcs)\\b|\\bterms (?:and|&) conditions apply\\b|\\b(?:1[68]|21) ?\\+|\\b(?:over )?1[68]s? only\\b", note: 'terms-and-conditions and age small print of a commercial offer', source: SMS_SPAM, weight: 0.4, role: 'cue' },
  { id: 'po-box', kind: 'terms', pattern: '\\bp\\.? ?o\\.? ?box ?\\d|\\bpobox ?[a-z0-9]{2}', note: 'a PO box: the postal address the law requires of a paid text service', source: PREMIUM_RATE, weight: 0.4, role: 'cue' },
  { id: 'urgent-notice', kind: 'call-to-action', pattern: '\\burgent ?[!:]|\\b(?:final|last|2nd|second|3rd|third) (?:attempt|notice)\\b|\\b(?:we|we\'ve|we have|we are|we\'re|have been) (?:been )?(?:trying|tried) (?:to )?(?:contact|reach) (?:you|u)\\b', note: 'urgency: a last attempt to reach the reader', source: ADVANCE_FEE, weight: 0.4, role: 'cue' },
  // A short code with a keyword to text is how premium-rate services sign people up; premium-rate
  // numbers bill the caller.
  { id: 'short-code-keyword', kind: 'call-to-action', pattern: '\\b(?:text|txt|send|sms|reply|msg|texting|txting)(?: the word| word| back)?:? ?["\']?[a-z0-9][\\w&,-]{0,15}(?: [a-z0-9]{1,10}){0,3}["\']? (?:to|2) (?:no\\.?:? ?|number )?[1-9]\\d{3,5}(?![\\d-])', note: 'asks the reader to text a keyword to a short code: how premium-rate services sign people up', source: PREMIUM_RATE, weight: 0.7, role: 'pattern' },
  { id: 'call-premium-number', kind: 'price', pattern: '\\b(?:call|ring|dial|phone|chat)(?: us| now| free| today| on| at| back| our [a-z]{1,20}){0,3}:? ?(?:0(?:9\\d\\d|8[47]\\d|70\\d)[\\s-]?\\d{3}[\\s-]?\\d{3,4}|1[\\s-]?900[\\s-]?\\d{3}[\\s-]?\\d{4})(?!\\d)', note: 'asks the reader to call a premium-rate or non-geographic number, which bills the caller: the prize-callback scam', source: PREMIUM_RATE, weight: 0.65, role: 'pattern' },
  { id: 'premium-rate-number', kind: 'price', pattern: '(?<![\\d+])(?:0(?:9\\d\\d|8[47]\\d|70\\d)[\\s-]?\\d{3}[\\s-]?\\d{3,4}|1[\\s-]?900[\\s-]?\\d{3}[\\s-]?\\d{4})(?!\\d)', note: 'a premium-rate or non-geographic number: the caller pays the service', source: PREMIUM_RATE, weight: 0.55, role: 'cue' },
  { id: 'call-now', kind: 'call-to-action', pattern: '\\b(?:call|ring)(?: us)? (?:free(?:phone|fone)?|now|immediately)\\b', note: 'asks the reader to call at once', source: SMS_SPAM, weight: 0.4, role: 'cue' },
  { id: 'freephone-number', kind: 'contact', pattern: '(?<![\\d+])(?:0800|0808|0500)[\\s-]?\\d{3}[\\s-]?\\d{3,4}(?!\\d)|(?<![\\d+])1[\\s-]?8(?:00|88|77|66|55|44|33)[\\s-]?\\d{3}[\\s-]?\\d{4}(?!\\d)', note: 'a freephone number: a business line', source: PREMIUM_RATE, weight: 0.4, role: 'cue' },
];

/**
 * What a link's own address shows, tested on the text of every link the list above matches (a link is
 * matched whole, so these parts of it cannot be list entries of their own).
 */
export const LINK_MARKS: readonly PromoEntry[] = [
  { id: 'tracking-parameter', kind: 'link', pattern: '[?&#](?:ref|aff|affiliate|affiliateid|affid|referral|referrer|refid|friend|invite|r)=[\\w-]{3,}|/(?:ref|referral|refer|aff|affiliate)/[\\w-]{3,}', note: 'a referral or affiliate link: the poster is paid per click or sign-up', source: SPAM_FILTERS, weight: 0.6, role: 'pattern' },
  // The shop's own formats of a seller's tracking id: Amazon Associates store ids end in -20, -21 or -22.
  { id: 'affiliate-tag', kind: 'link', pattern: '[?&](?:tag=[\\w.-]{1,30}-2[0-2]\\b|campid=\\d{6,})', note: 'an Amazon Associates or eBay Partner Network tracking id: the poster earns on every sale', source: 'Amazon Associates and eBay Partner Network link formats (tag=<store id>-20, campid=<campaign id>)', weight: 0.6, role: 'pattern' },
  { id: 'ad-click', kind: 'link', pattern: '^(?:https?://)?(?:www\\.)?(?:googleadservices\\.com|(?:ad\\.)?doubleclick\\.net)/|/(?:pagead/)?aclk\\?', note: "an advert's click-tracking address: the link is an advert", source: SPAM_FILTERS, weight: 0.6, role: 'pattern' },
  { id: 'paid-link-locker', kind: 'link', pattern: '^(?:https?://)?(?:www\\.)?(?:adf\\.ly|linkbucks\\.com|sh\\.st|shorte\\.st|bc\\.vc|ouo\\.io|adfoc\\.us|binbox\\.io)/', note: 'a link shortener that pays the poster per click', source: SPAM_FILTERS, weight: 0.6, role: 'pattern' },
];

/**
 * A kind of well-known reference site. A link there is a citation, not an advert: weak evidence that
 * never counts as a cue. Kinds of sites, each described once; not a list taken from any data set.
 */
export interface ReferenceSite {
  id: string;
  /** Pattern over a link's host name, lower-cased and without "www.": matched whole. No nested quantifiers. */
  hosts: string;
  note: string;
  source: string;
}

const CITATION = 'threadsift maintainers: kinds of sites readers cite as sources in news and forum comments';

export const REFERENCE_SITES: readonly ReferenceSite[] = [
  { id: 'encyclopedia', hosts: '(?:[a-z0-9-]{1,63}\\.){0,2}(?:wikipedia|wiktionary|wikimedia|wikisource|wikiquote|wikidata|wikivoyage)\\.org|(?:[a-z0-9-]{1,63}\\.)?britannica\\.com', note: 'a link to an encyclopedia: a citation', source: CITATION },
  {
    id: 'government',
    // .gov/.mil, national government second-level domains (gov.uk, gouv.fr, gob.mx, go.jp, gc.ca...),
    // intergovernmental .int, the EU and the UN.
    hosts: '(?:[a-z0-9-]{1,63}\\.){0,4}(?:[a-z0-9-]{1,63}\\.(?:gov|mil|int)|(?:gov|gouv|gob|govt|go|gc|gv)\\.[a-z]{2}|gov\\.[a-z]{2}\\.[a-z]{2}|(?:canada\\.ca|europa\\.eu|un\\.org|bund\\.de))',
    note: 'a link to a government or intergovernmental site: a citation',
    source: 'IANA root zone (.gov, .mil, .int) and the Public Suffix List (national government second-level domains)',
  },
  { id: 'standards', hosts: '(?:[a-z0-9-]{1,63}\\.){0,2}(?:iso\\.org|ietf\\.org|rfc-editor\\.org|w3\\.org|whatwg\\.org|ieee\\.org|unicode\\.org|ecma-international\\.org|iec\\.ch|cen\\.eu|ansi\\.org)', note: 'a link to a standards body: a citation', source: CITATION },
  {
    id: 'scholarly',
    // DOI and preprint servers, indexes, large publishers, and universities (.edu, ac.xx, edu.xx).
    hosts: '(?:[a-z0-9-]{1,63}\\.){0,3}(?:doi\\.org|arxiv\\.org|biorxiv\\.org|medrxiv\\.org|ssrn\\.com|jstor\\.org|semanticscholar\\.org|scholar\\.google\\.com|pubmed\\.ncbi\\.nlm\\.nih\\.gov|nature\\.com|science\\.org|sciencedirect\\.com|springer\\.com|wiley\\.com|plos\\.org|nejm\\.org|thelancet\\.com|bmj\\.com|pnas\\.org|acm\\.org|[a-z0-9-]{1,63}\\.edu|(?:ac|edu)\\.[a-z]{2})',
    note: 'a link to a paper, a preprint or a university: a citation',
    source: CITATION,
  },
  {
    id: 'news',
    hosts: '(?:[a-z0-9-]{1,63}\\.){0,2}(?:reuters|apnews|bbc|nytimes|washingtonpost|wsj|ft|bloomberg|economist|theguardian|guardian|npr|pbs|cbc|ctvnews|globalnews|theglobeandmail|thestar|nationalpost|cnn|nbcnews|cbsnews|abcnews|usatoday|latimes|politico|axios|theatlantic|newyorker|time|newsweek|aljazeera|dw|france24|lemonde|spiegel|elpais|smh|abc|nzherald|irishtimes|independent|telegraph|thetimes|scmp|japantimes|thehindu|afp)\\.(?:com|org|co\\.uk|ca|net|de|fr|es|com\\.au|net\\.au|co\\.nz|ie|in|jp)',
    note: 'a link to a major news outlet: a citation',
    source: CITATION,
  },
];
