import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { loadModel, type Model } from '../../src/model/load.js';
import { trainModel } from '../../src/model/model.js';
import { modelSignal } from '../../src/signals/model.js';
import { makeThread, runSignal, spanText } from '../helpers.js';
import { labelledThreads } from '../model/helpers.js';

const model = loadModel(trainModel(labelledThreads(), defaultConfig(), { iterations: 200, minDocumentFrequency: 1 }), 'spam-model.json');

describe('model signal', () => {
  it('finds nothing without a model, which is the default', () => {
    expect(modelSignal.defaultOptions.model).toBeNull();
    expect(runSignal(modelSignal, makeThread(['check out my channel']))).toEqual([]);
  });

  it('emits the probability as strength, the top contributions as evidence and the top n-gram as span', () => {
    const thread = makeThread(['check out my channel and subscribe', 'the violin part at the end is lovely']);
    const findings = runSignal(modelSignal, thread, { model, topFeatures: 3, minProbability: 0 });
    expect(findings.map((f) => f.commentId)).toEqual(['1', '2']);
    const [spam, ham] = findings;
    expect(spam!.reason.code).toBe('MODEL_PROBABILITY');
    expect(spam!.strength).toBeGreaterThan(ham!.strength);
    const predicted = model.predict(thread)[0]!;
    expect(spam!.strength).toBe(predicted.probability);
    const features = spam!.reason.args.features as Array<{ feature: string; contribution: number }>;
    expect(features.map((f) => f.feature)).toEqual(predicted.contributions.slice(0, 3).map((c) => c.feature));
    expect(features.every((f) => f.contribution > 0)).toBe(true);
    expect(spam!.reason.args.model).toBe('spam-model.json');
    const firstNgram = predicted.contributions.slice(0, 3).find((c) => c.span)!;
    expect(spanText(thread, spam!)).toBe(thread.comments[0]!.text.slice(...firstNgram.span!));
  });

  it('leaves out probabilities below minProbability', () => {
    const thread = makeThread(['check out my channel and subscribe', 'the violin part at the end is lovely']);
    const low = model.predict(thread)[1]!.probability;
    const findings = runSignal(modelSignal, thread, { model, minProbability: low + 1e-9 });
    expect(findings.map((f) => f.commentId)).toEqual(['1']);
  });

  it('refuses an option that is not a loaded model', () => {
    const fake = { origin: 'x' } as unknown as Model;
    expect(() => runSignal(modelSignal, makeThread(['hi']), { model: fake })).toThrowError(ConfigError);
  });
});
