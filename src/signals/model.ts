import { ConfigError } from '../errors.js';
import type { Model } from '../model/load.js';
import type { Finding, Signal } from '../types.js';
import { setElsewhere, unit, whole } from '../options.js';
import { list, pct, quote } from './wording.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type ModelSignalCode = 'MODEL_PROBABILITY';

/** Options of the model signal; the CLI sets `model` from `--model`. */
export interface ModelOptions {
  /** A model from loadModel (`--model model.json`); without one the signal finds nothing. */
  model: Model | null;
  /** How many of the largest contributions to give as evidence. */
  topFeatures: number;
  /** Probabilities below this are not reported (nearly every comment has a small one). */
  minProbability: number;
}

/**
 * The trained model's probability that a comment is a bot's, as evidence with the features that pushed
 * it up most. Off unless a model is given: the model-free signals stand on their own.
 */
export const modelSignal: Signal<ModelOptions, ModelSignalCode> = {
  id: 'model',
  description: 'Probability from a model trained on labelled threads (threadsift train), with its top contributing features',
  weight: 1,
  defaultOptions: { model: null, topFeatures: 5, minProbability: 0.05 },
  optionsSchema: { model: setElsewhere<Model | null>('a model file given with --model'), topFeatures: whole(1, 1000), minProbability: unit() },
  needs: { model: true },
  messages: {
    MODEL_PROBABILITY: (a) => {
      const features = (a.features as Array<{ feature: string }>).map((f) => f.feature.replace(/^ngram:/, '').replace(/^signal:/, 'signal '));
      return `trained model: ${pct(a.probability)} likely a bot${features.length ? `, mostly from ${list(features.map(quote))}` : ''}`;
    },
  },
  meanings: {
    MODEL_PROBABILITY:
      'The probability that the comment is a bot, from a model trained with `threadsift train` and given with `--model`; `args.features` lists the features that weighed most.',
  },
  analyze(thread, ctx) {
    const { model, topFeatures, minProbability } = ctx.options;
    if (model === null) return [];
    if (typeof model !== 'object' || typeof model.predict !== 'function') {
      throw new ConfigError('signals.model.options.model must be a model loaded from a model file', 'use --model <file>');
    }
    const findings: Finding<ModelSignalCode>[] = [];
    for (const p of model.predict(thread)) {
      if (p.probability < minProbability) continue;
      const top = p.contributions.filter((c) => c.contribution > 0).slice(0, topFeatures);
      const span = top.find((c) => c.span)?.span;
      findings.push({
        signal: 'model',
        commentId: p.commentId,
        strength: p.probability,
        reason: {
          code: 'MODEL_PROBABILITY',
          args: {
            probability: Math.round(p.probability * 1000) / 1000,
            model: model.origin,
            features: top.map((c) => ({ feature: c.feature, contribution: Math.round(c.contribution * 1000) / 1000 })),
          },
        },
        ...(span ? { span } : {}),
      });
    }
    return findings;
  },
};
