/**
 * Phrase patterns from users are proven safe or refused (issue #12, item 3), by recheck's automaton
 * checker with a timeout; the built-in phrase lists that user phrases join pass the same check.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli.js';
import { parsePhraseFile } from '../../src/config.js';
import { AGREEMENT_OPENERS } from '../../src/data/agreement.js';
import { BOILERPLATE } from '../../src/data/boilerplate.js';
import { ConfigError } from '../../src/errors.js';
import { checkPatternSafety } from '../../src/text/regex-safety.js';
import { fixture } from '../helpers.js';

const entry = (pattern: string) => [{ id: 'p', pattern, note: 'n', source: 's' }];

describe('user phrase patterns that backtrack catastrophically are refused', () => {
  // Each of these passed the structural nested-quantifier guard and hung a scan for more than 20 s.
  it.each([
    ['(?:a+){2,60}b', /can take (?:exponential|polynomial) time|could not be proven safe/],
    ['a*a*a*a*b', /can take polynomial time/],
    ['(?:\\w+ ?){1,40}!', /could not be proven safe|can take (?:exponential|polynomial) time/],
    ['(a+)+b', /can take exponential time/],
    ['\\bgreat (?:\\w+ )*point\\b', /can take (?:exponential|polynomial) time|could not be proven safe/],
  ])('%s', (pattern, why) => {
    let error: unknown;
    try {
      parsePhraseFile(entry(pattern), 'p.json');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^p\.json: \[0\]\.pattern is refused: it /);
    expect((error as ConfigError).message).toMatch(why);
  });

  it('refuses backreferences and lookaround, which the checker cannot prove', () => {
    expect(() => parsePhraseFile(entry('\\b(\\w+) \\1\\b'), 'p.json')).toThrowError(/backreferences and lookaround are not allowed/);
  });

  it('refuses a pattern it cannot prove within its time, without waiting longer', () => {
    const verdict = checkPatternSafety(AGREEMENT_OPENERS.find((e) => e.id === 'good-point')!.pattern, 50);
    expect(verdict).toMatchObject({ safe: false, why: 'could not be proven safe within 0.05 s' });
  });

  it('accepts ordinary phrases', () => {
    expect(parsePhraseFile(entry('\\bbig if true\\b'), 'p.json')[0]!.pattern).toBe('\\bbig if true\\b');
    expect(parsePhraseFile(entry('\\b(?:far|wide)[- ]reaching (?:consequences|implications)\\b'), 'p.json')).toHaveLength(1);
  });

  it('the CLI refuses such a phrase file in one line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-phrases-'));
    writeFileSync(join(dir, 'phrases.json'), JSON.stringify(entry('a*a*a*a*b')));
    writeFileSync(join(dir, 'threadsift.config.json'), JSON.stringify({ phraseFiles: ['phrases.json'] }));
    let stderr = '';
    const io: CliIO = { stdout: () => undefined, stderr: (t) => (stderr += t), readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: dir };
    expect(await main([fixture('putin-xi-summit.txt')], io)).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/phrases\.json: \[0\]\.pattern is refused: it can take polynomial time on a crafted comment \(ReDoS\)/);
  });
});

describe('the built-in phrase lists pass the same check', () => {
  // Checked once here rather than on every run; a long alternation takes the automaton checker a few
  // seconds in its pure-JavaScript build, so the time allowed is larger than a user file's.
  it.each([
    ['boilerplate', BOILERPLATE],
    ['agreement openers', AGREEMENT_OPENERS],
  ])('%s', (_name, list) => {
    const refused = list.map((e) => ({ id: e.id, verdict: checkPatternSafety(e.pattern, 60_000) })).filter((r) => !r.verdict.safe);
    expect(refused).toEqual([]);
  }, 180_000);
});
