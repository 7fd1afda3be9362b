import { describe, expect, it } from 'vitest';
import { boilerplate } from '../../src/signals/boilerplate.js';
import { makeThread, runSignal, spanText } from '../helpers.js';

describe('boilerplate', () => {
  const invalid: Array<{ text: string; entries: string[]; spans: string[] }> = [
    { text: 'Only time will tell what happens next.', entries: ['only-time-will-tell'], spans: ['Only time will tell'] },
    {
      text: 'This deal could have far-reaching implications. It will be crucial to monitor.',
      entries: ['far-reaching-implications', 'crucial-to-monitor'],
      spans: ['far-reaching implications', 'crucial to monitor'],
    },
    { text: 'Cutting rates now is a bold move by the bank.', entries: ['bold-move'], spans: ['a bold move'] },
    { text: 'It will be interesting to see how the council responds.', entries: ['interesting-to-see'], spans: ['It will be interesting to see'] },
    { text: 'It’s important to note that the vote was close.', entries: ['important-to-note'], spans: ['It’s important to note that'] },
    { text: 'The rise can be attributed to several factors.', entries: ['attributed-to-factors'], spans: ['can be attributed to several factors'] },
    { text: 'As an AI language model, I cannot vote.', entries: ['as-an-ai'], spans: ['As an AI language model'] },
  ];
  it.each(invalid)('flags stock phrasing: $text', ({ text, entries, spans }) => {
    const thread = makeThread([text]);
    const findings = runSignal(boilerplate, thread);
    expect(findings.map((f) => f.reason.code)).toEqual(entries.map(() => 'BOILERPLATE_PHRASE'));
    expect(findings.map((f) => f.reason.args.entry)).toEqual(entries);
    expect(findings.map((f) => spanText(thread, f))).toEqual(spans);
    for (const f of findings) {
      expect(f.reason.args.note).toBeTruthy();
      expect(f.reason.args.source).toBeTruthy();
    }
  });

  const valid = [
    'The council voted 7-2 to close the Elm Street library on Friday.',
    'I moved here in 1998 and the bus still never comes on time.',
    'Time will not tell you anything if nobody measures the water levels.',
    'My interest rate went from 2.1% to 5.4% and the bank called it a move to stability.',
    'Is there any data on how many of the 40 units were actually sold?',
  ];
  it.each(valid)('leaves specific writing alone: %s', (text) => {
    expect(runSignal(boilerplate, makeThread([text]))).toEqual([]);
  });

  it('strength grows with the number of distinct stock phrases', () => {
    const one = runSignal(boilerplate, makeThread(['Only time will tell.']))[0]!;
    const two = runSignal(boilerplate, makeThread(['Only time will tell. It is a bold move.']))[0]!;
    expect(two.strength).toBeGreaterThan(one.strength);
    expect(two.strength).toBeLessThanOrEqual(1);
  });

  it('ignores stock phrases inside quoted material', () => {
    expect(runSignal(boilerplate, makeThread(['> Only time will tell.\nNo, the audit report is out on Monday.']))).toEqual([]);
  });

  it('matches extra phrase entries from configuration', () => {
    const findings = runSignal(boilerplate, makeThread(['Big if true.']), {
      extraPhrases: [{ id: 'user:big-if-true', pattern: '\\bbig if true\\b', note: 'meme filler', source: 'moderators' }],
    });
    expect(findings.map((f) => f.reason.args.entry)).toEqual(['user:big-if-true']);
  });
});

describe('boilerplate with zero-width characters inside words', () => {
  it('still matches, and the span covers the phrase as written', () => {
    const text = 'It will be cru\u200Bcial to moni\u200Btor.';
    const thread = makeThread([text]);
    const findings = runSignal(boilerplate, thread);
    expect(findings.map((f) => f.reason.args.entry)).toEqual(['crucial-to-monitor']);
    expect(spanText(thread, findings[0]!)).toBe('cru\u200Bcial to moni\u200Btor');
  });
});
