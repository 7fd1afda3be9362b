/** The stopword list is a copy of natural's (see src/data/stopwords.ts); natural stays a devDependency as its reference. */
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';
import { describe, expect, it } from 'vitest';
import { EXTRA_STOPWORDS, NATURAL_STOPWORDS, STOPWORDS } from '../../src/data/stopwords.js';

describe('stopwords', () => {
  it("copies natural's list exactly, in its order", () => {
    expect(NATURAL_STOPWORDS).toEqual(naturalStopwords);
  });

  it("is natural's list and the extra words, nothing else", () => {
    expect(STOPWORDS).toEqual(new Set([...naturalStopwords, ...EXTRA_STOPWORDS]));
  });
});
