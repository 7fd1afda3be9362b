/**
 * One record of an XML export as a small tree in fast-xml-parser's preserveOrder shape, and the helpers
 * the Disqus and WordPress parsers read it with.
 */
import { decodeXmlEntities } from './html.js';
import { isSpace } from './xml-markup.js';

/** A node in fast-xml-parser's preserveOrder shape: `{ tag: children, ':@': attributes }` or a text node. */
export type XmlNode = Record<string, unknown>;

const ATTRS = ':@';
const TEXT = '#text';
const CDATA = '#cdata';

/**
 * The element s[start, end) as a tree in fast-xml-parser's preserveOrder shape (what the helpers below
 * read): one linear pass. The document was checked by the strict validator first, so its markup is
 * well-formed. fast-xml-parser's own parser appends text one character at a time, which for a message of
 * several MB is a long chain of small strings to collect.
 */
export function recordTree(s: string, start: number, end: number): XmlNode | undefined {
  const root: XmlNode[] = [];
  const stack: XmlNode[][] = [root];
  const add = (node: XmlNode) => stack[stack.length - 1]!.push(node);
  let i = start;
  while (i < end) {
    const lt = s.indexOf('<', i);
    const stop = lt === -1 || lt > end ? end : lt;
    if (stop > i) {
      // Text on either side of a comment or processing instruction is one text, as fast-xml-parser has it.
      const siblings = stack[stack.length - 1]!;
      const last = siblings[siblings.length - 1];
      if (last && typeof last[TEXT] === 'string') last[TEXT] += s.slice(i, stop);
      else add({ [TEXT]: s.slice(i, stop) });
    }
    if (stop >= end) break;
    if (s.startsWith('<![CDATA[', stop)) {
      const close = s.indexOf(']]>', stop + 9);
      const to = close === -1 || close > end ? end : close;
      add({ [CDATA]: [{ [TEXT]: s.slice(stop + 9, to) }] });
      i = to + 3;
    } else if (s.startsWith('<!--', stop)) {
      const close = s.indexOf('-->', stop + 4);
      i = close === -1 ? end : close + 3;
    } else if (s[stop + 1] === '?' || s[stop + 1] === '!') {
      const close = s.indexOf('>', stop + 2);
      i = close === -1 ? end : close + 1;
    } else if (s[stop + 1] === '/') {
      if (stack.length > 1) stack.pop();
      const close = s.indexOf('>', stop + 2);
      i = close === -1 ? end : close + 1;
    } else {
      let j = stop + 1;
      while (j < end && !isSpace(s[j]) && s[j] !== '>' && s[j] !== '/') j++;
      const tag = s.slice(stop + 1, j);
      // Attribute names are the file's: no prototype for a name like "__proto__" to reach.
      const attrs = Object.create(null) as Record<string, string>;
      let any = false;
      for (;;) {
        while (j < end && isSpace(s[j])) j++;
        if (j >= end || s[j] === '>' || s[j] === '/') break;
        const nameStart = j;
        while (j < end && !isSpace(s[j]) && s[j] !== '=' && s[j] !== '>' && s[j] !== '/') j++;
        const attr = s.slice(nameStart, j);
        while (j < end && isSpace(s[j])) j++;
        if (s[j] !== '=') continue;
        j++;
        while (j < end && isSpace(s[j])) j++;
        const q = s[j];
        if (q !== '"' && q !== "'") break;
        const close = s.indexOf(q, j + 1);
        const to = close === -1 || close > end ? end : close;
        attrs[attr] = s.slice(j + 1, to);
        any = true;
        j = to + 1;
      }
      const selfClosing = s[j] === '/';
      const close = s.indexOf('>', j);
      i = close === -1 ? end : close + 1;
      const children: XmlNode[] = [];
      const node: XmlNode = { [tag]: children };
      if (any) node[ATTRS] = attrs;
      add(node);
      if (!selfClosing) stack.push(children);
    }
  }
  return root.find((n) => name(n) !== undefined);
}

/** The element's tag name (with its namespace prefix, e.g. "wp:comment"); undefined for text nodes. */
export function name(node: XmlNode): string | undefined {
  for (const key in node) if (key !== ATTRS) return key === TEXT || key === CDATA ? undefined : key;
  return undefined;
}

/** All child nodes, elements and text, in document order. */
export function children(node: XmlNode): XmlNode[] {
  const key = name(node);
  const value = key === undefined ? undefined : node[key];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** Child elements named `tag`, in document order. */
export function elements(node: XmlNode, tag: string): XmlNode[] {
  return children(node).filter((c) => name(c) === tag);
}

/** The first child element named `tag`. */
export function element(node: XmlNode, tag: string): XmlNode | undefined {
  return children(node).find((c) => name(c) === tag);
}

/** An attribute's value with its references decoded; undefined when absent. */
export function attribute(node: XmlNode, attr: string): string | undefined {
  const attrs = node[ATTRS] as Record<string, unknown> | undefined;
  const v = attrs?.[attr];
  return typeof v === 'string' ? decodeXmlEntities(v) : undefined;
}

/** The text inside an element, in document order: character data decoded once, CDATA as written. */
export function text(node: XmlNode): string {
  const out: string[] = [];
  const walk = (n: XmlNode) => {
    for (const c of children(n)) {
      if (typeof c[TEXT] === 'string') out.push(decodeXmlEntities(c[TEXT]));
      else if (Array.isArray(c[CDATA])) for (const part of c[CDATA] as XmlNode[]) out.push(String(part[TEXT] ?? ''));
      else walk(c);
    }
  };
  walk(node);
  return out.join('');
}

/** The text of the first child element named `tag`, or undefined when there is none. */
export function childText(node: XmlNode, tag: string): string | undefined {
  const el = element(node, tag);
  return el === undefined ? undefined : text(el);
}
