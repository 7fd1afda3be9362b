import { describe, expect, it } from 'vitest';
import { csvReporter } from '../../src/reporters/csv.js';
import { githubReporter } from '../../src/reporters/github.js';
import { REPORTERS, reporterNames } from '../../src/reporters/index.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { terminalReporter } from '../../src/reporters/terminal.js';
import { DEFAULT_OPTIONS, makeComment, makeReason, makeReport, makeThread } from './builders.js';

describe('reporter registry', () => {
  it('keeps terminal first (the default), json and jsonl next, then the CI and export formats', () => {
    expect(reporterNames()).toEqual(['terminal', 'json', 'jsonl', 'markdown', 'csv', 'github', 'html']);
    for (const { description } of Object.values(REPORTERS)) expect(description).not.toBe('');
  });
});

describe('a message a comment gives more than once', () => {
  const click = makeReason({ signal: 'promo', code: 'PROMO_CALL_TO_ACTION', message: 'call to action “Click here”: points to a link', span: [0, 10] });
  const report = makeReport({
    threads: [
      makeThread({
        comments: [
          makeComment({ id: '1', score: 0.8, reasons: [click, { ...click, span: [40, 50] }, makeReason({ signal: 'boilerplate', code: 'BOILERPLATE_PHRASE', message: 'stock phrase “If you have any questions”' }), { ...click, span: [90, 100] }] }),
        ],
      }),
    ],
  });

  it('is one line with how many times in the text reports', () => {
    for (const [name, reporter] of [['terminal', terminalReporter], ['markdown', markdownReporter], ['csv', csvReporter], ['github', githubReporter]] as const) {
      const out = reporter(report, DEFAULT_OPTIONS);
      expect(out.split('Click here').length - 1, name).toBe(1);
      expect(out, name).toContain('points to a link (×3)');
      expect(out, name).toContain('If you have any questions');
    }
  });

  it('keeps its count when a report cuts a long message', () => {
    const long = makeReason({ signal: 'promo', code: 'PROMO_LINK', message: `link “https://example.org/${'a'.repeat(300)}”: sends readers to another page` });
    const twice = makeReport({ threads: [makeThread({ comments: [makeComment({ id: '1', score: 0.8, reasons: [long, long] })] })] });
    expect(markdownReporter(twice, DEFAULT_OPTIONS)).toMatch(/…\s?\(×2\)/u);
  });

  it('is every reason, each with its span, in the JSON report', () => {
    const json = JSON.parse([...jsonReporter(report, DEFAULT_OPTIONS)].join('')) as { threads: Array<{ comments: Array<{ reasons: Array<{ span?: number[] }> }> }> };
    expect(json.threads[0]!.comments[0]!.reasons.map((r) => r.span)).toEqual([[0, 10], [40, 50], undefined, [90, 100]]);
  });
});
