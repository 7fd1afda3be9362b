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
  /**
   * Source of a RegExp (compiled like the pattern) that finds something in every text the pattern
   * matches: a part every match must contain, copied from the pattern itself. A text where it finds
   * nothing is not searched for this entry, which saves work and can never lose a match. For built-in
   * entries that begin with a character class and so are tried at almost every word of every text.
   */
  needs?: string;
}
