import { describe, expect, it } from 'vitest';
import { analyze, LANGUAGE_SIGNAL } from '../src/analyze.js';
import { defaultConfig, resolveConfig } from '../src/config.js';
import { SIGNALS } from '../src/signals/index.js';
import type { Reason, ThreadReport } from '../src/types.js';
import { parseFile, realExport } from './parsers/support.js';
import { makeThread } from './helpers.js';

const englishOnly = SIGNALS.filter((s) => s.languages?.length === 1 && s.languages[0] === 'eng').map((s) => s.id);
const reasonsOf = (report: ThreadReport, id: string): Reason[] => report.comments.find((c) => c.id === id)!.reasons;

describe('signals that declare languages abstain on comments in other languages', () => {
  it('the English word-list signals declare English; duplicate, cross-thread and promo signals judge every language', () => {
    expect(englishOnly).toEqual(['boilerplate', 'echo-reply', 'ungrounded', 'agenda-drift', 'llm-style']);
    for (const id of ['near-duplicate', 'cross-thread', 'promo']) expect(SIGNALS.find((s) => s.id === id)!.languages, id).toBeUndefined();
  });

  it('the Russian comment of the real remark42 Disqus export is not judged machine-written, and says why', () => {
    const { threads } = parseFile(realExport('disqus', 'remark42-testdata-disqus.xml'));
    const report = analyze(threads, defaultConfig()).threads.find((t) => t.id === '247918464')!;
    const reasons = reasonsOf(report, '299986072');
    expect(reasons.map((r) => r.signal)).toEqual([LANGUAGE_SIGNAL]);
    expect(reasons[0]).toMatchObject({ code: 'LANGUAGE_NOT_JUDGED', strength: 0, args: { language: 'rus', script: 'Cyrillic', signals: englishOnly } });
    expect(reasons[0]!.message).toBe(`not judged: language rus (Russian), which ${englishOnly.join(', ')} cannot read`);
    expect(report.comments.find((c) => c.id === '299986072')!.score).toBe(0);
    // The English comment beside it is judged as before: no language reason.
    expect(reasonsOf(report, 'post-4').filter((r) => r.signal === LANGUAGE_SIGNAL)).toEqual([]);
  });

  it('a Russian comment that would read as machine-written in English gets no llm-style, boilerplate or ungrounded reason', () => {
    const body = 'The central bank raised its key rate to 16 percent on Friday, citing inflation in Moscow and the weak rouble. '.repeat(12);
    const russian =
      'Данное решение имеет важное значение для экономики. Следует отметить, что инфляция остается высокой. ' +
      'Важно учитывать долгосрочные последствия. В конечном счете, только время покажет, насколько эффективной окажется эта мера.';
    const report = analyze([makeThread([russian, 'I paid 16 percent on my mortgage last year and the rouble was weak then too.'], { body })], defaultConfig()).threads[0]!;
    expect(reasonsOf(report, '1').map((r) => r.code)).toEqual(['LANGUAGE_NOT_JUDGED']);
    expect(report.comments[0]!.flagged).toBe(false);
  });

  it('language-neutral signals still judge other languages: two identical Russian comments are duplicates', () => {
    const text = 'Отличное видео, подписывайтесь на мой канал, там много интересного про путешествия';
    const report = analyze([makeThread([text, text])], defaultConfig()).threads[0]!;
    expect(reasonsOf(report, '2').map((r) => [r.signal, r.code])).toContainEqual(['near-duplicate', 'DOUBLE_POST']);
    expect(reasonsOf(report, '2').find((r) => r.code === 'LANGUAGE_NOT_JUDGED')).toBeDefined();
  });

  it('names only the enabled signals that abstained, and says nothing when none did', () => {
    const text = 'Данное решение имеет важное значение для экономики страны и её граждан.';
    const config = resolveConfig({ signals: { 'llm-style': false, boilerplate: false } }, 'test');
    const reasons = reasonsOf(analyze([makeThread([text])], config).threads[0]!, '1');
    expect(reasons[0]!.args.signals).toEqual(['echo-reply', 'ungrounded', 'agenda-drift']);
    const none = resolveConfig({ signals: Object.fromEntries(englishOnly.map((id) => [id, false])) }, 'test');
    expect(reasonsOf(analyze([makeThread([text])], none).threads[0]!, '1')).toEqual([]);
  });

  it('short or letterless English comments are judged as English', () => {
    const report = analyze([makeThread(['lol', '🔥🔥🔥', 'Only time will tell.'])], defaultConfig()).threads[0]!;
    for (const c of report.comments) expect(c.reasons.filter((r) => r.signal === LANGUAGE_SIGNAL)).toEqual([]);
    expect(reasonsOf(report, '3').map((r) => r.code)).toContain('BOILERPLATE_PHRASE');
  });
});

describe('an article in another language', () => {
  const body =
    'Центральный банк России в пятницу повысил ключевую ставку до шестнадцати процентов годовых, сославшись на ускорение инфляции и ослабление рубля. ' +
    'По словам председателя банка, решение было принято единогласно после долгого обсуждения с экспертами и представителями министерства финансов. ' +
    'Аналитики ожидают, что ставка останется высокой как минимум до конца следующего года, а кредиты для бизнеса и населения заметно подорожают. ';
  const thread = makeThread(['This is a really interesting development and I think we should all keep an eye on it going forward.', 'Great article, thanks for sharing this with all of us here today!', 'Really interesting, we should keep an eye on it.'], {
    body: body.repeat(4),
  });

  it('gives the grounding signals nothing to compare English comments with: no ungrounded or agenda-drift findings', () => {
    const report = analyze([thread], defaultConfig()).threads[0]!;
    const signals = report.comments.flatMap((c) => c.reasons.map((r) => r.signal));
    expect(signals).not.toContain('ungrounded');
    expect(signals).not.toContain('agenda-drift');
  });

  it('the same comments under the same article in English are judged for grounding', () => {
    const english = makeThread(thread.comments.map((c) => c.text), {
      body: 'The Russian central bank raised its key rate to sixteen percent on Friday, citing faster inflation and a weaker rouble. The governor said the board voted unanimously after a long discussion with experts and the finance ministry. Analysts expect the rate to stay high at least until the end of next year, and loans for businesses and households to become much more expensive. '.repeat(3),
    });
    const report = analyze([english], defaultConfig()).threads[0]!;
    expect(report.comments.flatMap((c) => c.reasons.map((r) => r.signal))).toContain('ungrounded');
  });
});
