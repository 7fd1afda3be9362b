/** Bytes -> text: BOM detection (UTF-8, UTF-16 LE/BE), binary refusal, strict UTF-8 with a line number. */
import { InputError } from '../errors.js';

export function decodeInput(bytes: Uint8Array, source: string): string {
  // UTF-32's BOMs begin like UTF-16's (FF FE 00 00): read as UTF-16 they would give text full of NULs.
  const utf32 =
    bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0
      ? 'UTF-32 LE'
      : bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff
        ? 'UTF-32 BE'
        : undefined;
  if (utf32) throw new InputError(source, `is encoded as ${utf32}, which threadsift does not read`, undefined, 're-encode it as UTF-8, e.g. iconv -f UTF-32 -t UTF-8');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const nul = body.subarray(0, 65536).indexOf(0);
  if (nul !== -1) {
    throw new InputError(source, 'looks like a binary file (it contains NUL bytes), not a comment export', undefined, 'pass a text, JSON, CSV or XML export');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    let line = 1;
    for (let i = 0; i < bad; i++) if (body[i] === 0x0a) line++;
    throw new InputError(source, `is not valid UTF-8 (byte ${bad + start})`, `${line}`, 're-encode it as UTF-8, e.g. iconv -f latin1 -t utf-8');
  }
}

/**
 * Offset of the first byte sequence that is not UTF-8, by the rules TextDecoder applies (Unicode's table
 * of well-formed sequences): the second byte's range is narrower after E0 (no overlong forms), ED (no
 * encoded surrogates), F0 (no overlong forms) and F4 (nothing above U+10FFFF). Only called after
 * TextDecoder refused the bytes, so it always finds one.
 */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (i + 1 < b.length && need > 0 && (b[i + 1]! < low || b[i + 1]! > high)) return i;
    for (let k = 1; k <= need; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return Math.max(0, b.length - 1);
}

/** Text with a leading BOM removed, CRLF/CR turned into LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
