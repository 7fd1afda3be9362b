/**
 * Constructions of promotional spam in comment sections: links, self-promotion, calls to action, money
 * and giveaway bait, contact handles. General constructions only: each pattern describes a family of
 * phrasings (any channel, any site, any amount); none is a sentence lifted from an evaluation set.
 */
import type { PhraseEntry } from './types.js';

/** What a promotional construction does; each kind has its own reason code. */
export type PromoKind = 'link' | 'self-promotion' | 'call-to-action' | 'money' | 'contact';

/** A promo entry: a phrase entry plus the kind of promotion it shows. */
export interface PromoEntry extends PhraseEntry {
  kind: PromoKind;
  /**
   * Evidence only beside another promo construction: alone it is ordinary (an @reply, a platform's
   * own photo link) and yields no finding.
   */
  supporting?: boolean;
}

const TUBESPAM = 'TubeSpam (Alberto, Lochter & Almeida, ICMLA 2015): self-promotion and link spam in video comments';
const SPAM_FILTERS = 'SpamAssassin rule families (URI, FREEMAIL, money and advance-fee bait), spamassassin.apache.org';
const PLATFORM = 'YouTube Community Guidelines, "Spam, deceptive practices & scams": links, sub4sub, giveaway and contact scams';
const READING = 'threadsift maintainers: reading of moderation queues of video and news comment sections';

// Platforms people send traffic to; kept apart so the promo patterns read as sentences.
const PLATFORMS = 'youtube|facebook|instagram|insta|twitter|tiktok|soundcloud|twitch|snapchat|vimeo|spotify|itunes|bandcamp';
// Things a commenter promotes: their channel and what is on it.
const CONTENT = 'channel|chanel|chanell|canal|videos?|vids?|vidios?|vlogs?|clips?|songs?|tracks?|covers?|mixtape|music|raps?|remix|beats|stream|playlist|album|page|blog|website|site|profile|account|shop|store|art|stuff|content|band';

/** The promo list, most specific first: the first entry wins where two matches overlap. */
export const PROMO: readonly PromoEntry[] = [
  // An address is the most specific construction: matched first, so its domain is not taken for a link.
  { id: 'email-address', kind: 'contact', pattern: '\\b[\\w.+-]{1,64}@[\\w-]{1,63}\\.[a-z]{2,24}\\b', note: 'an e-mail address', source: SPAM_FILTERS, weight: 0.6 },
  // Links: a comment that sends readers elsewhere.
  { id: 'platform-share-link', kind: 'link', pattern: '\\bhttps?://(?:t\\.co|youtu\\.be|redd\\.it|pic\\.twitter\\.com|x\\.com/\\w+/status|twitter\\.com/\\w+/status)/[^\\s<>"\\]]*', note: "a platform's own short link (an attached photo, a shared post or video): usually sharing, seldom advertising", source: READING, weight: 0.2, supporting: true },
  { id: 'promo-destination', kind: 'link', pattern: '\\b(?:https?://)?(?:www\\.|m\\.)?(?:facebook|fb|instagram|twitter|soundcloud|twitch|tiktok|reverbnation|bandcamp|datpiff|teespring|sunfrogshirts|ebay|etsy|amazon|gofundme|kickstarter|indiegogo|patreon|paypal|bit|goo|tinyurl|ow|adf|shorte)\\.(?:com|tv|me|ly|gl|st|net|co)/[^\\s<>"\\]]*[^\\s<>"\\]).,;:!?\']', note: 'a link to a social profile, shop, fundraiser or link shortener: where self-promotion points', source: TUBESPAM, weight: 0.65 },
  { id: 'url', kind: 'link', pattern: '\\b(?:https?://|www\\.)[^\\s<>"\\]]*[^\\s<>"\\]).,;:!?\']', note: 'sends readers to another site', source: TUBESPAM, weight: 0.5 },
  { id: 'domain-path', kind: 'link', pattern: '\\b[a-z0-9][a-z0-9-]{1,62}\\.[a-z]{2,6}/[^\\s<>"\\]]*[^\\s<>"\\]).,;:!?\']', note: 'a web address with a path, written without http', source: SPAM_FILTERS, weight: 0.5 },
  { id: 'bare-domain', kind: 'link', pattern: '\\b[a-z0-9][a-z0-9-]{1,62}\\s{0,2}(?:\\.|\\(dot\\)|\\[dot\\])\\s{0,2}(?:com|net|org|info|biz|ly|tv|io|ru|xyz)\\b(?:/[^\\s<>"\\]]*)?', note: 'a web address written without http, often spaced out to dodge link filters', source: SPAM_FILTERS, weight: 0.5 },
  { id: 'video-path', kind: 'link', pattern: '(?:^|[\\s/])/?watch\\?v=[\\w-]{6,}', note: 'a pasted video address', source: TUBESPAM, weight: 0.45 },
  { id: 'tracking-parameter', kind: 'link', pattern: '[?&#](?:ref|aff|affiliate|affiliateid|referral|friend|r)=[\\w-]{3,}', note: 'a referral or affiliate link: the poster is paid per click', source: SPAM_FILTERS, weight: 0.6 },
  { id: 'platform-share-text', kind: 'link', pattern: `\\b(?:check out|take a look at|look at|watch) (?:this|my|our) (?:video|playlist|channel|song|track|page|photo|post) on (?:${PLATFORMS})\\b`, note: "a platform's share-button text pasted as a comment", source: TUBESPAM, weight: 0.6 },
  // Self-promotion: the commenter advertises themselves.
  { id: 'sub-for-sub', kind: 'self-promotion', pattern: "\\b(?:sub(?:scribe)?|follow|like|view) ?(?:4|for|4 a|for a) ?(?:sub|follow|like|view)\\b|\\b(?:i'?ll|i will|i) (?:sub(?:scribe)?|follow|like) (?:you |u )?back\\b", note: 'subscription trading (sub4sub)', source: PLATFORM, weight: 0.8 },
  { id: 'subscribe-to-me', kind: 'self-promotion', pattern: '\\b(?:subscrib|suscrib|subcrib|subscib|sucscrib)\\w* (?:to |a )?(?:me|my|us|our|this channel|mi)\\b|\\bsub (?:to )?(?:me|my|us|our)\\b', note: 'asks for subscribers', source: PLATFORM, weight: 0.7 },
  { id: 'check-out-mine', kind: 'self-promotion', pattern: `\\b(?:check|chek|chack|checking|chacking|look at|see|visit|watch|listen to|go to|come to|come see|take a look at|go check)(?: out)? (?:my|our)(?: [\\w'-]{1,15}){0,2} (?:${CONTENT}|${PLATFORMS})\\b|\\bcheck (?:them|it|'em|em) out\\b|\\bcheck out (?:my|our)\\b`, note: "asks readers to look at the commenter's own content", source: TUBESPAM, weight: 0.6 },
  { id: 'my-channel', kind: 'self-promotion', pattern: "\\b(?:my|our|mi|mon|meu|mein|meinen) (?:new |little |small |own |youtube |yt |first |music |gaming |cover |acoustic )?(?:channel|chanel|chanell|canal|kanal)\\b|\\b(?:made|started|created|opened) (?:a|my|our) (?:new |first |own )?(?:youtube |yt |music |gaming |cover )?(?:channel|chanel|canal)\\b", note: "points to the commenter's own channel", source: TUBESPAM, weight: 0.55 },
  { id: 'check-me-out', kind: 'self-promotion', pattern: '\\bcheck (?:me|us) out\\b|\\bcheck out (?:me|us)\\b', note: 'asks readers to look at the commenter', source: TUBESPAM, weight: 0.55 },
  { id: 'creator-introduction', kind: 'self-promotion', pattern: "\\bi(?:'?m| am) (?:a |an )?(?:[\\w-]{1,20} ){0,3}(?:youtuber|rapper|singer|producer|songwriter|musician|vlogger|streamer)\\b|\\bi (?:just )?(?:started|made|created) (?:a |my )?(?:new )?(?:youtube )?channel\\b", note: 'introduces the commenter as a creator looking for an audience', source: TUBESPAM, weight: 0.4 },
  { id: 'audience-goal', kind: 'self-promotion', pattern: '\\b(?:get|reach|hit|need) (?:to )?\\d[\\d,.]{0,9}k?(?: million| thousand)? (?:more )?(?:subs|subscribers|followers|likes|views)\\b|\\b(?:subs|subscribers|followers) (?:goal|before)\\b|\\bhelp (?:me|us) (?:reach|get|hit|grow)\\b', note: 'counts subscribers or followers the commenter wants', source: PLATFORM, weight: 0.45 },
  { id: 'follow-me', kind: 'self-promotion', pattern: '\\bfollow (?:me|us|my|our)\\b', note: 'asks for followers', source: PLATFORM, weight: 0.6 },
  // Calls to action addressed to every reader.
  { id: 'like-and-subscribe', kind: 'call-to-action', pattern: '\\b(?:like|comment|rate),? (?:and|&|\\+|n) (?:share|subscrib\\w*|sub)\\b|\\bshare (?:and|&) subscrib\\w*', note: 'stock call to action', source: PLATFORM, weight: 0.7 },
  { id: 'please-act', kind: 'call-to-action', pattern: '\\b(?:please|pls|plz|plzz|plis|pleas)[ ,.!]{1,3}(?:go |come |just )?(?:check|like|share|subscribe|sub|follow|visit|watch|help|vote|donate|support|click|join|view|spread|listen)\\b', note: 'pleads for an action that helps the poster', source: TUBESPAM, weight: 0.5 },
  { id: 'subscribe-please', kind: 'call-to-action', pattern: '\\b(?:subscribe|sub|like|share|follow|visit|check)(?: it| me)?[ ,.!]{1,3}(?:please|pls|plz|plzz)\\b', note: 'pleads for an action that helps the poster', source: TUBESPAM, weight: 0.5 },
  { id: 'subscribe', kind: 'call-to-action', pattern: '\\b(?:subscrib|suscrib|subcrib|subscib|sucscrib)(?:e|es|ing|irse)?\\b', note: 'asks for subscriptions: rare in comments about the content itself', source: TUBESPAM, weight: 0.5 },
  { id: 'subscriber-count', kind: 'call-to-action', pattern: '\\b(?:subscrib|suscrib|subcrib)ers?\\b', note: 'talks subscriber counts', source: TUBESPAM, weight: 0.25 },
  { id: 'check-out', kind: 'call-to-action', pattern: '\\bcheck (?:this|that) out\\b|\\bcheck(?:ing)? out\\b', note: 'points readers at something elsewhere', source: TUBESPAM, weight: 0.35 },
  { id: 'like-this-comment', kind: 'call-to-action', pattern: '\\b(?:like|thumbs up|thumb up|upvote) (?:this|my) (?:comment|post)\\b|\\bgive (?:it|this|me|us) (?:a )?(?:like|thumbs up|listen|view|try|chance)\\b', note: 'asks for likes to push the comment up', source: PLATFORM, weight: 0.5 },
  { id: 'like-if', kind: 'call-to-action', pattern: '\\b(?:like|thumbs up|thumb up|thumbs|give a thumbs up) if\\b', note: 'like-bait: engagement farming', source: PLATFORM, weight: 0.3 },
  { id: 'click-the-link', kind: 'call-to-action', pattern: '\\bclick (?:here|the link|this link|on (?:the|this|my) link|below)\\b|\\blink (?:below|in (?:my|the) (?:bio|description|profile))\\b', note: 'points to a link', source: SPAM_FILTERS, weight: 0.6 },
  { id: 'search-for-title', kind: 'call-to-action', pattern: '\\b(?:search|look up|google|type in) (?:for )?["“][^"”]{2,60}["”]', note: 'asks readers to search for a title', source: TUBESPAM, weight: 0.4 },
  { id: 'share-with-friends', kind: 'call-to-action', pattern: '\\bshare (?:this|it|my|our) (?:video|song|page|post|link|channel)\\b|\\bshare (?:it |this )?with (?:your|all your) friends\\b|\\bspread the word\\b', note: 'asks readers to spread a link', source: PLATFORM, weight: 0.4 },
  // Money and giveaway bait.
  { id: 'earn-money', kind: 'money', pattern: '\\b(?:earn|earning|win|won) (?:real |easy |free |extra |quick |fast |big )?(?:money|cash|\\$\\s?\\d[\\d,]*|bucks|bitcoins?|gift ?cards?|prizes?)\\b|\\b(?:make|making|get) (?:real |easy |free |extra |quick |fast )(?:money|cash)\\b', note: 'promises money', source: SPAM_FILTERS, weight: 0.55 },
  { id: 'free-goods', kind: 'money', pattern: '\\bfree (?:\\$\\s?\\d+ )?(?:itunes|amazon|psn|xbox|steam|google play|gift ?cards?|codes?|iphones?|ipads?|robux|v-?bucks|followers|subscribers|likes|views|downloads?|money|cash)\\b', note: 'free goods or followers: a lure', source: SPAM_FILTERS, weight: 0.6 },
  { id: 'giveaway', kind: 'money', pattern: '\\bgive ?-?aways?\\b|\\bsweepstakes?\\b|\\bprize draw\\b', note: 'giveaway bait', source: PLATFORM, weight: 0.5 },
  { id: 'work-from-home', kind: 'money', pattern: '\\b(?:work|working|earn|income|job) (?:from|at) home\\b|\\bpassive income\\b|\\bon auto ?-?pilot\\b', note: 'work-from-home income scheme', source: SPAM_FILTERS, weight: 0.6 },
  { id: 'fundraising', kind: 'money', pattern: '\\b(?:donate|gofundme|go fund me|kickstarter|indiegogo|crowdfunding|fundraiser)\\b', note: 'asks for money', source: READING, weight: 0.35 },
  { id: 'crypto-forex', kind: 'money', pattern: '\\b(?:bitcoins?|btc|cryptocurrency|forex|binary options?|trading signals?)\\b', note: 'investment bait', source: SPAM_FILTERS, weight: 0.35 },
  { id: 'buy-now', kind: 'money', pattern: "\\b(?:buy|order|shop|get yours|download it) (?:it |them |one )?(?:now|today|here)\\b|\\b(?:discount|promo|coupon) codes?\\b|\\blimited (?:time )?offer\\b|\\bdon'?t miss out\\b", note: 'sales pitch', source: SPAM_FILTERS, weight: 0.5 },
  { id: 'pay-you', kind: 'money', pattern: "\\b(?:i'?ll|i will|we'?ll|we will) (?:give|pay|send) (?:you )?(?:\\$\\s?\\d|\\d+ (?:dollars|bucks))", note: 'offers payment', source: SPAM_FILTERS, weight: 0.5 },
  { id: 'bitcoin-address', kind: 'money', pattern: '\\b[13][a-z1-9]{25,34}\\b', note: 'a cryptocurrency wallet address', source: SPAM_FILTERS, weight: 0.6 },
  // Contact handles: moving the conversation somewhere unmoderated.
  { id: 'phone-number', kind: 'contact', pattern: '(?<![\\d,.])(?:\\+\\d{1,3}[\\s.-]?)?\\(?\\d{3}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4}(?![\\d,])', note: 'a telephone number', source: SPAM_FILTERS, weight: 0.5 },
  { id: 'messaging-app', kind: 'contact', pattern: '\\b(?:whats ?app|wechat|kik|viber|skype|line id)\\b', note: 'moves the conversation to a private messenger', source: SPAM_FILTERS, weight: 0.45 },
  { id: 'contact-me', kind: 'contact', pattern: '\\b(?:contact|text|message|dm|pm|e-?mail|inbox) (?:me|us)\\b|\\bhit (?:me|us) up\\b|\\badd (?:me|us) on\\b', note: 'asks readers to get in touch privately', source: SPAM_FILTERS, weight: 0.45 },
  { id: 'platform-handle', kind: 'contact', pattern: `\\b(?:${PLATFORMS}|ig|fb|snap)\\s{0,2}[:@-]\\s{0,2}@?[\\w.]{3,30}`, note: 'a social-media handle to look up', source: PLATFORM, weight: 0.45 },
  { id: 'at-handle', kind: 'contact', pattern: '(?<![\\w@.])(?:@[a-z0-9_]{3,30}|\\+[a-z][a-z0-9_]{2,30})\\b(?![.@])', note: 'an @handle: a reply, or an account to look up', source: READING, weight: 0.15, supporting: true },
];
