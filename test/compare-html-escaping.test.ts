// The compare page's aligned text is built in TypeScript: every character of both seeds is escaped, and the
// markup carries the seed's own text exactly (shared and added text from this seed, struck text from the other).
import { describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { alignedTextHtml } from '../src/eleventy/compare-html.ts';
import { computeProvenance } from '../src/matching/provenance/index.ts';
import { makeSeed } from './support/content.ts';
import { attr, findAll, text, textWithout, type Element, type Node } from './support/site.ts';

const BODY =
  'The council <script>alert(1)</script> of Port Ellery voted on Tuesday to build a new sea wall along the northern quay & the harbour, ' +
  'after two winters of flooding closed the fish market for eleven weeks. The mayor said the wall would cost "14 million" euros and take three years to finish. ' +
  'Opposition members argued that the money should go to the hospital instead, and a motion to delay the vote was defeated by nine votes to six.';

describe('aligned text of a compare page', () => {
  it('escapes markup in either seed and keeps both texts exactly', () => {
    const own = makeSeed('a', `<img src=x onerror=alert(2)>\n\n${BODY}`);
    const other = makeSeed(
      'b',
      `${BODY.replace('"14 million"', '“14 million”').replace('eleven weeks', 'twelve weeks')}\n\nEnd of <b>report</b>.`,
    );
    const relation = computeProvenance([own, other]).relations[0]!;
    const html = alignedTextHtml(relation, own, other, { own: 'A <i>', other: 'B "x"' });
    expect(html).not.toMatch(/<(script|img|b|i)[\s>]/);
    const root = parse(`<div>${html}</div>`) as unknown as Node;
    const hidden = (e: Element) => (attr(e, 'class') ?? '').includes('visually-hidden');
    expect(textWithout(root, (e) => hidden(e) || e.tagName === 'del')).toBe(own.text);
    const struck = findAll(root, (e) => e.tagName === 'del').map((e) => textWithout(e, hidden));
    expect(struck.map((s) => s.trim())).toEqual(['twelve', 'End of <b>report</b>.']);
    expect(findAll(root, (e) => e.tagName === 'ins').map((e) => textWithout(e, hidden))).toEqual([
      '<img src=x onerror=alert(2)>',
      'eleven',
    ]);
    expect(findAll(root, hidden).map(text)).toContain('Only in B "x": ');
  });
});
