import { describe, expect, it } from 'vitest';
import { LLM_STYLE, type StyleMarker } from '../../src/data/llm-style.js';
import { llmStyle, sentenceSpans, styleMarkers, styleStrength } from '../../src/signals/llm-style.js';
import { makeThread, rng, runSignal, spanText } from '../helpers.js';

const MACHINE =
  'The decision to expand the program reflects a broader shift in local policy. However, it also raises questions about funding, staffing, and oversight. ' +
  'Additionally, the council will need to balance several competing priorities. Overall, the outcome will depend on careful implementation over time.';
const HUMAN =
  "lol i was there last night and honestly the sound was awful?? my ears are still ringing. never again, i'm serious. " +
  "the opening act was fun though, they played for like an hour and nobody left, which says a lot about how good they were";

const marker = (id: string, test: StyleMarker['test'], lift = 2): StyleMarker => ({ id, label: id, test, note: id, source: 'test', lift });

describe('llm-style', () => {
  it('flags polished, hedged, uniform prose with every marker as evidence', () => {
    const thread = makeThread([MACHINE]);
    const [finding, ...rest] = runSignal(llmStyle, thread);
    expect(rest).toEqual([]);
    expect(finding!.reason.code).toBe('LLM_STYLE');
    const markers = finding!.reason.args.markers as Array<{ id: string; note: string; source: string; text?: string[] }>;
    expect(markers.map((m) => m.id)).toEqual([
      'formal-connective', 'hedged-balance', 'no-first-person', 'no-contractions', 'no-informal-register',
      'proper-capitalisation', 'no-questions', 'uniform-sentences', 'triplet-list', 'ends-with-period',
    ]);
    expect(markers.find((m) => m.id === 'formal-connective')!.text).toEqual(['Additionally', 'Overall']);
    expect(markers.find((m) => m.id === 'triplet-list')!.text).toEqual(['about funding, staffing, and oversight']);
    for (const m of markers) expect(m.note && m.source).toBeTruthy();
    // The span is the earliest phrase any marker matched.
    expect(spanText(thread, finding!)).toBe('However,');
    expect(finding!.strength).toBeGreaterThan(0.9);
  });

  const valid = [
    ['casual, first person, a question', HUMAN],
    ['too short to judge', 'Additionally, the outcome will depend on careful implementation.'],
  ];
  it.each(valid)('leaves %s alone', (_, text) => {
    expect(runSignal(llmStyle, makeThread([text]))).toEqual([]);
  });

  it('does not judge the style of quoted material', () => {
    const reply = `> ${MACHINE}\nlol no. who writes like this?? not me, i just came for the bus schedule and the parking stuff, that's it, honestly`;
    expect(runSignal(llmStyle, makeThread([reply]))).toEqual([]);
  });

  it('a tidy human comment scores well below machine prose; the prior moves every strength', () => {
    const tidy = 'I went to the meeting on Tuesday. The council voted 5 to 2, and nobody asked about the bus route that my street depends on, which is what I wanted to hear about.';
    const tidyStrength = runSignal(llmStyle, makeThread([tidy]))[0]?.strength ?? 0;
    const machine = runSignal(llmStyle, makeThread([MACHINE]))[0]!.strength;
    expect(tidyStrength).toBeLessThan(0.5);
    expect(machine - tidyStrength).toBeGreaterThan(0.5);
    expect(runSignal(llmStyle, makeThread([MACHINE]), { prior: 0.001 })[0]!.strength).toBeLessThan(machine);
  });

  it('strength is the posterior: prior log-odds plus the log-lifts of the markers that fired', () => {
    const hits = styleMarkers('alpha beta', [marker('a', { kind: 'pattern', pattern: 'alpha' }, 3), marker('b', { kind: 'pattern', pattern: 'beta' }, 3)]);
    // Prior 0.1 is odds 1:9; two markers of lift 3 multiply the odds by 9: 1:1.
    expect(styleStrength(hits, 0.1)).toBeCloseTo(0.5, 12);
    expect(styleStrength([], 0.1)).toBeCloseTo(0.1, 12);
  });

  it.each([
    { name: 'words: counts whole tokens, needs min', test: { kind: 'words', words: ['robust', 'holistic'], min: 2 }, text: 'A robust and holistic plan.', fires: true, spans: [[2, 8], [13, 21]] },
    { name: 'words: below min', test: { kind: 'words', words: ['robust', 'holistic'], min: 2 }, text: 'A robust plan, robustly made.', fires: false },
    { name: 'pattern: case-insensitive by default', test: { kind: 'pattern', pattern: 'in conclusion' }, text: 'In conclusion, yes.', fires: true, spans: [[0, 13]] },
    { name: 'pattern: case-sensitive when asked', test: { kind: 'pattern', pattern: 'in conclusion', caseSensitive: true }, text: 'In conclusion, yes.', fires: false },
    { name: 'absent: fires when the pattern is missing', test: { kind: 'absent', pattern: '\\?' }, text: 'No question here.', fires: true, spans: [] },
    { name: 'absent: silent when present', test: { kind: 'absent', pattern: '\\?' }, text: 'Any question here?', fires: false },
    { name: 'uniform sentences', test: { kind: 'uniform-sentences', minSentences: 3, maxVariation: 0.2 }, text: 'One two three four. Five six seven eight. Nine ten eleven twelve.', fires: true, spans: [] },
    { name: 'varied sentences', test: { kind: 'uniform-sentences', minSentences: 3, maxVariation: 0.2 }, text: 'One. Two three four five six seven eight nine. Ten eleven.', fires: false },
    { name: 'mean sentence length in range', test: { kind: 'sentence-length', min: 3, max: 5 }, text: 'One two three four. Five six seven.', fires: true, spans: [] },
    { name: 'mean sentence length out of range', test: { kind: 'sentence-length', min: 6, max: 9 }, text: 'One two three four. Five six seven.', fires: false },
  ] as Array<{ name: string; test: StyleMarker['test']; text: string; fires: boolean; spans?: Array<[number, number]> }>)(
    'styleMarkers, $name',
    ({ test, text, fires, spans }) => {
      const hits = styleMarkers(text, [marker('m', test)]);
      expect(hits.length).toBe(fires ? 1 : 0);
      if (fires) expect(hits[0]!.spans).toEqual(spans);
    },
  );

  it('the list: unique ids, each marker helps (lift > 1), has a label, note and source, and safe regexes', () => {
    const ids = LLM_STYLE.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of LLM_STYLE) {
      expect(m.lift, m.id).toBeGreaterThan(1);
      expect(m.label && m.note && m.source, m.id).toBeTruthy();
      if (m.test.kind === 'pattern' || m.test.kind === 'absent') {
        expect(() => new RegExp((m.test as { pattern: string }).pattern, 'giu'), m.id).not.toThrow();
        expect(/\([^)]*[+*][^)]*\)[+*{]/.test(m.test.pattern), m.id).toBe(false);
      }
    }
  });
});

describe('sentenceSpans', () => {
  const byRegex = (text: string) => [...text.matchAll(/[^.!?\n]+(?:[.!?]+(?=\s|$)|\n|$)/g)].flatMap((m) => [m.index, m.index + m[0].length]);

  it('finds what its regular expression finds, in one pass (random texts of sentence punctuation and spaces)', () => {
    const random = rng(3);
    const pieces = ['a', 'bc', ' ', '.', '!', '?', '\n', '\t', '\u00A0', '\u2028', '...', 'x.y', '?!', '😀', ')'];
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: Math.floor(random() * 25) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(sentenceSpans(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
    // A line break ends a sentence and starts none; " fo" is closed by a dot without a space after it.
    expect(sentenceSpans('One. Two!\nThree? fo.ur')).toEqual([0, 4, 4, 9, 10, 16, 20, 22]);
  });

  it('reads a long run that no sentence end closes in one pass (the expression would retry 200,000 starts)', () => {
    expect(sentenceSpans(`${'a'.repeat(200_000)}.b`)).toEqual([200_001, 200_002]);
  });
});
