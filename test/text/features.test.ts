import { describe, expect, it } from 'vitest';
import { commentFeatures } from '../../src/text/comment.js';
import { threadFeatures } from '../../src/text/features.js';
import { makeThread } from '../helpers.js';

describe('commentFeatures', () => {
  it('blanks links in any letter case out of the commenter’s own words', () => {
    for (const link of ['https://example.com/a', 'HTTPS://Example.com/a', 'WWW.example.com', 'www.Example.com/path?x=1', 'Http://x.y']) {
      const f = commentFeatures(`Great read ${link} about housing policy`);
      expect(f.own, link).not.toContain(link);
      expect(f.own.length).toBe(`Great read ${link} about housing policy`.length);
      expect(f.tokens.toArray().map((t) => t.lower), link).toEqual(['great', 'read', 'about', 'housing', 'policy']);
    }
    const plain = commentFeatures('No link here, just www and http words.');
    expect(plain.own).toBe('No link here, just www and http words.');
  });

  it('builds its bigram profile and word pairs on first use, once', () => {
    const f = commentFeatures('Energy security and supply chains matter. Commodity markets, too.');
    const built = f as unknown as { bigrams?: unknown; contentPairs?: unknown };
    expect(built.bigrams).toBeUndefined();
    expect(built.contentPairs).toBeUndefined();
    expect(f.pairs).toBe(f.pairs);
    expect(Array.from(f.pairs, (k) => `${f.content.lower(k - 1)} ${f.content.lower(k)}`)).toEqual(['energy security', 'security supply', 'supply chains', 'chains matter', 'commodity markets']);
    expect(f.profile).toBe(f.profile);
    expect(f.profile.length).toBe(f.folded.replace(/\s+/g, '').length);
  });
});

describe('threadFeatures', () => {
  it('computes features once per distinct text: copies share them, counts still count every comment', () => {
    const spam = 'Check out my channel for daily crypto signals and giveaways';
    const thread = makeThread([
      { id: '1', text: spam },
      { id: '2', text: 'A different comment about zoning reform in the city' },
      { id: '3', text: spam },
    ]);
    const f = threadFeatures(thread);
    expect(f.comments[0]).toBe(f.comments[2]);
    expect(f.comments[1]).not.toBe(f.comments[0]);
    expect(f.docFreq.get('crypto')).toBe(2);
    expect(f.docFreq.get('zone')).toBe(1);
  });
});
