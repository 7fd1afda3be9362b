/**
 * Quoted material inside a comment: a reply quoting its parent or the article is not the commenter's
 * own text, so near-duplicate, boilerplate, echo and grounding checks skip it.
 */
export interface QuoteForm {
  id: string;
  pattern: RegExp;
  /** Characters every match contains (any one suffices): texts with none of them are not scanned. */
  requires: readonly string[];
  note: string;
}

export const QUOTE_FORMS: readonly QuoteForm[] = [
  { id: 'line-quote', pattern: /^[ \t]*>[^\n]*$/gm, requires: ['>'], note: 'e-mail / Markdown quote line' },
  { id: 'reply-header', pattern: /\(\s*in reply to\s*:[^)]*\)/giu, requires: ['('], note: 'platform reply header quoting the parent, "(In reply to: … -- author)"' },
  { id: 'double-quoted', pattern: /"[^"\n]{24,}"|“[^”\n]{24,}”|«[^»\n]{24,}»/gu, requires: ['"', '“', '«'], note: 'a quotation of 24+ characters' },
  // The quote is matched before the look back at what precedes it (the same matches): V8 then seeks quote
  // characters instead of looking back from every position of the text.
  { id: 'single-quoted', pattern: /'(?<=(?:^|[\s(])')(?:[^'\n]|'(?=\p{L}))+'(?=$|[\s).,;:!?-])/gu, requires: ["'"], note: "a quotation in single quotes (apostrophes inside words are kept)" },
];

/**
 * The forms that only ever mark someone else's text (a quoted line, a reply header). Inline quotation
 * marks also wrap a writer's own words: a phrase held up for scorn, or a model quoting its own output.
 */
export const BLOCK_QUOTE_FORMS: readonly QuoteForm[] = QUOTE_FORMS.filter((f) => f.id === 'line-quote' || f.id === 'reply-header');
