import { basename, extname } from 'node:path';

/** A thread id from a file name: "dumps/putin-xi-summit.txt" -> "putin-xi-summit"; stdin -> "stdin". */
export function threadIdFromSource(source: string): string {
  if (source === '-') return 'stdin';
  return basename(source, extname(source)) || source;
}
