// Reading the project's text files (seeds, verdicts, the scale) safely: regular files only, a size
// limit checked before reading, strict UTF-8 with the first bad byte located for the editor.
import { lstatSync, readFileSync } from 'node:fs';

export const MEGABYTE = 1024 * 1024;

export type TextFile =
  | { ok: true; bytes: Buffer; /** Decoded, BOM removed. */ text: string; hasBom: boolean }
  | { ok: false; message: string; line: number; column: number };

function megabytes(bytes: number): string {
  return `${(bytes / MEGABYTE).toFixed(1)} MB`;
}

/** Byte offset where the first invalid UTF-8 sequence begins. */
function firstInvalidByte(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    try {
      // stream: an incomplete sequence at the cut is not an error, so failure is monotone in the length.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  // bytes[low] is where decoding fails; the bad sequence may have begun up to three bytes earlier.
  for (let start = low; start >= Math.max(0, low - 3); start--) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, start));
      return start;
    } catch {
      // an incomplete sequence is pending at `start`: step back to its lead byte
    }
  }
  return low;
}

function lineAndColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}

/**
 * Reads `path` as UTF-8 text. Never throws: a directory, a symbolic link, a file over `limit` bytes,
 * an unreadable file or invalid UTF-8 comes back as a message an editor can act on.
 */
export function readTextFile(path: string, limit: number): TextFile {
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return { ok: false, message: 'is a symbolic link; only regular files are read (copy the file instead)', line: 1, column: 1 };
    if (!stat.isFile()) return { ok: false, message: 'is not a regular file', line: 1, column: 1 };
    if (stat.size > limit) {
      return { ok: false, message: `is ${megabytes(stat.size)}, over the ${megabytes(limit)} limit; it was not read`, line: 1, column: 1 };
    }
    const bytes = readFileSync(path);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return { ok: false, message: 'is UTF-16 encoded; save it as UTF-8', line: 1, column: 1 };
    }
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { ok: true, bytes, text, hasBom };
    } catch {
      const offset = firstInvalidByte(bytes);
      const { line, column } = lineAndColumnOfByte(bytes, offset);
      const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
      return { ok: false, message: `is not valid UTF-8 (byte 0x${hex} at line ${line}); save it as UTF-8`, line, column };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, message: `could not be read (${code})`, line: 1, column: 1 };
  }
}
