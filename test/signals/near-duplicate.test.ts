import { describe, expect, it } from 'vitest';
import { nearDuplicate } from '../../src/signals/near-duplicate.js';
import { foldText } from '../../src/text/normalize.js';
import { bigramProfile, dice } from '../../src/text/similarity.js';
import { edit, vocabulary } from '../corpus/gen.js';
import { makeThread, on, rng, runSignal, spanText } from '../helpers.js';

const SPAM = 'Hey everyone check out my new channel for daily guitar covers and lessons';

describe('near-duplicate', () => {
  it('links three exact copies (after folding case, punctuation and zero-width characters) as a campaign', () => {
    const thread = makeThread([SPAM, 'Totally unrelated remark about the referee decision in the second half', `${SPAM.toUpperCase()}!!!`, SPAM.replace('check', 'che\u200Bck')]);
    const findings = runSignal(nearDuplicate, thread);
    expect(findings.map((f) => f.commentId)).toEqual(['1', '3', '4']);
    for (const f of findings) expect(f.reason.code).toBe('EXACT_DUPLICATE');
    expect(on(findings, '1')[0]!.related).toEqual(['3', '4']);
    expect(on(findings, '1')[0]!.strength).toBeGreaterThanOrEqual(0.9);
  });

  it('reports a lone near-identical pair as a possible double post with lower strength', () => {
    const findings = runSignal(nearDuplicate, makeThread([SPAM, `${SPAM}.`]));
    expect(findings.map((f) => f.reason.code)).toEqual(['DOUBLE_POST', 'DOUBLE_POST']);
    expect(findings[0]!.strength).toBeLessThan(0.5);
  });

  it('links light character edits and gives the shared run as the span', () => {
    const a = 'The council should publish the full audit of the water contract before the vote on Monday';
    const b = 'The council should publish the full audit of the water contracts before the vote on monday!!';
    const c = 'I walked past the site yesterday and nothing has been built since March at all';
    const thread = makeThread([a, c, b, `${a} Really.`]);
    const findings = runSignal(nearDuplicate, thread);
    const first = on(findings, '1')[0]!;
    expect(first.reason.code).toBe('NEAR_DUPLICATE');
    expect(first.related).toEqual(['3', '4']); // most similar partner first
    expect(first.reason.args.method).toBe('characters');
    expect(spanText(thread, first)).toBe('The council should publish the full audit of the water');
    expect(on(findings, '2')).toEqual([]);
  });

  it('names the other copies as copies, and partners that are only similar with their similarity', () => {
    const a = 'The council should publish the full audit of the water contract before the vote on Monday';
    const b = 'The council should publish the full audit of the water contracts before the vote on monday!!';
    const c = 'I walked past the site yesterday and nothing has been built since March at all';
    const findings = runSignal(nearDuplicate, makeThread([a, c, a, b, a]));
    const first = on(findings, '1')[0]!;
    expect(first.related).toEqual(['3', '5', '4']);
    expect((first.reason.args.links as Array<{ method: string }>).map((l) => l.method)).toEqual(['exact', 'exact', 'characters']);
    expect(nearDuplicate.messages.EXACT_DUPLICATE(first.reason.args)).toMatch(/^same text as comment #3 \(also #5\); similar: #4 \(9\d%\)$/);
    const edited = on(findings, '4')[0]!;
    expect(edited.reason.code).toBe('NEAR_DUPLICATE');
    // Its three partners are copies of one text, equally similar to it.
    expect(nearDuplicate.messages.NEAR_DUPLICATE(edited.reason.args)).toMatch(/similar to comment #1, sharing .* \(also #3, #5\)$/);
    expect(nearDuplicate.messages.NEAR_DUPLICATE(edited.reason.args)).not.toMatch(/similar: /);
  });

  it('names the five closest of the partners that are only similar, and counts the rest', () => {
    const a = 'The council should publish the full audit of the water contract before the vote on Monday';
    const tails = ['now', 'right now', 'right now please', 'right now please council', 'right now please council members', 'right now please council members today', 'right now please council members today thanks'];
    const findings = runSignal(nearDuplicate, makeThread([a, ...tails.map((t) => `${a} ${t}`)]));
    const first = on(findings, '1')[0]!;
    expect(first.related).toHaveLength(7);
    expect(nearDuplicate.messages.NEAR_DUPLICATE(first.reason.args)).toMatch(/similar to comment #2, sharing .*; similar: #3 \(\d+%\), #4 \(\d+%\), #5 \(\d+%\), #6 \(\d+%\), #7 \(\d+%\), 1 more$/);
  });

  it('names an exact copy before a comment as similar by characters, and says "of words" of a paraphrase', () => {
    const text = 'Please email the council before Friday and ask them to publish the full audit of the water contract';
    const findings = runSignal(nearDuplicate, makeThread([text.replace('email', 'e-mail'), text, text]));
    expect(on(findings, '2')[0]!.related).toEqual(['3', '1']);
    expect(nearDuplicate.messages.EXACT_DUPLICATE(on(findings, '2')[0]!.reason.args)).toBe('same text as comment #3; similar: #1 (99%)');
    const reworded = 'Water contract audit: the council must publish it in full. Email them before Friday!';
    const paraphrased = runSignal(nearDuplicate, makeThread([text, text, reworded]));
    expect(nearDuplicate.messages.EXACT_DUPLICATE(on(paraphrased, '1')[0]!.reason.args)).toMatch(/^same text as comment #2; similar: #3 \(\d+% of words\)$/);
  });

  it('counts every partner past those it lists, up to the size of the cluster', () => {
    const a = 'The council should publish the full audit of the water contract before the vote on Monday';
    const findings = runSignal(nearDuplicate, makeThread([...Array.from({ length: 25 }, () => a), `${a} now`, `${a} right now please`]));
    const first = on(findings, '1')[0]!;
    expect(first.reason.args.copies).toBe(27);
    expect(first.related).toHaveLength(20);
    // Twenty partners listed (one named, nineteen also), six not: four more copies and two similar.
    expect(nearDuplicate.messages.EXACT_DUPLICATE(first.reason.args)).toMatch(/^same text as comment #2 \(also #3, .*, #21\); 6 more copies or similar comments$/);
  });

  it('calls copies that differ in their links the same text, with other links; case and punctuation need no such word', () => {
    const words = 'Huge savings on every order this week only, see the store for the details';
    const findings = runSignal(nearDuplicate, makeThread([`${words} https://t.co/1lNMkcZVuW`, `${words} https://t.co/Gcd8r2AOsV`, `${words.toUpperCase()}!!! https://t.co/1lNMkcZVuW`]));
    expect(findings.map((f) => f.reason.code)).toEqual(Array(3).fill('EXACT_DUPLICATE'));
    expect(findings.map((f) => f.reason.args.linksOrQuotesDiffer)).toEqual([true, true, undefined]);
    const message = (id: string) => nearDuplicate.messages.EXACT_DUPLICATE(on(findings, id)[0]!.reason.args);
    expect(message('1')).toBe('same text as comment #2, with other links or quoted lines (also #3)');
    expect(message('2')).toBe('same text as comment #1, with other links or quoted lines (also #3)');
    // Its partner #1 has its link, and differs only in case and punctuation.
    expect(message('3')).toBe('same text as comment #1 (also #2)');
  });

  it('links paraphrases that reorder and swap words (word-level similarity)', () => {
    const thread = makeThread([
      'This alliance has the potential to reshape industries and supply chains, particularly in the mining and energy sectors.',
      'Agreed. This alliance is poised to reshape various industries and supply chains, particularly in mining, metals and energy.',
      'My cousin drives a truck for the port and says the new tariffs doubled his waiting times at customs.',
    ]);
    const findings = runSignal(nearDuplicate, thread);
    expect(findings.map((f) => [f.commentId, f.reason.code, f.related])).toEqual([
      ['1', 'PARAPHRASE', ['2']],
      ['2', 'PARAPHRASE', ['1']],
    ]);
  });

  const valid: Array<[string, string[]]> = [
    ['different opinions on one topic', [
      'The new bike lanes on King Street have made my commute safer and faster.',
      'Bike lanes on King Street are a waste; delivery trucks now double park everywhere.',
      'Has anyone measured whether the bike lanes changed the number of collisions?',
    ]],
    ['short identical reactions are not evidence', ['lol', 'lol', 'lol', 'Thanks!', 'Thanks!']],
    ['a reply quoting its parent is not a copy of it', [
      'The audit found 40 contracts awarded without tender between 2019 and 2021.',
      '> The audit found 40 contracts awarded without tender between 2019 and 2021.\nAnd not one person has been fired for it.',
    ]],
  ];
  it.each(valid)('no findings: %s', (_, texts) => {
    expect(runSignal(nearDuplicate, makeThread(texts))).toEqual([]);
  });

  it('is symmetric and independent of comment order', () => {
    const texts = [SPAM, 'Unrelated thoughts on the budget', SPAM, `${SPAM} now`, 'More unrelated words about parking'];
    const forward = runSignal(nearDuplicate, makeThread(texts)).map((f) => [texts[Number(f.commentId) - 1], f.reason.code]);
    const reversedTexts = [...texts].reverse();
    const backward = runSignal(nearDuplicate, makeThread(reversedTexts)).map((f) => [reversedTexts[Number(f.commentId) - 1], f.reason.code]);
    expect(new Set(backward.map((x) => JSON.stringify(x)))).toEqual(new Set(forward.map((x) => JSON.stringify(x))));
  });
});

describe('near-duplicate at flood scale', () => {
  it('3,000 identical copies: every copy found, partners listed up to 20, copies counted in full', () => {
    const thread = makeThread(Array.from({ length: 3000 }, () => SPAM));
    const start = Date.now();
    const findings = runSignal(nearDuplicate, thread);
    expect(Date.now() - start).toBeLessThan(5000);
    expect(findings).toHaveLength(3000);
    for (const f of [findings[0]!, findings[2999]!]) {
      expect(f.reason.code).toBe('EXACT_DUPLICATE');
      expect(f.related).toHaveLength(20);
      expect(f.reason.args.copies).toBe(3000);
    }
  });
});

describe('near-duplicate: short everyday phrases', () => {
  const other = 'Totally unrelated remark about the referee decision in the second half';
  it('a few copies of a short phrase of everyday words are weak evidence, and the reason says why', () => {
    const findings = runSignal(nearDuplicate, makeThread(['I love this song so much', other, 'i love this song so much!!!!', 'I love this song so much']));
    expect(findings.map((f) => f.commentId)).toEqual(['1', '3', '4']);
    for (const f of findings) {
      expect(f.reason.code).toBe('EXACT_DUPLICATE');
      expect(f.reason.args.everyday).toBe(true);
      expect(f.strength).toBe(0.5);
      expect(nearDuplicate.messages.EXACT_DUPLICATE(f.reason.args)).toMatch(/short everyday phrase/);
    }
  });

  it('five copies are a campaign again; a name, a link or a longer text keeps full strength', () => {
    const five = runSignal(nearDuplicate, makeThread([...Array.from({ length: 5 }, () => 'I love this song so much'), other]));
    expect(five).toHaveLength(5);
    for (const f of five) expect(f.strength).toBeGreaterThanOrEqual(0.9);
    for (const text of ['Katy Perry is the best singer alive', 'I love this song https://youtu.be/CevxZvSJLk8', `${SPAM} today`]) {
      const findings = runSignal(nearDuplicate, makeThread([text, other, text, text]));
      expect(findings).toHaveLength(3);
      for (const f of findings) {
        expect(f.reason.args.everyday).toBeUndefined();
        expect(f.strength).toBeGreaterThanOrEqual(0.9);
      }
    }
  });
});

describe('near-duplicate: long texts', () => {
  it('does not link two long texts whose characters agree but whose words do not; a light edit is still a copy', () => {
    // Made-up words from one set of syllables: long texts drawn from them have the same character bigrams
    // in the same proportions, as long texts in one language do. The two long texts share only a tenth of
    // their words (30 words no other comment uses, so the join makes them a candidate pair); twenty short
    // comments use the other words too.
    const random = rng(11);
    const words = vocabulary(1230, random);
    const [rare, everyday] = [words.slice(0, 30), words.slice(30)];
    const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
    const text = (length: number, rareShare: number) => Array.from({ length }, () => pick(random() < rareShare ? rare : everyday)).join(' ');
    const a = text(450, 0.1);
    const b = text(450, 0.1);
    const thread = makeThread([a, b, edit(a, 0.03, everyday, random), ...Array.from({ length: 20 }, () => text(120, 0))]);
    expect(a.length).toBeGreaterThan(2500);
    // The bigrams alone would call the two long texts copies.
    expect(dice(bigramProfile(foldText(a)), bigramProfile(foldText(b)))).toBeGreaterThanOrEqual(0.85);
    const findings = runSignal(nearDuplicate, thread);
    expect(on(findings, '2')).toEqual([]);
    const first = on(findings, '1');
    expect(first.map((f) => [f.related, f.reason.args.method])).toEqual([[['3'], 'characters']]);
  });
});
