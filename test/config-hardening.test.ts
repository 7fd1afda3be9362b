/**
 * Configuration, phrase and model files are user input (issue #12, items 2, 6, 7 and 10): every value has
 * a type and a range, unknown keys are errors, nothing from them reaches a prototype, and an error names
 * the file, the key path and the allowed range without echoing the file's content.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/cli.js';
import { defaultConfig, resolveConfig } from '../src/config.js';
import { loadConfig } from '../src/config-file.js';
import { ConfigError } from '../src/errors.js';
import { loadModel } from '../src/model/load.js';
import { trainModel } from '../src/model/model.js';
import { SIGNALS } from '../src/signals/index.js';
import { fixture, ROOT } from './helpers.js';
import { labelledThreads } from './model/helpers.js';

const SEED = fixture('putin-xi-summit.txt');
const tmp = () => mkdtempSync(join(tmpdir(), 'threadsift-config-'));

async function run(args: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const configError = (fn: () => unknown): ConfigError => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  return expect.fail('expected a ConfigError');
};

describe('prototype pollution through configuration (item 6)', () => {
  it('refuses "__proto__" as a signal id, from a file as JSON.parse reads it, and pollutes nothing', () => {
    const dir = tmp();
    const path = join(dir, 'threadsift.config.json');
    writeFileSync(path, '{"signals":{"__proto__":{"weight":0}}}');
    const err = configError(() => loadConfig(path, dir));
    expect(err.message).toBe(`${path}: signals.__proto__ is not allowed as a key`);
    expect(({} as Record<string, unknown>).weight).toBeUndefined();
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('refuses "%s" as a signal id and as a key anywhere', (key) => {
    expect(configError(() => resolveConfig(JSON.parse(`{"signals":{"${key}":true}}`), 'x.json')).message).toBe(`x.json: signals.${key} is not allowed as a key`);
    expect(configError(() => resolveConfig(JSON.parse(`{"${key}":1}`), 'x.json')).message).toBe(`x.json: ${key} is not allowed as a key`);
    expect(configError(() => resolveConfig(JSON.parse(`{"signals":{"promo":{"options":{"${key}":1}}}}`), 'x.json')).message).toBe(`x.json: signals.promo.options.${key} is not allowed as a key`);
  });

  it('the CLI refuses such a configuration with one line and exit 2 instead of changing the scores', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), '{"signals":{"__proto__":{"weight":0}}}');
    const r = await run([SEED, '-c', join(dir, 'bad.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`threadsift: ${join(dir, 'bad.json')}: signals.__proto__ is not allowed as a key\n`);
    expect((await run([SEED])).stdout).toContain('16 of 16 comments flagged');
  });

  it('builds its objects without a prototype', () => {
    const config = resolveConfig({ signals: { promo: { options: { minRepeatChars: 20 } } } }, 'x.json');
    expect(Object.getPrototypeOf(config.signals)).toBeNull();
    for (const s of Object.values(config.signals)) expect(Object.getPrototypeOf(s.options)).toBeNull();
    expect(Object.getPrototypeOf(defaultConfig().signals)).toBeNull();
  });
});

describe('every option has a type and a range (item 7)', () => {
  it('refuses prior 5 naming the file, the key path and the allowed range', () => {
    expect(configError(() => resolveConfig({ signals: { 'llm-style': { options: { prior: 5 } } } }, 'x.json')).message).toBe(
      'x.json: signals.llm-style.options.prior must be a number above 0 and below 1, got 5',
    );
  });

  it('the CLI refuses it: exit 2, not NaN scores', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'prior.json'), '{"signals":{"llm-style":{"options":{"prior":5}}}}');
    const r = await run([SEED, '-c', join(dir, 'prior.json'), '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/prior\.json: signals\.llm-style\.options\.prior must be a number above 0 and below 1, got 5/);
  });

  const settable = SIGNALS.flatMap((s) =>
    Object.keys(s.defaultOptions)
      .filter((k) => k !== 'extraPhrases' && k !== 'model')
      .map((k) => [s.id, k] as const),
  );

  it('every signal declares a schema for each of its options', () => {
    for (const s of SIGNALS) expect(Object.keys(s.optionsSchema).sort(), s.id).toEqual(Object.keys(s.defaultOptions).sort());
  });

  it.each(settable)('%s.%s: its default passes; a string, a huge and a negative number are refused with the range', (id, key) => {
    const signal = SIGNALS.find((s) => s.id === id)!;
    const def = (signal.defaultOptions as Record<string, unknown>)[key];
    expect(resolveConfig({ signals: { [id]: { options: { [key]: def } } } }, 'x.json').signals[id]!.options[key]).toBe(def);
    for (const bad of ['high', 1e12, -1]) {
      const message = configError(() => resolveConfig({ signals: { [id]: { options: { [key]: bad } } } }, 'x.json')).message;
      expect(message).toMatch(new RegExp(`^x\\.json: signals\\.${id}\\.options\\.${key} must be an? (?:whole )?number .+, got ${JSON.stringify(bad)}$`));
    }
  });
});

describe('a model file passes the same validation (item 2)', () => {
  const trained = () => JSON.parse(JSON.stringify(trainModel(labelledThreads(), defaultConfig())));
  const boilerplateAt = (file: { signals: Array<{ id: string }> }) => file.signals.findIndex((s) => s.id === 'boilerplate');

  it('refuses a phrase pattern that can take exponential time', () => {
    const file = trained();
    const i = boilerplateAt(file);
    file.signals[i].options.extraPhrases = [{ id: 'user:x', pattern: '(a+)+b', note: 'n', source: 's' }];
    expect(configError(() => loadModel(file, 'm.json')).message).toMatch(new RegExp(`^m\\.json: signals\\[${i}\\]\\.options\\.extraPhrases\\[0\\]\\.pattern is refused: `));
  });

  it('refuses options of the wrong type or range, naming the field', () => {
    const file = trained();
    const i = boilerplateAt(file);
    file.signals[i].options.extraPhrases = 'x';
    expect(configError(() => loadModel(file, 'm.json')).message).toMatch(new RegExp(`^m\\.json: signals\\[${i}\\]\\.options\\.extraPhrases must be an array of phrase entries`));
    const other = trained();
    const j = other.signals.findIndex((s: { id: string }) => s.id === 'llm-style');
    other.signals[j].options.prior = 5;
    expect(configError(() => loadModel(other, 'm.json')).message).toBe(`m.json: signals[${j}].options.prior must be a number above 0 and below 1, got 5`);
    const unknown = trained();
    unknown.signals[j].options.speed = 1;
    expect(configError(() => loadModel(unknown, 'm.json')).message).toBe(`m.json: signals[${j}].options.speed is not an option of llm-style`);
  });

  it('refuses "__proto__" keys in a model file read from disk', async () => {
    const dir = tmp();
    const file = trained();
    const text = JSON.stringify(file).replace('"signals":[{"id":', '"signals":[{"__proto__":{"x":1},"id":');
    writeFileSync(join(dir, 'm.json'), text);
    const r = await run([SEED, '--model', join(dir, 'm.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`threadsift: ${join(dir, 'm.json')}: signals[0].__proto__ is not allowed as a key\n`);
  });
});

describe('files that are not JSON are named with a position, never quoted (item 10)', () => {
  const secret = 'API_KEY=sk-live-4242424242\nPASSWORD=hunter2\n';
  it.each([
    ['config', (path: string) => run([SEED, '-c', path])],
    ['model', (path: string) => run([SEED, '--model', path])],
    [
      'phrase',
      (path: string) => {
        const dir = join(path, '..');
        writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ phraseFiles: [path] }));
        return run([SEED, '-c', join(dir, 'cfg.json')]);
      },
    ],
  ])('a %s file', async (_kind, go) => {
    const dir = tmp();
    const path = join(dir, '.env');
    writeFileSync(path, secret);
    const r = await go(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`threadsift: ${path}: is not valid JSON (line 1, column 1)\n`);
    expect(r.stderr).not.toMatch(/API|sk-live|hunter/);
  });
});

describe('configuration discovery and a broken package.json above (item 10)', () => {
  it('a package.json that is not JSON and holds no "threadsift" key is passed over', () => {
    const root = tmp();
    const below = join(root, 'project', 'exports');
    mkdirSync(below, { recursive: true });
    writeFileSync(join(root, 'package.json'), '{ "name": "half-written", ');
    expect(loadConfig(undefined, below).origin).toBe('defaults');
  });

  it('a broken package.json that does mention "threadsift" is an error naming it and the position', () => {
    const root = tmp();
    writeFileSync(join(root, 'package.json'), '{ "threadsift": { "threshold": 0.3 }, }');
    const err = configError(() => loadConfig(undefined, root));
    expect(err.message).toBe(`${join(root, 'package.json')}: is not valid JSON (line 1, column 39)`);
  });
});

describe('phrase entries: ids (item 6)', () => {
  it.each(['constructor', '__proto__', 'toString'])('refuses "%s" as a phrase id', (id) => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.json'), JSON.stringify([{ id, pattern: '\\bbig if true\\b', note: 'n', source: 's' }]));
    writeFileSync(join(dir, 'threadsift.config.json'), JSON.stringify({ phraseFiles: ['p.json'] }));
    expect(configError(() => loadConfig(undefined, dir)).message).toBe(`${join(dir, 'p.json')}: [0].id "${id}" is a reserved name`);
  });
});
