/**
 * Quoted material inside a comment: a reply quoting its parent or the article is not the commenter's
 * own text, so near-duplicate, boilerplate, echo and grounding checks skip it.
 */
export interface QuoteForm {
  id: string;
  pattern: RegExp;
  note: string;
}

export const QUOTE_FORMS: readonly QuoteForm[] = [
  { id: 'line-quote', pattern: /^[ \t]*>[^\n]*$/gm, note: 'e-mail / Markdown quote line' },
  { id: 'reply-header', pattern: /\(\s*in reply to\s*:[^)]*\)/giu, note: 'platform reply header quoting the parent, "(In reply to: … -- author)"' },
  { id: 'double-quoted', pattern: /"[^"\n]{24,}"|“[^”\n]{24,}”|«[^»\n]{24,}»/gu, note: 'a quotation of 24+ characters' },
  { id: 'single-quoted', pattern: /(?<=^|[\s(])'(?:[^'\n]|'(?=\p{L}))+'(?=$|[\s).,;:!?-])/gu, note: "a quotation in single quotes (apostrophes inside words are kept)" },
];
