// Reading the project's text files (seeds, verdicts, the scale) safely: regular files only, a size
// limit checked before reading, strict UTF-8 with the first bad byte located for the editor, and no NUL bytes
// (a file with them is UTF-16 without a byte-order mark, or binary: the message says which it probably is).
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

/** Files editors save as seeds by mistake, by their first bytes. */
const SIGNATURES: [bytes: number[], what: string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (a .docx, .odt or .epub document is one)'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'a Microsoft Office 97-2003 document (.doc)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
];

function signature(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(([magic]) => magic.every((b, i) => bytes[i] === b))?.[1];
}

/**
 * 'little-endian' or 'big-endian' when `bytes` look like UTF-16 without a byte-order mark: text in a Latin, Cyrillic
 * or Greek script has a NUL as every second byte (the high byte of each code unit), on the odd or the even offsets;
 * the other half of the bytes are (almost) never NUL.
 */
function utf16Order(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = n / 2;
  // a few bytes prove nothing: five bytes of binary with one NUL at an even offset are not UTF-16
  if (units < 4) return undefined;
  if (oddZeros >= units * 0.4 && evenZeros <= units * 0.05) return 'little-endian';
  if (evenZeros >= units * 0.4 && oddZeros <= units * 0.05) return 'big-endian';
  return undefined;
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
    if (stat.isSymbolicLink())
      return { ok: false, message: 'is a symbolic link; only regular files are read (copy the file instead)', line: 1, column: 1 };
    if (!stat.isFile()) return { ok: false, message: 'is not a regular file', line: 1, column: 1 };
    if (stat.size > limit) {
      return { ok: false, message: `is ${megabytes(stat.size)}, over the ${megabytes(limit)} limit; it was not read`, line: 1, column: 1 };
    }
    const bytes = readFileSync(path);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return { ok: false, message: 'is UTF-16 encoded; save it as UTF-8', line: 1, column: 1 };
    }
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    // No text file has NUL bytes: a file with them is UTF-16 saved without its byte-order mark, or not text at all.
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      const order = utf16Order(bytes);
      if (order)
        return {
          ok: false,
          message: `is UTF-16 (${order}) without a byte-order mark, so every other byte is NUL; save it as UTF-8`,
          line: 1,
          column: 1,
        };
    }
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // reported below
    }
    if (nul !== -1 || text === undefined) {
      const what = signature(bytes);
      if (what) return { ok: false, message: `is ${what}, not text; copy its text into a UTF-8 text file`, line: 1, column: 1 };
    }
    if (text !== undefined && nul === -1) return { ok: true, bytes, text, hasBom };
    if (text !== undefined) {
      const { line, column } = lineAndColumnOfByte(bytes, nul);
      return {
        ok: false,
        message: `contains NUL bytes (the first at line ${line}, column ${column}): it is probably a binary file, not text; save the text as UTF-8`,
        line,
        column,
      };
    }
    const offset = firstInvalidByte(bytes);
    const { line, column } = lineAndColumnOfByte(bytes, offset);
    const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
    const binary = nul === -1 ? '' : ' and contains NUL bytes: it is probably a binary file, not text';
    return { ok: false, message: `is not valid UTF-8 (byte 0x${hex} at line ${line})${binary}; save it as UTF-8`, line, column };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, message: `could not be read (${code})`, line: 1, column: 1 };
  }
}
