import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvReporter } from '../../src/reporters/csv.js';
import { CONTROL_BYTES, DEFAULT_OPTIONS, HOSTILE, hostileReport, makeComment, makeReason, makeReport, makeThread, sampleReport } from './builders.js';

const HEADER = ['thread', 'source', 'comment_id', 'index', 'author', 'score', 'flagged', 'top_reasons', 'related', 'excerpt', 'reason_codes', 'date', 'parent'] as const;
const NUMERIC = new Set<string>(['index', 'score']);

const records = (csv: string): Array<Record<(typeof HEADER)[number], string>> => parse(csv, { columns: true });
const rows = (csv: string): string[][] => parse(csv);

describe('csv reporter', () => {
  it('renders a typical run (golden)', async () => {
    await expect(csvReporter(sampleReport(), DEFAULT_OPTIONS)).toMatchFileSnapshot('__golden__/csv.txt');
  });

  it('writes the documented header, LF line ends and one row per comment in thread order', () => {
    const out = csvReporter(sampleReport(), DEFAULT_OPTIONS);
    expect(out.split('\n')[0]).toBe(HEADER.join(','));
    expect(out).not.toContain('\r');
    expect(out.endsWith('\n')).toBe(true);
    expect(records(out).map((r) => `${r.thread}/${r.comment_id}`)).toEqual(['weather/a', 'summit/1', 'summit/2', 'summit/3', 'summit/4']);
  });

  it('--quiet keeps flagged comments only', () => {
    const out = csvReporter(sampleReport(), { ...DEFAULT_OPTIONS, quiet: true });
    expect(records(out).map((r) => r.comment_id)).toEqual(['2', '3', '4']);
  });

  it('--verbose puts every reason in top_reasons; reason_codes always lists every code', () => {
    const [quiet, verbose] = [DEFAULT_OPTIONS, { ...DEFAULT_OPTIONS, verbose: true }].map((o) => records(csvReporter(sampleReport(), o)).find((r) => r.comment_id === '2')!);
    expect(quiet!.top_reasons.split(' | ')).toHaveLength(3);
    expect(verbose!.top_reasons.split(' | ')).toHaveLength(4);
    expect(quiet!.reason_codes).toBe('NEAR_DUPLICATE BOILERPLATE_PHRASE AGENDA_TERM');
  });

  it('only a header when there are no comments', () => {
    expect(csvReporter(makeReport(), DEFAULT_OPTIONS)).toBe(`${HEADER.join(',')}\n`);
  });

  it('quotes commas, quotes and keeps Unicode, so author and excerpt survive a round trip', () => {
    const author = 'Zoë, "the" bot 🤖';
    const text = 'Hello, "world";\nsecond line';
    const out = csvReporter(makeReport({ threads: [makeThread({ comments: [makeComment({ id: '1', author, text, score: 1 })] })] }), DEFAULT_OPTIONS);
    expect(out).toContain('"Zoë, ""the"" bot 🤖"');
    const [row] = records(out);
    expect(row!.author).toBe(author);
    expect(row!.excerpt).toBe('Hello, "world"; second line');
    expect(row!.score).toBe('1');
  });

  it('gives date and parent, and one strength column per signal: 0 when it found nothing, empty when off', () => {
    const report = makeReport({
      threads: [
        makeThread({
          comments: [
            makeComment({ id: '1', createdAt: '2024-05-16T09:00:00Z', score: 0.2 }),
            makeComment({
              id: '2',
              parentId: '1',
              score: 0.9,
              reasons: [makeReason({ strength: 0.6 }), makeReason({ strength: 0.95 }), makeReason({ signal: 'boilerplate', code: 'BOILERPLATE_PHRASE', strength: 0.4 })],
            }),
          ],
        }),
      ],
    });
    report.signals = [
      { id: 'near-duplicate', description: '', weight: 0.45, enabled: true },
      { id: 'boilerplate', description: '', weight: 0.55, enabled: true },
      { id: 'model', description: '', weight: 1, enabled: false },
    ];
    const out = csvReporter(report, DEFAULT_OPTIONS);
    expect(out.split('\n')[0]).toBe([...HEADER, 'strength_near_duplicate', 'strength_boilerplate', 'strength_model'].join(','));
    const [first, second] = parse(out, { columns: true }) as Array<Record<string, string>>;
    expect(first).toMatchObject({ date: '2024-05-16T09:00:00Z', parent: '', strength_near_duplicate: '0', strength_boilerplate: '0', strength_model: '' });
    expect(second).toMatchObject({ date: '', parent: '1', strength_near_duplicate: '0.95', strength_boilerplate: '0.4', strength_model: '' });
  });

  it('--csv-raw writes cells as the data has them: no apostrophe, still one line and no control bytes', () => {
    const out = csvReporter(hostileReport(), { ...DEFAULT_OPTIONS, csvRaw: true });
    const byIndex = new Map(records(out).map((r) => [Number(r.index), r]));
    expect(byIndex.get(4)!.author).toBe('=HYPERLINK("http://x","y")');
    expect(byIndex.get(7)!.comment_id).toBe('-2+3');
    expect(byIndex.get(1)!.author).toBe('red');
    expect(out).not.toMatch(CONTROL_BYTES);
    expect(out.split('\n')).toHaveLength(HOSTILE.length + 2);
  });

  describe('hostile input', () => {
    const out = csvReporter(hostileReport(), { ...DEFAULT_OPTIONS, verbose: true });
    const parsed = rows(out);
    const byIndex = new Map(records(out).map((r) => [Number(r.index), r]));

    it('round-trips through csv-parse with one row per comment and a fixed column count', () => {
      expect(parsed).toHaveLength(HOSTILE.length + 1);
      for (const row of parsed) expect(row).toHaveLength(HEADER.length);
      expect(out.split('\n')).toHaveLength(HOSTILE.length + 2);
    });

    it('contains no control bytes or escape sequences', () => {
      expect(out).not.toMatch(CONTROL_BYTES);
    });

    it('starts no text cell with a formula character; numeric cells stay numbers', () => {
      for (const row of parsed.slice(1)) {
        row.forEach((cell, i) => {
          const column = HEADER[i]!;
          if (NUMERIC.has(column)) expect(cell).toMatch(/^\d+(\.\d+)?$/);
          else expect(cell, `${column}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
        });
      }
    });

    it.each([
      [1, 'red'],
      [2, 'x'],
      [3, 'c1 csi'],
      [4, `'=HYPERLINK("http://x","y")`],
      [5, `'+cmd|' /C calc'!A0`],
      [6, `'@SUM(1)`],
      [7, `'-2+3`],
      [8, `' leading tab`],
      [9, `leading CR`],
      [13, 'ok ::error::pwned'],
    ])('comment %i: author and id are neutralised, otherwise intact: %j', (index, expected) => {
      const row = byIndex.get(index)!;
      expect(row.author).toBe(expected);
      expect(row.comment_id).toBe(expected);
    });

    it('neutralises a negative-looking id in every column that names it', () => {
      const row = byIndex.get(6)!;
      expect(row.related).toBe(`'-2+3`);
    });
  });
});
