import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/parsers/decode.js';
import { parseJsonText } from '../../src/parsers/json-shape.js';
import { inputError } from './support.js';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decodeInput: UTF-8 that TextDecoder refuses (issue #12, item 10)', () => {
  it.each([
    ['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
    ['an encoded low surrogate (ED BF BF)', [0xed, 0xbf, 0xbf]],
    ['an overlong three-byte form (E0 80 AF)', [0xe0, 0x80, 0xaf]],
    ['an overlong four-byte form (F0 80 80 AF)', [0xf0, 0x80, 0x80, 0xaf]],
    ['a code point above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]],
  ])('names the line and byte of %s', (_name, bad) => {
    const err = inputError(() => decodeInput(bytes('Title\nBody\n1 Comment\nok ', bad, '\nlast line\n'), 'x.txt'));
    expect(err.where).toBe('4');
    expect(err.problem).toBe('is not valid UTF-8 (byte 24)');
  });
});

describe('decodeInput: UTF-32 (issue #12, item 10)', () => {
  const text = 'Title\nBody\n1 Comment\nHello\n';
  const utf32 = (le: boolean) => {
    const out = Buffer.alloc(4 + 4 * text.length);
    if (le) out.writeUInt32LE(0xfeff, 0);
    else out.writeUInt32BE(0xfeff, 0);
    [...text].forEach((ch, i) => (le ? out.writeUInt32LE(ch.codePointAt(0)!, 4 + 4 * i) : out.writeUInt32BE(ch.codePointAt(0)!, 4 + 4 * i)));
    return out;
  };
  it.each([
    [true, 'UTF-32 LE'],
    [false, 'UTF-32 BE'],
  ])('with a BOM is refused, naming the encoding (little-endian: %s)', (le, name) => {
    const err = inputError(() => decodeInput(utf32(le), 'x.txt'));
    expect(err.problem).toBe(`is encoded as ${name}, which threadsift does not read`);
    expect(err.hint).toMatch(/iconv -f UTF-32 -t UTF-8/);
  });
});

describe('parseJsonText: the position of a syntax error (issue #12, item 10)', () => {
  it('names the end of a deeply nested file that stops early, not where the nesting got deep', () => {
    const text = `{"comments": ${'['.repeat(20000)}1`;
    const err = inputError(() => parseJsonText(text, 'deep.json'));
    expect(err.where).toBe(`1:${text.length + 1}`);
  });

  it('names line and column of an error deep inside nesting', () => {
    const text = `${'['.repeat(15000)}\n  1,,\n${']'.repeat(15000)}`;
    expect(inputError(() => parseJsonText(text, 'deep.json')).where).toBe('2:5');
  });
});
