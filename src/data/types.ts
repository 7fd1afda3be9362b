/** A phrase-list entry: data only. Patterns are matched case-insensitively against normalised text. */
export interface PhraseEntry {
  /** kebab-case, unique within its list. */
  id: string;
  /** Source of a RegExp without flags; compiled with "giu" by the matcher. No nested quantifiers. */
  pattern: string;
  /** Why this construction is evidence, shown to the moderator. */
  note: string;
  /** Where the construction was observed or published. */
  source: string;
  /** Evidence strength of one match, 0..1 (default 0.45). */
  weight?: number;
}
