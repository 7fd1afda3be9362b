import { describe, expect, it } from 'vitest';
import { githubReporter } from '../../src/reporters/github.js';
import { CONTROL_BYTES, DEFAULT_OPTIONS, HOSTILE, hostileReport, makeComment, makeReport, makeThread, sampleReport } from './builders.js';

// The runner reads one command per line (any line break, CR included) when the line starts with "::".
const lines = (out: string) => out.replace(/\n$/, '').split(/\r\n|\r|\n/);
const commands = (out: string) => lines(out).filter((l) => l.trimStart().startsWith('::'));

/** A command split the way the runner splits it: name, properties, message (unescaped). */
function parseCommand(line: string): { name: string; props: Record<string, string>; message: string } {
  const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => {
    const eq = p.indexOf('=');
    return [p.slice(0, eq), unescape(p.slice(eq + 1))];
  }));
  return { name: m[1]!, props, message: unescape(m[3]!) };
}

const oneFlagged = (over: Parameters<typeof makeComment>[0], source = 'dumps/t.txt') =>
  githubReporter(makeReport({ threads: [makeThread({ source, comments: [makeComment(over)] })] }), DEFAULT_OPTIONS);

describe('github reporter', () => {
  it('renders a typical run (golden)', async () => {
    await expect(githubReporter(sampleReport(), DEFAULT_OPTIONS)).toMatchFileSnapshot('__golden__/github.txt');
  });

  it('puts input errors first, then flagged comments worst first, then one notice', () => {
    const out = githubReporter(sampleReport(), DEFAULT_OPTIONS);
    expect(commands(out).map((l) => parseCommand(l)).map((c) => `${c.name} ${c.props.title ?? ''}`)).toEqual([
      'error threadsift: input not read',
      'error Likely bot reply #2 (score 0.92)',
      'error Likely bot reply #3 (score 0.80)',
      'warning Likely bot reply #4 (score 0.55)',
      'notice threadsift',
    ]);
  });

  it.each([
    [0.8, 'error'],
    [0.79, 'warning'],
    [0.5, 'warning'],
  ])('a flagged comment scoring %d is an %s', (score, level) => {
    expect(parseCommand(commands(oneFlagged({ id: '1', score }))[0]!).name).toBe(level);
  });

  it('names the file, and no line when the input format gave none; stdin names no file', () => {
    expect(parseCommand(commands(oneFlagged({ id: '1', score: 0.9 }))[0]!).props).toEqual({ file: 'dumps/t.txt', title: 'Likely bot reply #1 (score 0.90)' });
    expect(parseCommand(commands(oneFlagged({ id: '1', score: 0.9 }, '-'))[0]!).props).toEqual({ title: 'Likely bot reply #1 (score 0.90)' });
  });

  it("names the comment's line when the input format gave one (text dump, JSONL), never for stdin", () => {
    expect(parseCommand(commands(oneFlagged({ id: '1', score: 0.9, line: 42 }))[0]!).props).toEqual({ file: 'dumps/t.txt', line: '42', title: 'Likely bot reply #1 (score 0.90)' });
    expect(parseCommand(commands(oneFlagged({ id: '1', score: 0.9, line: 42 }, '-'))[0]!).props).toEqual({ title: 'Likely bot reply #1 (score 0.90)' });
  });

  it('escapes property values: : and , in a path', () => {
    const out = oneFlagged({ id: '1', score: 0.9 }, 'C:\\dumps\\a,b.txt');
    expect(out).toContain('::error file=C%3A\\dumps\\a%2Cb.txt,title=');
  });

  it('only a notice when nothing is flagged', () => {
    const out = githubReporter(makeReport({ threads: [makeThread({ comments: [makeComment({ id: '1' })] })] }), DEFAULT_OPTIONS);
    expect(out).toBe('::notice title=threadsift::No likely bot replies among 1 comments in 1 thread.\n');
  });

  it('warns in the notice when GitHub will not show every annotation', () => {
    const comments = Array.from({ length: 11 }, (_, i) => makeComment({ id: String(i + 1), score: 0.9 }));
    const notice = parseCommand(commands(githubReporter(makeReport({ threads: [makeThread({ comments })] }), DEFAULT_OPTIONS)).at(-1)!);
    expect(notice.message).toContain('GitHub shows only the first 10 errors and 10 warnings of a step');
  });

  describe('hostile input', () => {
    const out = githubReporter(hostileReport(), { ...DEFAULT_OPTIONS, verbose: true });

    it('emits exactly one command per line and one line per annotation', () => {
      const expected = 1 + HOSTILE.length + 1;
      expect(lines(out)).toHaveLength(expected);
      expect(commands(out)).toHaveLength(expected);
      for (const line of lines(out)) expect(line).toMatch(/^::(error|warning|notice)( [^:]*)?::/);
    });

    it('contains no control bytes, CR or escape sequences', () => {
      expect(out).not.toMatch(CONTROL_BYTES);
      expect(out).not.toContain('\r');
    });

    it('keeps properties to file and title (the builders give no line)', () => {
      for (const line of commands(out)) {
        for (const key of Object.keys(parseCommand(line).props)) expect(['file', 'title']).toContain(key);
      }
    });

    it('a literal %0A in a comment stays literal text', () => {
      expect(out).toContain('%250A::error::literal');
      const message = commands(out).map((l) => parseCommand(l).message).find((m) => m.includes('::error::literal'))!;
      expect(message).toContain('“%0A::error::literal %0A::error::literal”');
    });

    it('a newline in a comment is flattened, so its text stays inside the message', () => {
      const message = commands(out).map((l) => parseCommand(l).message).find((m) => m.includes('“ok'))!;
      expect(message).toContain('“ok ::error::pwned ok ::error::pwned”');
      for (const line of message.split('\n')) expect(line).not.toMatch(/^::/);
    });
  });
});
