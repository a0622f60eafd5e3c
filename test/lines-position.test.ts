import { describe, expect, it } from 'vitest';
import { lineStarts, positionAt } from '../src/model/lines.ts';

describe('line and column of an offset', () => {
  it('counts LF, CRLF and a lone CR as one line break each', () => {
    const text = 'a\nbb\r\nccc\rd';
    expect(lineStarts(text)).toEqual([0, 2, 6, 10]);
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, 3)).toEqual({ line: 2, column: 2 });
    expect(positionAt(text, 6)).toEqual({ line: 3, column: 1 });
    expect(positionAt(text, 10)).toEqual({ line: 4, column: 1 });
  });

  it('counts columns in UTF-16 units and accepts precomputed line starts', () => {
    const text = '😀x\ny';
    const starts = lineStarts(text);
    expect(positionAt(starts, 2)).toEqual({ line: 1, column: 3 });
    expect(positionAt(starts, 4)).toEqual({ line: 2, column: 1 });
  });
});
