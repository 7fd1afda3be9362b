import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../src/reporters/json.js';
import { clustersJson, type ClustersReport } from '../../src/reporters/clusters.js';
import { DEFAULT_OPTIONS, makeComment, makeReason, makeReport, makeThread } from './builders.js';

/**
 * Characters that reorder or hide text (bidi embeddings, overrides and isolates, marks, format
 * characters) or act as controls on a terminal (C1: U+009B is an 8-bit CSI), one of each kind.
 */
const INVISIBLE = ['\u007f', '\u0085', '\u009b', '\u009d', '\u00ad', '\u061c', '\u200b', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2060', '\ufeff', '\ufff9', '\u{e0041}', '\u{1d173}'];
const RAW = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

const hostile = (label: string) => `${label}:${INVISIBLE.join('x')}`;

describe('json reporter: invisible and control characters (issue #12, item 8)', () => {
  const report = makeReport({
    threads: [
      makeThread({
        id: hostile('thread-id'),
        title: hostile('title'),
        source: hostile('source'),
        comments: [
          makeComment({
            id: hostile('id'),
            author: hostile('author'),
            text: hostile('text'),
            score: 0.9,
            reasons: [makeReason({ message: hostile('message'), args: { phrase: hostile('phrase') }, related: [hostile('related')] })],
          }),
        ],
      }),
    ],
    errors: [{ source: hostile('bad'), message: hostile('error') }],
  });
  const text = [...jsonReporter(report, DEFAULT_OPTIONS)].join('');

  it('writes every such character as a \\u escape: none is in the output raw', () => {
    // Pretty-printing puts line feeds between fields; none may be inside a string.
    expect(text.replace(/\n/g, '')).not.toMatch(RAW);
    for (const ch of INVISIBLE) expect(text.includes(ch), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(false);
    expect(text).toContain('\\u009b');
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\udb40\\udc41');
  });

  it('is still valid JSON that reads back to the same strings', () => {
    const back = JSON.parse(text);
    const t = back.threads[0];
    expect(t.id).toBe(hostile('thread-id'));
    expect(t.title).toBe(hostile('title'));
    expect(t.source).toBe(hostile('source'));
    expect(t.comments[0].id).toBe(hostile('id'));
    expect(t.comments[0].author).toBe(hostile('author'));
    expect(t.comments[0].reasons[0].message).toBe(hostile('message'));
    expect(t.comments[0].reasons[0].args.phrase).toBe(hostile('phrase'));
    expect(t.comments[0].reasons[0].related).toEqual([hostile('related')]);
    expect(back.errors[0]).toEqual({ source: hostile('bad'), message: hostile('error') });
  });

  it('leaves ordinary text, emoji and line breaks in strings as JSON.stringify writes them', () => {
    const plain = makeReport({ threads: [makeThread({ title: 'Café 😀 — “quoted”\nnext', comments: [makeComment({ id: '1' })] })] });
    const out = [...jsonReporter(plain, DEFAULT_OPTIONS)].join('');
    expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
    expect(out).toContain('Café 😀 — “quoted”\\nnext');
  });

  it('clusters JSON escapes them too', () => {
    const clusters: ClustersReport = {
      tool: { name: 'threadsift', version: '9.9.9' },
      settings: { similarity: 0.8, minWords: 5, lsh: { bands: 10, rows: 6 } },
      summary: { threads: 2, comments: 2, ignored: 0, uniqueTexts: 1, clusters: 1, commentsInClusters: 2, candidatePairs: 1, verifiedPairs: 1, errors: 0 },
      clusters: [{ id: 'k', size: 2, threads: [{ source: hostile('a'), id: 'a' }], members: [], representative: hostile('rep'), similarity: { min: 1, mean: 1 } }],
      errors: [],
    } as unknown as ClustersReport;
    const out = [...clustersJson(clusters)].join('');
    for (const ch of INVISIBLE) expect(out.includes(ch)).toBe(false);
    expect(JSON.parse(out).crossThreadClusters[0].representative).toBe(hostile('rep'));
  });
});
