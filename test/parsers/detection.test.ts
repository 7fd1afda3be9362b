import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectParser } from '../../src/parsers/index.js';
import { detectedFormat, parserFixture, realExport, sharedDataset } from './support.js';
import { present } from '../helpers.js';

describe('detection without --input-format', () => {
  const real: Array<[string, string]> = [
    [realExport('disqus', 'isso-tests-disqus.xml'), 'disqus'],
    [realExport('disqus', 'remark42-testdata-disqus.xml'), 'disqus'],
    [realExport('disqus', 'remark42-testdata-disqus-deleted-post.xml'), 'disqus'],
    [realExport('disqus', 'remark42-testdata-disqus-deleted-thread.xml'), 'disqus'],
    [realExport('wordpress', 'isso-tests-wordpress.xml'), 'wxr'],
    [realExport('reddit', 'thoughts_on_openai_o1.json'), 'reddit'],
    [realExport('reddit', 'openai_o1_vs_recent_leetcode_questions.json'), 'reddit'],
    [realExport('commento', 'remark42-testdata-commento.json'), 'commento'],
  ];
  it.each(real)('%s is read as %s', (path, format) => {
    expect(detectedFormat(path)).toBe(format);
  });

  const own: Array<[string, string]> = [
    ['disqus-edge.xml', 'disqus'],
    ['wxr-edge.xml', 'wxr'],
    ['reddit-edge.json', 'reddit'],
    ['commento-edge.json', 'commento'],
    ['youtube-html.csv', 'csv'],
    ['tweepfake-semicolon.csv', 'csv'],
    ['explicit-columns.tsv', 'csv'],
  ];
  it.each(own)('fixture %s is read as %s', (name, format) => {
    expect(detectedFormat(parserFixture(name))).toBe(format);
  });

  const theme = sharedDataset('export-formats', 'wordpress', 'themeunittestdata.wordpress.xml');
  it.runIf(present(theme))('the WordPress theme unit test export (../shared) is read as wxr', () => {
    expect(detectedFormat(theme)).toBe('wxr');
  });

  it.each([
    [realExport('disqus', 'isso-tests-disqus.xml'), 'disqus'],
    [realExport('wordpress', 'isso-tests-wordpress.xml'), 'wxr'],
    [realExport('reddit', 'thoughts_on_openai_o1.json'), 'reddit'],
    [realExport('commento', 'remark42-testdata-commento.json'), 'commento'],
    [parserFixture('tweepfake-semicolon.csv'), 'csv'],
  ])('on stdin, %s is recognised by its content as %s', (path, format) => {
    expect(detectParser('-', readFileSync(path, 'utf8')).name).toBe(format);
  });

  it('does not take a text dump whose title has a comma for CSV', () => {
    expect(detectParser('-', 'Text, lies and video: a review\nThe article.\n\n3 Comments\nGreat\nNice\nBad\n').name).toBe('text');
  });
});
