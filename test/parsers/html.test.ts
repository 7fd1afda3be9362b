import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, decodeXmlEntities, htmlToText, looksLikeHtml } from '../../src/parsers/html.js';

describe('htmlToText', () => {
  it.each([
    ['<p>One</p><p>Two<br>three<br />four</p>', 'One\n\nTwo\nthree\nfour'],
    ['<a href="https://x.example/?a=1&amp;b=2" rel="nofollow">link text</a> after', 'link text after'],
    ['I&#39;m &quot;here&quot; &amp; there &#x263A; &hellip;', 'I\'m "here" & there ☺ …'],
    ['&amp;lt;b&amp;gt; is how you write <b>bold</b>', '&lt;b&gt; is how you write bold'],
    ['I &lt;3 you', 'I <3 you'],
    ['1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
    ['<U+0001F447> is an escape, not a tag', '<U+0001F447> is an escape, not a tag'],
    ['<!-- wp:paragraph --><p>Kept</p><!-- /wp:paragraph --><script>alert(1)</script><style>p{}</style>', 'Kept'],
    ['<ul><li>one</li><li>two</li></ul>after', 'one\ntwo\n\nafter'],
    ['  spaced\n   out   <i>words</i>  ', 'spaced out words'],
    ['&#0; &#xD800; &#99999999; &bogus; stay', '&#0; &#xD800; &#99999999; &bogus; stay'],
    ['unclosed <!-- comment swallows the rest', 'unclosed'],
  ])('%j -> %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('keeps source line breaks when asked (WordPress comments), still turning <br> into one', () => {
    expect(htmlToText('line one\nline  two<br>three', { keepNewlines: true })).toBe('line one\nline two\nthree');
    expect(htmlToText('line one\nline two')).toBe('line one line two');
  });
});

describe('entity decoding', () => {
  it('XML decoding knows only the five XML entities and numeric references', () => {
    expect(decodeXmlEntities('&amp;&lt;&gt;&quot;&apos;&#65;&#x42; &nbsp; &amp;amp;')).toBe('&<>"\'AB &nbsp; &amp;');
  });

  it('HTML decoding also knows named entities, once', () => {
    expect(decodeHtmlEntities('a&nbsp;b &mdash; &amp;nbsp;')).toBe('a\u00A0b \u2014 &nbsp;');
  });

  it('HTML decoding knows every named entity of the standard, only with its ";"', () => {
    expect(decodeHtmlEntities('caf&eacute; na&iuml;ve &Omega; &notin; &CounterClockwiseContourIntegral;')).toBe('café naïve Ω ∉ ∳');
    expect(decodeHtmlEntities('&copy 2024, &notit; &ampx; &bogus;')).toBe('&copy 2024, &notit; &ampx; &bogus;');
    expect(decodeXmlEntities('caf&eacute;')).toBe('caf&eacute;');
  });

  it('numeric references to control characters decode to the character itself (reporters strip them)', () => {
    expect(decodeHtmlEntities('&#27;[31m &#x9B;2J &#x80; &#1;')).toBe('\u001B[31m \u009B2J \u0080 \u0001');
    expect(decodeXmlEntities('&#x9B;&#7;')).toBe('\u009B\u0007');
  });

  it('only markup or references count as HTML', () => {
    expect([looksLikeHtml('a <br/> b'), looksLikeHtml('&amp;'), looksLikeHtml('1 < 2 > 0'), looksLikeHtml('AT&T; ok'), looksLikeHtml('&copy; 2024'), looksLikeHtml('<U+1F447>')]).toEqual([
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
  });
});
