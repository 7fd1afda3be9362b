import type * as Recheck from 'recheck';
import { loadVendor } from '../util/vendor.js';

/**
 * Index of the "]" that closes the character class opening at `open`. As in JavaScript, "[]" (nothing)
 * and "[^]" (anything) are whole classes: a "]" right after "[" or "[^" closes, it is not a member.
 */
function classEnd(pattern: string, open: number): number {
  let j = open + 1;
  if (pattern[j] === '^') j++;
  while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
  return j;
}

/**
 * A structural check against catastrophic backtracking in phrase patterns: an unbounded quantifier
 * (*, +, {n,}) applied to a group that itself contains a quantifier or an alternation — "(a+)+",
 * "((a+))+b", "(?:a|aa)+" — can take exponential time on a crafted comment. Such patterns are refused
 * in user phrase files, and a test holds the built-in lists to the same rule. Conservative: some safe
 * patterns are refused too; rewrite them without the nested repetition.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const stack: Array<{ repeats: boolean; alternates: boolean }> = [{ repeats: false, alternates: false }];
  const unboundedAt = (i: number) => {
    const c = pattern[i];
    if (c === '*' || c === '+') return true;
    if (c === '{') return /^\{\d*,\}/.test(pattern.slice(i));
    return false;
  };
  // A fixed count ({3}) repeats nothing ambiguously; ranges and open ends do.
  const quantifierAt = (i: number) => unboundedAt(i) || pattern[i] === '?' || (pattern[i] === '{' && /^\{\d+,\d*\}/.test(pattern.slice(i)));
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const top = stack[stack.length - 1]!;
    if (c === '\\') {
      i++;
      if (quantifierAt(i + 1)) top.repeats = true;
    } else if (c === '[') {
      i = classEnd(pattern, i);
      if (quantifierAt(i + 1)) top.repeats = true;
    } else if (c === '(') {
      stack.push({ repeats: false, alternates: false });
    } else if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { repeats: false, alternates: false };
      const parent = stack[stack.length - 1]!;
      if (unboundedAt(i + 1) && (group.repeats || group.alternates)) return true;
      if (group.repeats || quantifierAt(i + 1)) parent.repeats = true;
    } else if (c === '|') {
      top.alternates = true;
    } else if (quantifierAt(i + 1) && c !== '?' && c !== '*' && c !== '+' && c !== '}') {
      top.repeats = true;
    }
  }
  return false;
}

/**
 * The top-level alternatives of a pattern: "a|(b|c)|[|]" is ["a", "(b|c)", "[|]"]. Escapes, groups
 * and character classes are skipped as hasNestedQuantifier reads them.
 */
export function topLevelAlternatives(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(pattern, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  out.push(pattern.slice(start));
  return out;
}

/**
 * Whether a pattern must be run on its own, not inside an alternation with others: a numbered
 * backreference ("\\1") would point at another pattern's group there, and two patterns naming a group
 * alike ("(?<w>…)") cannot share one expression. Conservative: "\\\\1" (a backslash, then 1) counts too.
 */
export function standsAlone(pattern: string): boolean {
  return /\\[1-9]|\\k<|\(\?<(?![=!])/.test(pattern);
}

/**
 * One pattern that matches somewhere exactly when one of `patterns` does (for a yes/no test; which
 * one matched, and where, is not kept). Alternatives that start with \b share a single \b: at the
 * many positions that are not word boundaries, one check fails instead of one per alternative,
 * which makes a long list's test about twice as fast in V8. The patterns must not be ones that
 * standsAlone.
 */
export function anyOfSource(patterns: readonly string[]): string {
  const bounded: string[] = [];
  const other: string[] = [];
  for (const p of patterns) {
    for (const alt of topLevelAlternatives(p)) {
      if (alt.startsWith('\\b')) bounded.push(`(?:${alt.slice(2)})`);
      else other.push(`(?:${alt})`);
    }
  }
  return [...(bounded.length ? [`\\b(?:${bounded.join('|')})`] : []), ...other].join('|');
}

/**
 * The same pattern with a \b that starts every top-level alternative written once: "\ba|\bb" becomes
 * "\b(?:a|b)". Alternatives are still tried in order at each position, so every match is the same; V8
 * just stops at the first failed check where a non-boundary would fail each alternative in turn.
 * Other patterns come back unchanged.
 */
export function factorWordBoundary(pattern: string): string {
  const alternatives = topLevelAlternatives(pattern);
  if (alternatives.length < 2 || !alternatives.every((a) => a.startsWith('\\b'))) return pattern;
  return `\\b(?:${alternatives.map((a) => a.slice(2)).join('|')})`;
}

// recheck is 3 MB of JavaScript: loaded on first use, which only phrase and model files with patterns need.
// The build bundles its pure-JavaScript checker into dist/vendor/recheck.cjs (see rolldown.config.mjs), so
// an installed threadsift does not depend on the recheck package and its optional helpers.
let recheck: typeof Recheck | undefined;

/** Time the check may take for one pattern, and for all the patterns of one run. */
export const PATTERN_CHECK_MS = 5000;
export const PATTERN_CHECK_TOTAL_MS = 20000;

/**
 * Patterns the thread that started this one proved safe (trustSafePatterns): a scan's worker does not
 * check them again, for a proof holds for good while a check run again could run out of time.
 */
const trusted = new Set<string>();
/** The patterns proven safe while provingSafe runs its load. */
let proving: string[] | undefined;

/** Run `load` (a configuration being made), and say which patterns it proved safe. */
export function provingSafe<T>(load: () => T): { result: T; proven: string[] } {
  const outer = proving;
  const proven: string[] = [];
  proving = proven;
  try {
    return { result: load(), proven };
  } finally {
    proving = outer;
  }
}

/** Take the patterns the main thread proved safe (provingSafe) as proven in this worker thread. */
export function trustSafePatterns(patterns: readonly string[]): void {
  for (const p of patterns) trusted.add(p);
}

/** What the check found about a pattern. */
export type PatternVerdict = { safe: true } | { safe: false; why: string; hint: string };

const SPLIT_HINT = 'simplify it, or split its alternatives into separate entries';

/**
 * Whether a phrase pattern is proven to match in time linear in the text, by recheck's automaton
 * checker (a ReDoS checker: it decides from the pattern's automaton whether backtracking can take
 * polynomial or exponential time, here for the flags "giu" that phrases run with; "gu" over lower-cased
 * text, the other way phrases run, cannot be worse). Only a proof counts: a pattern recheck finds
 * vulnerable, cannot analyse (backreferences, lookaround) or cannot finish within `timeoutMs` is refused.
 * recheck runs in this thread, in its pure-JavaScript build, with that timeout, so the check itself
 * cannot hang; it never starts a Java or native helper.
 */
export function checkPatternSafety(pattern: string, timeoutMs = PATTERN_CHECK_MS): PatternVerdict {
  if (trusted.has(pattern)) {
    proving?.push(pattern);
    return { safe: true };
  }
  if (timeoutMs <= 0) return { safe: false, why: 'could not be checked: the time for checking patterns ran out', hint: 'use fewer or simpler patterns' };
  recheck ??= loadVendor<typeof Recheck>('recheck');
  const previous = process.env.RECHECK_SYNC_BACKEND;
  process.env.RECHECK_SYNC_BACKEND = 'pure';
  let result: Recheck.Diagnostics;
  try {
    result = recheck.checkSync(pattern, 'giu', { checker: 'automaton', timeout: timeoutMs });
  } finally {
    if (previous === undefined) delete process.env.RECHECK_SYNC_BACKEND;
    else process.env.RECHECK_SYNC_BACKEND = previous;
  }
  if (result.status === 'safe') {
    proving?.push(pattern);
    return { safe: true };
  }
  if (result.status === 'vulnerable') {
    const kind = result.complexity.type === 'exponential' ? 'exponential' : 'polynomial';
    return { safe: false, why: `can take ${kind} time on a crafted comment (ReDoS)`, hint: 'rewrite it so that no two parts can match the same characters, e.g. without nested or adjacent repetition' };
  }
  const kind = result.error.kind;
  if (kind === 'timeout') return { safe: false, why: `could not be proven safe within ${timeoutMs / 1000} s`, hint: SPLIT_HINT };
  if (kind === 'unsupported') return { safe: false, why: 'could not be proven safe: backreferences and lookaround are not allowed in phrase patterns', hint: SPLIT_HINT };
  return { safe: false, why: `could not be proven safe (${kind})`, hint: SPLIT_HINT };
}
