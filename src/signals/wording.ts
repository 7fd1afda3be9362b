/** Small helpers the signals' messages share to put arguments into English. */

export type Args = Record<string, unknown>;

/** 0.734 -> "73%". */
export const pct = (x: unknown) => `${Math.round(Number(x) * 100)}%`;
/** A quoted excerpt: “text”. */
export const quote = (x: unknown) => `“${String(x)}”`;
/** An array as "a, b, c"; anything else as itself. */
export const list = (x: unknown) => (Array.isArray(x) ? x.map(String).join(', ') : String(x));
/** Comment ids as "#4, #9". */
export const ids = (x: unknown) => (Array.isArray(x) ? x.map((v) => `#${String(v)}`).join(', ') : `#${String(x)}`);
/** Said of copies whose own words are the same while their links or quoted lines differ (`args.linksOrQuotesDiffer`). */
export const otherLinks = (a: Args): string => (a.linksOrQuotesDiffer ? ', with other links or quoted lines' : '');
