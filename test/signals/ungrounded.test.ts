import { describe, expect, it } from 'vitest';
import { ungrounded } from '../../src/signals/ungrounded.js';
import { makeThread, runSignal } from '../helpers.js';

const TITLE = 'Harbour City Council Approves Ferry Terminal Expansion';
const BODY = [
  'Harbour City council voted on Tuesday to approve a 48-million-dollar expansion of the Pier 9 ferry terminal, ending a two-year dispute with residents of the Millbrook district.',
  'The plan adds two berths, a covered waiting hall and a bicycle depot, and moves the freight ramp away from Millbrook Park.',
  'Councillor Dana Okafor, who chairs the transport committee, said the expansion would cut crossing times to Kessel Island by eleven minutes.',
  'Opponents led by the Millbrook Residents Association argued that the contractor, Tidewater Marine, had overrun its budget on the Northgate seawall by 30 percent.',
  'Construction is expected to begin in March and last eighteen months, with one berth kept open throughout.',
  'The province will cover a third of the cost through its coastal infrastructure fund, according to the council’s finance report.',
  'Ferry ridership has grown every year since the pandemic, reaching 2.4 million passengers last year.',
].join('\n');

describe('ungrounded', () => {
  const invalid: Array<{ text: string; code: string }> = [
    { text: 'This is an important decision for the council and the city. It will be interesting to see how it plays out in the coming years.', code: 'UNGROUNDED' },
    { text: 'The ferry terminal expansion highlights the growing importance of transport for the whole city going forward.', code: 'UNGROUNDED' },
    { text: 'Infrastructure investments like this can reshape communities and bring both opportunities and risks for everyone involved.', code: 'UNGROUNDED' },
    { text: 'Hopefully Okafor and the rest of the council get this right for the people who depend on it every day.', code: 'WEAKLY_GROUNDED' },
  ];
  it.each(invalid)('flags $code: $text', ({ text, code }) => {
    const findings = runSignal(ungrounded, makeThread([text], { title: TITLE, body: BODY }));
    expect(findings.map((f) => f.reason.code)).toEqual([code]);
    // A name the article writes as two words is shown whole, not as two names.
    expect(findings[0]!.reason.args.articleSpecifics).toEqual(expect.arrayContaining(['Dana Okafor', 'Tidewater Marine']));
    expect(findings[0]!.reason.args.articleSpecifics).not.toContain('Okafor');
    expect(findings[0]!.strength).toBeGreaterThan(0);
  });

  it('naming only what the headline names is not engagement', () => {
    const f = runSignal(ungrounded, makeThread(['The Harbour City council approving the ferry terminal expansion is a big step for the city.'], { title: TITLE, body: BODY }))[0]!;
    expect(f.reason.code).toBe('UNGROUNDED');
    expect(f.reason.args.topicTerms).toEqual(expect.arrayContaining(['harbour', 'council', 'ferry']));
    expect(f.reason.args.specificsMentioned).toEqual([]);
  });

  const valid = [
    'Tidewater Marine overran the Northgate seawall budget by 30 percent, so why are they trusted with Pier 9?',
    'Eleven minutes off the Kessel Island crossing is nice, but eighteen months of construction with one berth is going to hurt commuters.',
    'The bicycle depot is the best part. Millbrook Park finally gets rid of the freight ramp.',
    'Too short to judge.',
  ];
  it.each(valid)('no finding for a comment that engages with specifics: %s', (text) => {
    expect(runSignal(ungrounded, makeThread([text], { title: TITLE, body: BODY }))).toEqual([]);
  });

  it('is silent when there is no article text to compare against', () => {
    expect(runSignal(ungrounded, makeThread([invalid[0]!.text], { title: TITLE, body: '' }))).toEqual([]);
  });
});
