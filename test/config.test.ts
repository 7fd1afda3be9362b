import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, defaultConfig, parsePhraseFile, resolveConfig } from '../src/config.js';
import { findConfigFile, loadConfig } from '../src/config-file.js';
import { ConfigError } from '../src/errors.js';
import { scoreComment } from '../src/scoring/combine.js';
import { SIGNALS } from '../src/signals/index.js';
import { testFixture } from './helpers.js';

describe('configuration', () => {
  it('defaults: every registered signal has its own weight; threshold DEFAULT_THRESHOLD', () => {
    const c = defaultConfig();
    expect(c.threshold).toBe(DEFAULT_THRESHOLD);
    expect(c.signals['near-duplicate']).toMatchObject({ enabled: true });
    for (const signal of SIGNALS) expect(c.signals[signal.id]!.weight).toBe(signal.weight);
  });

  it('merges a user configuration over the defaults', () => {
    const c = resolveConfig({ threshold: 0.6, signals: { boilerplate: false, 'echo-reply': 0.2, 'near-duplicate': { options: { wordThreshold: 0.4 } } } }, 'x.json');
    expect(c.threshold).toBe(0.6);
    expect(c.signals.boilerplate!.enabled).toBe(false);
    expect(c.signals['echo-reply']!.weight).toBe(0.2);
    expect(c.signals['near-duplicate']!.options.wordThreshold).toBe(0.4);
    expect(c.signals['near-duplicate']!.options.characterThreshold).toBe(0.8);
  });

  it.each([
    [[], 'x.json: the configuration must be a JSON object, got an array'],
    [{ treshold: 1 }, 'x.json: unknown setting "treshold"'],
    [{ threshold: 2 }, 'x.json: threshold must be a number from 0 to 1, got 2'],
    [{ threshold: '0.5' }, 'x.json: threshold must be a number from 0 to 1, got "0.5"'],
    [{ signals: { nope: true } }, 'x.json: signals.nope is not a signal'],
    [{ signals: { boilerplate: { weight: -1 } } }, 'x.json: signals.boilerplate.weight must be a number from 0 to 1, got -1'],
    [{ signals: { boilerplate: { enabled: 'yes' } } }, 'x.json: signals.boilerplate.enabled must be true or false'],
    [{ signals: { boilerplate: { colour: 1 } } }, 'x.json: signals.boilerplate.colour is not a setting'],
    [{ signals: { 'near-duplicate': { options: { wordThreshold: 'high' } } } }, 'x.json: signals.near-duplicate.options.wordThreshold must be a number from 0.1 to 1, got "high"'],
    [{ signals: { 'near-duplicate': { options: { speed: 1 } } } }, 'x.json: signals.near-duplicate.options.speed is not an option of near-duplicate'],
    [{ gates: { maxFlagged: 1.5 } }, 'x.json: gates.maxFlagged must be a whole number ≥ 0'],
    [{ gates: { maxShare: 1 } }, 'x.json: gates.maxShare is not a gate'],
    [{ allowAuthors: 'bob' }, 'x.json: allowAuthors must be an array of strings'],
  ])('rejects %j with a message naming the field', (user, message) => {
    expect(() => resolveConfig(user, 'x.json')).toThrowError(ConfigError);
    expect(() => resolveConfig(user, 'x.json')).toThrowError(message);
  });

  it('validates phrase files: shape, duplicates, regex syntax and catastrophic patterns', () => {
    expect(parsePhraseFile([{ id: 'a', pattern: 'x', note: 'n', source: 's' }], 'p.json')[0]!.id).toBe('user:a');
    expect(() => parsePhraseFile({}, 'p.json')).toThrowError('p.json: a phrase file must be a JSON array');
    expect(() => parsePhraseFile([{ id: 'a', pattern: 'x', note: 'n' }], 'p.json')).toThrowError('p.json: [0].source must be a non-empty string');
    expect(() => parsePhraseFile([{ id: 'a', pattern: 'x', note: 'n', source: 's' }, { id: 'a', pattern: 'y', note: 'n', source: 's' }], 'p.json')).toThrowError('used twice');
    expect(() => parsePhraseFile([{ id: 'a', pattern: '(', note: 'n', source: 's' }], 'p.json')).toThrowError('[0].pattern is not a valid regular expression');
    expect(() => parsePhraseFile([{ id: 'a', pattern: '(a+)+$', note: 'n', source: 's' }], 'p.json')).toThrowError('[0].pattern is refused: it can take exponential time');
  });

  it('discovers threadsift.config.json upwards from the working directory and loads its phrase files', () => {
    const { config, origin } = loadConfig(undefined, testFixture('config', 'nested', 'deeper'));
    expect(origin).toBe(testFixture('config', 'threadsift.config.json'));
    expect(config.threshold).toBe(0.7);
    expect(config.signals['agenda-drift']!.enabled).toBe(false);
    expect(config.extraPhrases.map((p) => p.id)).toEqual(['user:big-if-true']);
  });

  it('reads the "threadsift" key of package.json', () => {
    expect(findConfigFile(testFixture('config', 'pkg'))?.path).toBe(`${testFixture('config', 'pkg', 'package.json')}#threadsift`);
    expect(loadConfig(undefined, testFixture('config', 'pkg')).config.threshold).toBe(0.3);
  });

  it('an explicit --config that does not exist is an error naming it', () => {
    expect(() => loadConfig(testFixture('config', 'missing.json'), '/')).toThrowError(/missing\.json: cannot be read \(ENOENT\)/);
  });

  it('allow-listed authors are never flagged, and the reason says why', () => {
    const config = resolveConfig({ allowAuthors: ['ModBot'] }, 'x.json');
    const findings = ['near-duplicate', 'boilerplate', 'promo'].map((signal) => ({ signal, commentId: '1', strength: 1, reason: { code: 'X', args: {} } }));
    const scored = scoreComment({ id: '1', index: 1, author: 'modbot', text: 'Rules: be kind.' }, findings, config);
    expect(scored.score).toBeGreaterThan(config.threshold);
    expect(scored.flagged).toBe(false);
    expect(scored.reasons[0]!.code).toBe('AUTHOR_ALLOWED');
  });
});
