import { describe, expect, it } from 'vitest';
import { llmStyle } from '../../src/signals/llm-style.js';
import { makeThread, runSignal, spanText } from '../helpers.js';

const MACHINE =
  'This development underscores the crucial importance of international cooperation. However, it will be essential to monitor how these dynamics evolve, ' +
  'particularly as various stakeholders navigate an increasingly complex landscape.';
const HUMAN =
  "lol i was there last night and honestly the sound was awful?? my ears are still ringing. never again, i'm serious. " +
  'the opening act was fun though, they played for like an hour and nobody left';

interface Evidence {
  kind: string;
  feature: string;
  label: string;
  contribution: number;
  text?: string[];
}

describe('llm-style', () => {
  it('flags assistant-style prose, naming what raised the score with the words behind it', () => {
    const thread = makeThread([MACHINE]);
    const [finding, ...rest] = runSignal(llmStyle, thread);
    expect(rest).toEqual([]);
    expect(finding!.reason.code).toBe('LLM_STYLE');
    expect(finding!.strength).toBeGreaterThan(0.8);
    const evidence = finding!.reason.args.evidence as Evidence[];
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.length).toBeLessThanOrEqual(5);
    for (const e of evidence) expect(e.contribution).toBeGreaterThan(0);
    const vocabulary = evidence.find((e) => e.feature === 'assistant-vocabulary');
    expect(vocabulary?.text).toEqual(['underscores', 'crucial', 'essential']);
    // The span is the earliest text any piece of evidence points at.
    expect(MACHINE.indexOf(spanText(thread, finding!)!)).toBeLessThanOrEqual(MACHINE.indexOf('underscores'));
  });

  const valid: Array<[string, string]> = [
    ['casual, first person, typos and slang', HUMAN],
    ['too short to judge (under 8 words)', 'Additionally, this is crucial and essential.'],
    ['shouted sub4sub spam', 'PLEASE SUBSCRIBE TO MY CHANNEL I WILL SUBSCRIBE BACK!!! LOVE YOU ALL SO MUCH GUYS'],
    ['a comment in another alphabet', 'Microsoft показал проводник Windows 8 с ленточным интерфейсом, и это очень интересно для всех нас.'],
  ];
  it.each(valid)('leaves %s alone', (_, text) => {
    expect(runSignal(llmStyle, makeThread([text]))).toEqual([]);
  });

  it('does not judge the style of quoted lines, but reads a comment wrapped whole in quotation marks', () => {
    const reply = `> ${MACHINE}\nlol no. who writes like this?? not me, i just came for the bus schedule and the parking stuff honestly`;
    expect(runSignal(llmStyle, makeThread([reply]))).toEqual([]);
    expect(runSignal(llmStyle, makeThread([`"${MACHINE}"`]))).toHaveLength(1);
  });

  it("quotes what the comment holds instead of a label's examples", () => {
    const text =
      'While the provincial regulators limit competition within our borders, the extra revenue they collect here makes it easier to expand. ' +
      'Consequently, the broader implications for consumers remain substantial and deserve careful consideration.';
    const [finding] = runSignal(llmStyle, makeThread([text]));
    const evidence = finding!.reason.args.evidence as Evidence[];
    expect(evidence.find((e) => e.feature === 'hedged-balance')?.text).toEqual(['While the provincial regulators limit competition within our borders,']);
    const message = llmStyle.messages.LLM_STYLE(finding!.reason.args);
    expect(message).toContain('hedged balance (“While the provincial regulators limit competition within our borders,”)');
    expect(message).not.toContain('However');
  });

  it('says machine-written only at even odds or more; below, it calls the style weak evidence', () => {
    const message = llmStyle.messages.LLM_STYLE;
    const evidence = [{ kind: 'style', label: 'long words' }];
    expect(message({ probability: 0.85, evidence })).toBe('reads as machine-written (85% by style): long words');
    expect(message({ probability: 0.13, evidence })).toBe('a little machine-like in style (13%, not enough to call it machine-written): long words');
    expect(message({ probability: 0.13, evidence })).not.toMatch(/reads as machine-written/);
  });

  it('the prior moves every strength: a lower prior, a lower strength', () => {
    const at = (prior: number) => runSignal(llmStyle, makeThread([MACHINE]), { prior, minStrength: 0 })[0]!.strength;
    expect(at(0.1)).toBeLessThan(at(0.5));
    expect(at(0.5)).toBeLessThan(at(0.9));
  });
});
