import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/parsers/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const one = { title: 'T', body: 'B', comments: [{ id: 'c1', text: 'hello', author: 'ann', parentId: null }, { text: 'reply', parentId: 'c1', label: 'bot' }] };

describe('threadsift JSON and JSONL', () => {
  it('reads one thread object; comment ids default to their 1-based position', () => {
    const t = parseInput(enc(JSON.stringify(one)), 'a.json').threads[0]!;
    expect(t).toMatchObject({ id: 'a', title: 'T', body: 'B', source: 'a.json' });
    expect(t.comments).toEqual([
      { id: 'c1', index: 1, text: 'hello', author: 'ann' },
      { id: '2', index: 2, text: 'reply', parentId: 'c1', label: true },
    ]);
  });

  it('reads an array of threads', () => {
    const out = parseInput(enc(JSON.stringify([one, { ...one, id: 'second' }])), 'many.json');
    expect(out.threads.map((t) => t.id)).toEqual(['many#1', 'second']);
  });

  it('reads JSONL, one thread per line, skipping blank lines', () => {
    const out = parseInput(enc(`${JSON.stringify(one)}\n\n${JSON.stringify({ ...one, id: 'x' })}\n`), 'f.jsonl');
    expect(out.threads.map((t) => t.id)).toEqual(['f#1', 'x']);
  });

  it("gives a JSONL thread's comments its line; a JSON file's comments have none", () => {
    const out = parseInput(enc(`${JSON.stringify(one)}\n\n${JSON.stringify({ ...one, id: 'x' })}\n`), 'f.jsonl');
    expect(out.threads.map((t) => t.comments.map((c) => c.line))).toEqual([[1, 1], [3, 3]]);
    expect(parseInput(enc(JSON.stringify(one)), 'a.json').threads[0]!.comments.map((c) => c.line)).toEqual([undefined, undefined]);
  });

  it.each([
    [{ title: 'T' }, 'a.json: comments is missing (a thread needs a comments array)'],
    [{ comments: {} }, 'a.json: comments must be an array, got object'],
    [{ comments: [{ text: 5 }] }, 'a.json: comments[0].text must be a string, got number'],
    [{ comments: [{ text: 'x', author: ['a'] }] }, 'a.json: comments[0].author must be a string, got array'],
    [{ comments: [{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }] }, 'a.json: comments[1].id repeats id "a"; comment ids must be unique in a thread'],
    [[{ comments: [] }, 7], 'a.json: [1] must be a thread object, got number'],
  ])('names the field path of a wrong type: %j', (data, message) => {
    expect(() => parseInput(enc(JSON.stringify(data)), 'a.json')).toThrowError(message);
  });

  it('names the JSONL line of a bad record and still reads the other lines', () => {
    const bad = parseInput(enc(`${JSON.stringify(one)}\n{"comments": [}\n${JSON.stringify({ ...one, id: 'z' })}\n`), 'b.jsonl');
    expect(bad.threads.map((t) => t.id)).toEqual(['b#1', 'z']);
    expect(bad.problems!.map((p) => p.message)).toEqual([expect.stringMatching(/^b\.jsonl:2: is not valid JSON/)]);
    const wrong = parseInput(enc(`${JSON.stringify(one)}\n{"comments": 3}\n`), 'b.jsonl');
    expect(wrong.problems!.map((p) => p.message)).toEqual(['b.jsonl:2: comments must be an array, got number']);
  });

  it('refuses truncated JSON in one line', () => {
    expect(() => parseInput(enc('{"title": "x", "comments": ['), 'c.json')).toThrowError(/^c\.json:1:29: is not valid JSON/);
  });

  it('detects JSON by content when read from stdin', () => {
    expect(parseInput(enc(JSON.stringify(one)), '-').threads[0]!.id).toBe('stdin');
  });
});

describe('threadsift parse output', () => {
  it('reads back as the threads it printed', () => {
    const printed = JSON.stringify({ threads: [{ id: 'a', source: 'x.txt', title: 'T', body: 'B', comments: [{ id: '1', index: 1, text: 'hi' }] }] });
    const out = parseInput(new TextEncoder().encode(printed), 'parsed.json');
    expect(out.threads.map((t) => [t.id, t.title, t.comments.length])).toEqual([['a', 'T', 1]]);
  });
});

describe('JSON syntax errors name the line and column', () => {
  it.each([
    ['{\n  "title": "x",\n  "comments": [ { "text": "a" }, }\n]\n', '3:34'],
    ['[\n{"comments": []},\n{"comments": [}\n]', '3:15'],
    ['{"comments": [{"text": "a\u0001b"}]}', '1:26'],
    ['{"comments": []} trailing', '1:18'],
  ])('%j -> %s', (text, where) => {
    expect(() => parseInput(new TextEncoder().encode(text), 'x.json')).toThrowError(`x.json:${where}: is not valid JSON`);
  });
});
