import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { loadModel } from '../../src/model/load.js';
import { MODEL_FORMAT, MODEL_VERSION, trainModel, type ModelFile } from '../../src/model/model.js';
import { ngrams } from '../../src/model/features.js';
import { makeThread } from '../helpers.js';
import { labelledThreads } from './helpers.js';

const options = { iterations: 200, minDocumentFrequency: 1 };
const file = trainModel(labelledThreads(), defaultConfig(), options);

describe('trainModel', () => {
  it('writes a versioned, self-describing file', () => {
    expect(file).toMatchObject({ format: MODEL_FORMAT, version: MODEL_VERSION, createdBy: expect.stringMatching(/^threadsift \d/) });
    expect(file.trainedOn).toEqual({ threads: 2, comments: 16, labelled: 16, positives: 8, negatives: 8 });
    expect(file.features).toHaveLength(file.weights.length);
    // Signal features first, in registry order, the model itself excluded; then the n-grams.
    expect(file.features.filter((f) => f.startsWith('signal:'))).toEqual(file.signals.map((s) => `signal:${s.id}`));
    expect(file.signals.map((s) => s.id)).not.toContain('model');
    expect(file.features).toContain('ngram:check out');
    expect(file.training).toMatchObject({ l2: 1, iterations: 200, folds: 3, vocabularySize: 3000, minDocumentFrequency: 1 });
    expect(file.training.crossValidated).not.toBeNull();
    expect(file.threshold).toBeGreaterThan(0);
    expect(file.threshold).toBeLessThanOrEqual(1);
  });

  it('learns which words mark spam', () => {
    const weight = (f: string) => file.weights[file.features.indexOf(f)]!;
    expect(weight('ngram:channel')).toBeGreaterThan(0);
    expect(weight('ngram:the')).toBeLessThan(0);
  });

  it('is deterministic: the same data gives the same file', () => {
    expect(trainModel(labelledThreads(), defaultConfig(), options)).toEqual(file);
  });

  it('keeps the vocabulary to the most frequent n-grams', () => {
    const small = trainModel(labelledThreads(), defaultConfig(), { ...options, vocabularySize: 5 });
    expect(small.features.filter((f) => f.startsWith('ngram:'))).toHaveLength(5);
    expect(small.features).toContain('ngram:the');
  });

  it('ignores unlabelled comments and refuses one-class data', () => {
    const threads = labelledThreads();
    threads[0]!.comments.push({ id: 'u1', index: 99, text: 'no label on this one' });
    expect(trainModel(threads, defaultConfig(), options).trainedOn).toMatchObject({ comments: 17, labelled: 16 });
    const humans = makeThread([{ text: 'a', label: false }, { text: 'b', label: false }]);
    expect(() => trainModel([humans], defaultConfig(), options)).toThrowError(/all human/);
  });
});

describe('loadModel', () => {
  const model = loadModel(JSON.parse(JSON.stringify(file)) as unknown, 'model.json');

  it('predicts higher for spam-like text, with the contributions that explain it', () => {
    const thread = makeThread(['check out my channel and subscribe', 'the violin part at the end is lovely']);
    const [spam, ham] = model.predict(thread);
    expect(spam!.commentId).toBe('1');
    expect(spam!.probability).toBeGreaterThan(ham!.probability);
    const top = spam!.contributions[0]!;
    expect(top.contribution).toBeGreaterThan(0);
    expect(spam!.contributions.map((c) => c.contribution)).toEqual([...spam!.contributions.map((c) => c.contribution)].sort((a, b) => b - a));
    const channel = spam!.contributions.find((c) => c.feature === 'ngram:channel')!;
    expect(thread.comments[0]!.text.slice(...channel.span!)).toBe('channel');
  });

  it('reads the file text as well as parsed JSON', () => {
    const fromText = loadModel(JSON.stringify(file), 'model.json');
    const thread = makeThread(['subscribe to my channel']);
    expect(fromText.predict(thread)).toEqual(model.predict(thread));
    expect(fromText.origin).toBe('model.json');
  });

  const broken: Array<[string, (f: Record<string, unknown>) => unknown, RegExp]> = [
    ['not JSON', () => '{oops', /^m\.json: is not valid JSON \(line 1, column 2\)$/],
    ['not an object', () => [1, 2], /^m\.json: the model must be a JSON object, got array$/],
    ['wrong format', (f) => ({ ...f, format: 'other' }), /^m\.json: format must be "threadsift-model", got "other"$/],
    ['newer version', (f) => ({ ...f, version: 2 }), /^m\.json: version 2 is not supported: this threadsift reads version 1$/],
    ['unknown signal', (f) => ({ ...f, signals: [{ id: 'telepathy', options: {} }] }), /^m\.json: signals\[0\]\.id "telepathy" is not a signal/],
    ['signal without options', (f) => ({ ...f, signals: [{ id: 'promo' }] }), /^m\.json: signals\[0\]\.options must be an object, got undefined$/],
    ['weights of the wrong length', (f) => ({ ...f, weights: [1] }), /^m\.json: weights has 1 entries but features has \d+$/],
    ['a non-numeric weight', (f) => ({ ...f, weights: (f.weights as number[]).map((w, i) => (i === 3 ? 'x' : w)) }), /^m\.json: weights\[3\] must be a finite number, got "x"$/],
    ['a feature of no known kind', (f) => ({ ...f, features: (f.features as string[]).map((x, i) => (i === 0 ? 'color:red' : x)) }), /^m\.json: features\[0\] "color:red" must start with "signal:" or "ngram:"$/],
    ['a duplicated feature', (f) => ({ ...f, features: (f.features as string[]).map((x, i, all) => (i === all.length - 1 ? all[all.length - 2]! : x)) }), /^m\.json: features\[\d+\] ".+" is listed twice$/],
    ['a signal feature without its signal', (f) => ({ ...f, signals: (f.signals as unknown[]).slice(1) }), /^m\.json: features\[0\] "signal:near-duplicate" names a signal missing from signals$/],
    ['no bias', (f) => ({ ...f, bias: null }), /^m\.json: bias must be a finite number, got null$/],
    ['threshold out of range', (f) => ({ ...f, threshold: 1.5 }), /^m\.json: threshold must be a number from 0 to 1, got 1\.5$/],
    ['bad counts', (f) => ({ ...f, trainedOn: { ...(f.trainedOn as object), positives: -1 } }), /^m\.json: trainedOn\.positives must be a whole number ≥ 0$/],
  ];
  it.each(broken)('rejects %s with a ConfigError naming the field', (_, mutate, message) => {
    const data = mutate(JSON.parse(JSON.stringify(file)) as Record<string, unknown>);
    expect(() => loadModel(data, 'm.json')).toThrowError(ConfigError);
    expect(() => loadModel(data, 'm.json')).toThrowError(message);
  });

  it('the file round-trips through JSON unchanged', () => {
    const again: ModelFile = JSON.parse(JSON.stringify(model.file)) as ModelFile;
    expect(again).toEqual(file);
  });
});

describe('ngrams', () => {
  it('gives distinct unigrams and bigrams with spans, digits folded', () => {
    const text = 'Sub 4 sub, sub 4 sub!';
    expect(ngrams(text).map((g) => [g.key, text.slice(...g.span)])).toEqual([
      ['sub', 'Sub'],
      ['sub #', 'Sub 4'],
      ['#', '4'],
      ['# sub', '4 sub'],
      ['sub sub', 'sub, sub'],
    ]);
  });
});
