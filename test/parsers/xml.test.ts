import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/parsers/html.js';
import { readXmlRecords, type XmlRecord } from '../../src/parsers/xml.js';
import { attribute, childText, name, text } from '../../src/parsers/xml-tree.js';
import { testFixture } from '../helpers.js';
import { inputError } from './support.js';

const read = (xml: string, path: readonly string[] = ['root']) => {
  const records: XmlRecord[] = [];
  const warnings = readXmlRecords(xml, 'test.xml', path, (r) => records.push(r));
  return { records, warnings };
};

describe('xml: DOCTYPE safety', () => {
  it('refuses entity declarations before anything is expanded, naming the line', () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE root [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<root><r>&b;</r></root>`;
    const err = inputError(() => read(bomb));
    expect(err.where).toBe('3');
    expect(err.problem).toMatch(/^declares DTD entities \(<!ENTITY>\)/);
  });

  it('refuses external entities and external DTDs', () => {
    expect(inputError(() => read('<!DOCTYPE root [<!ENTITY x SYSTEM "file:///etc/passwd">]><root><r>&x;</r></root>')).problem).toMatch(/entities/);
    expect(inputError(() => read('<!DOCTYPE root SYSTEM "http://example.com/evil.dtd"><root/>')).problem).toMatch(/external DTD/);
    expect(inputError(() => read("<!DOCTYPE root PUBLIC '-//X//Y' 'file:///etc/passwd'><root/>")).problem).toMatch(/external DTD/);
  });

  it('finds an entity hidden after a comment containing "]" or in a DOCTYPE placed inside the document', () => {
    expect(inputError(() => read('<!DOCTYPE root [<!-- ] --><!ENTITY x "y">]><root/>')).problem).toMatch(/entities/);
    const inside = '<root>\n<r>ok</r>\n<!DOCTYPE x [<!ENTITY y "z">]>\n</root>';
    expect(inputError(() => read(inside)).where).toBe('3');
  });

  it('ignores a DOCTYPE without entities, and leaves undeclared entity references as written', () => {
    const { records } = read('<!DOCTYPE root [<!ELEMENT root ANY>]>\n<root><r>&undeclared; &amp;</r></root>');
    expect(records.map((r) => text(r.node))).toEqual(['&undeclared; &']);
  });

  it('does not mistake markup inside CDATA for a DOCTYPE or a tag', () => {
    const { records } = read('<root><r><![CDATA[<!DOCTYPE x [<!ENTITY y "z">]></r> a=b]]></r></root>');
    expect(records.map((r) => text(r.node))).toEqual(['<!DOCTYPE x [<!ENTITY y "z">]></r> a=b']);
  });
});

describe('xml: text', () => {
  it('decodes character data once, keeps CDATA as written, in document order', () => {
    const { records } = read('<root><r>a &amp;lt; &#65;&#x42; <![CDATA[<b>&amp;</b>]]> z</r></root>');
    expect(text(records[0]!.node)).toBe('a &lt; AB <b>&amp;</b> z');
  });

  it('decodes attributes and reads child elements by name', () => {
    const { records } = read('<root><post dsq:id="a&amp;b"><message>hi</message></post></root>');
    const post = records[0]!.node;
    expect([name(post), attribute(post, 'dsq:id'), childText(post, 'message'), childText(post, 'missing')]).toEqual(['post', 'a&b', 'hi', undefined]);
  });
});

describe('xml: records', () => {
  it('hands over the children of the element at the path, with their start lines', () => {
    const xml = '<rss>\n<channel>\n<title>t</title>\n<item>1</item>\n<item/>\n</channel>\n<other><item>x</item></other>\n</rss>';
    const { records } = read(xml, ['rss', 'channel']);
    expect(records.map((r) => [name(r.node), r.line])).toEqual([
      ['title', 3],
      ['item', 4],
      ['item', 5],
    ]);
  });

  it('refuses another root element, naming both', () => {
    expect(inputError(() => read('<rss><channel/></rss>', ['disqus'])).problem).toBe('has a <rss> root element, not <disqus>');
  });

  it('refuses XML that is not well-formed (fast-xml-parser alone would accept it), naming the line', () => {
    const mismatched = inputError(() => read('<root>\n<r>one</r>\n<r>two</x>\n</root>'));
    expect(mismatched.where).toBe('3');
    expect(mismatched.problem).toMatch(/^is not well-formed XML: /);
    expect(inputError(() => read('<root>\n<r>cut off')).problem).toMatch(/^is not well-formed XML: /);
  });

  it('repairs stray characters before the first tag and unquoted attribute values, with warnings', () => {
    const { records, warnings } = read('`<root>\n<r id=42/>\n<r id=\'7\' n=x/y>t</r>\n</root>');
    expect(records.map((r) => [attribute(r.node, 'id'), attribute(r.node, 'n')])).toEqual([
      ['42', undefined],
      ['7', 'x/y'],
    ]);
    expect(warnings).toEqual([
      'test.xml:1: ignored 1 stray character(s) before the first tag ("`")',
      'test.xml:2: read 2 attribute value(s) written without quotes, first id=42 (XML requires quotes)',
    ]);
  });

  it('stays linear on input built to make naive scanners quadratic', () => {
    const started = performance.now();
    // Quadratic scans of these would take minutes; linear ones take milliseconds.
    expect(inputError(() => read(`<root>${'<r a="1" '.repeat(30_000)}`)).problem).toMatch(/not well-formed/);
    expect(inputError(() => read(`<root>${'<r a=1>'.repeat(30_000)}`)).problem).toMatch(/not well-formed/);
    expect(inputError(() => read(`<root>${'<![CDATA[ '.repeat(100_000)}</root>`)).problem).toMatch(/not well-formed/);
    expect(htmlToText('<a'.repeat(200_000) + '<!--'.repeat(100_000) + '<script>'.repeat(50_000)).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('xml: a file cut short (issue #12, item 10)', () => {
  it('names the line where the text stops and the element left open, not line 1', () => {
    const xml = '<?xml version="1.0"?>\n<root>\n<r>one</r>\n<r>\n<message>two\n\n';
    const err = inputError(() => read(xml));
    expect(err.where).toBe('5');
    expect(err.problem).toBe('is not well-formed XML: it ends inside <message> (opened at line 5): the file is cut short');
  });

  it('names the line where the text stops when only the root is left open', () => {
    const xml = '<?xml version="1.0"?>\n<root>\n<r>one</r>\n';
    const err = inputError(() => read(xml));
    expect(err.where).toBe('3');
    expect(err.problem).toBe('is not well-formed XML: it ends inside <root> (opened at line 2): the file is cut short');
  });
});

describe('xml: records are read as fast-xml-parser reads them (its tree shape), in one linear pass', () => {
  const fixtures: Array<[string, readonly string[]]> = [
    ['export-formats/disqus/isso-tests-disqus.xml', ['disqus']],
    ['export-formats/disqus/remark42-testdata-disqus.xml', ['disqus']],
    ['export-formats/wordpress/isso-tests-wordpress.xml', ['rss', 'channel']],
    ['parsers/disqus-edge.xml', ['disqus']],
    ['parsers/wxr-edge.xml', ['rss', 'channel']],
  ];
  it.each(fixtures)('%s', (file, path) => {
    const xml = readFileSync(testFixture(...file.split('/')), 'utf8');
    const records: XmlRecord[] = [];
    readXmlRecords(xml, file, path, (r) => records.push(r));
    // The same elements as fast-xml-parser's whole-document tree holds under the path.
    const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', processEntities: false, htmlEntities: false, cdataPropName: '#cdata', parseTagValue: false, parseAttributeValue: false, trimValues: false, ignoreDeclaration: true, ignorePiTags: true });
    let level: unknown[] = parser.parse(xml.replace(/^[^<]*/, '').replace(/(\s[\w:]+=)([^"'\s>/]+)/g, '$1"$2"'));
    for (const tag of path) level = ((level as Array<Record<string, unknown>>).find((n) => name(n as never) === tag) as Record<string, unknown[]>)[tag]!;
    const expected = (level as Array<Record<string, unknown>>).filter((n) => name(n as never) !== undefined);
    expect(records.length).toBeGreaterThan(0);
    expect(records.map((r) => JSON.parse(JSON.stringify(r.node)))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('reads a message of several MB whole', () => {
    const message = 'word &amp; more '.repeat(200_000);
    const xml = `<root>\n<r id="1"><m>${message}</m><m><![CDATA[<b>${message}</b>]]></m></r>\n</root>`;
    const { records } = read(xml);
    expect(text(records[0]!.node).length).toBe(message.replace(/&amp;/g, '&').length + message.length + 7);
    expect(attribute(records[0]!.node, 'id')).toBe('1');
  });
});
