/**
 * The one ordered registry of input formats, and format detection: a forced --input-format wins, then
 * the file extension (sniffing among parsers sharing it), then content sniffing in registry order.
 */
import { extname } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { decodeInput } from './decode.js';
import { commento } from './commento.js';
import { csv } from './csv.js';
import { disqus } from './disqus.js';
import { json, jsonl } from './json.js';
import { reddit } from './reddit.js';
import { textDump } from './text-dump.js';
import { wxr } from './wxr.js';
import type { ParseOptions, ParseOutput, Parser } from './types.js';

/**
 * Order matters for sniffing: specific formats first (Reddit and Commento JSON before threadsift JSON, whose
 * sniff would also match a Commento export), the text dump (which accepts anything) last.
 */
export const PARSERS: readonly Parser[] = [jsonl, reddit, commento, json, disqus, wxr, csv, textDump];

export function findParser(name: string): Parser | undefined {
  return PARSERS.find((p) => p.name === name);
}

export function formatNames(): string[] {
  return PARSERS.map((p) => p.name);
}

const HEAD = 8192;

export function detectParser(source: string, text: string): Parser {
  const head = text.slice(0, HEAD).replace(/^\uFEFF/, '');
  const ext = source === '-' ? '' : extname(source).toLowerCase();
  const byExt = PARSERS.filter((p) => p.extensions.includes(ext));
  if (byExt.length === 1) return byExt[0]!;
  if (byExt.length > 1) return byExt.find((p) => p.sniff(head)) ?? byExt[0]!;
  return PARSERS.find((p) => p.sniff(head)) ?? textDump;
}

/** Decode and parse one input. Throws InputError for anything that is not a readable thread export. */
export function parseInput(bytes: Uint8Array, source: string, format?: string, options: ParseOptions = {}): ParseOutput {
  const text = decodeInput(bytes, source);
  if (text.trim() === '') throw new InputError(source, 'is empty', undefined, 'pass a file that holds a thread export');
  let parser: Parser;
  if (format) {
    const forced = findParser(format);
    if (!forced) throw new UsageError(`unknown input format "${format}"`, `formats: ${formatNames().join(', ')}`);
    parser = forced;
  } else parser = detectParser(source, text);
  return parser.parse(text, source, options);
}
