// A seed without a `title` in its metadata is named for readers by its headline line or its opening words,
// never by its id (src/content/seed-title.ts); the rules, on the sample seeds and on hostile text.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HEADLINE_LIMIT, OPENING_LIMIT, readableTitle } from '../src/content/seed-title.ts';
import { loadSeeds } from '../src/content/seeds.ts';
import { loadCaptures } from '../src/content/captures.ts';
import { makeProject, removeProjects } from './support/project.ts';
import { repoRoot } from './support/site.ts';

afterAll(removeProjects);

const title = (text: string, meta = {}) => readableTitle('some-id', text, meta);
const sample = (id: string) => fs.readFileSync(path.join(repoRoot, 'seeds', `${id}.txt`), 'utf8');
const BODY = 'The council of Port Ellery voted on Tuesday to build a new sea wall, the mayor said.';

describe('a seed’s readable title', () => {
  it('is the metadata title when there is one', () => {
    expect(title(`Some headline here\n\n${BODY}`, { title: '  The recorded headline ' })).toEqual({
      title: 'The recorded headline',
      titleFrom: 'metadata',
    });
  });

  it('is the headline line: a short first line followed by a blank line and more text', () => {
    expect(title(`Four occupied Ukraine regions plan imminent ‘votes’ on joining Russia\n\n${BODY}`)).toEqual({
      title: 'Four occupied Ukraine regions plan imminent ‘votes’ on joining Russia',
      titleFrom: 'headline',
    });
    // CRLF and a blank line holding only spaces; a question is a headline too.
    expect(title(`  Will the sea wall be built in time?\r\n   \r\n${BODY}`)).toEqual({
      title: 'Will the sea wall be built in time?',
      titleFrom: 'headline',
    });
    expect(title(`Pier to reopen after repairs\r\r${BODY}`).titleFrom).toBe('headline');
  });

  it('takes the sample seed 003’s first line as its headline, and names seed 001, which has none, by its opening words', () => {
    expect(readableTitle('003_1ef4de2a1865d391', sample('003_1ef4de2a1865d391'), {})).toEqual({
      title: 'Four occupied Ukraine regions plan imminent ‘votes’ on joining Russia',
      titleFrom: 'headline',
    });
    expect(readableTitle('001_9340af456b0c9be9', sample('001_9340af456b0c9be9'), {})).toEqual({
      title: '“Moscow will treat any potential attacks on Donbass as well as Kherson…”',
      titleFrom: 'opening',
    });
    // Seed 000 opens with a tag line ("donbas referndum russia ukraine"), which is not a headline.
    expect(readableTitle('000_5bff26b3a7f2143b', sample('000_5bff26b3a7f2143b'), {}).titleFrom).toBe('opening');
  });

  it('is not a first line that reads as a sentence, a label, a tag line or a paragraph', () => {
    const notHeadlines = [
      `The mayor said the wall would be built.\n\n${BODY}`, // ends as a sentence
      `He said the wall would be built, “on time.”\n\n${BODY}`, // ... before a closing quote
      `Comment on the vote:\n\n${BODY}`, // a label
      `Reporting by the council desk,\n\n${BODY}`,
      `donbas referndum russia ukraine\n\n${BODY}`, // a tag line begins in lowercase
      `World news\n\n${BODY}`, // two words: a section label
      `A headline with no blank line\n${BODY}`,
      `A headline that is the whole text\n\n`,
      `${'Long first line '.repeat(10)}\n\n${BODY}`, // over HEADLINE_LIMIT
    ];
    expect('Long first line '.repeat(10).trim().length).toBeGreaterThan(HEADLINE_LIMIT);
    for (const text of notHeadlines) expect(title(text).titleFrom, JSON.stringify(text.slice(0, 40))).toBe('opening');
  });

  it('is otherwise the opening words in quotes, cut at a word boundary, with an ellipsis', () => {
    const { title: opening } = title(`${BODY}\nAnd a second paragraph.`);
    expect(opening).toBe('“The council of Port Ellery voted on Tuesday to build a new sea wall…”');
    const words = opening.slice(1, -2);
    expect(words.length).toBeLessThanOrEqual(OPENING_LIMIT);
    expect(BODY.startsWith(words)).toBe(true);
    expect(BODY[words.length]).toMatch(/[\s,]/); // cut between words, the comma dropped
    // Line breaks and runs of spaces are one space.
    expect(title('The council\n\nvoted   on\tTuesday').title).toBe('“The council voted on Tuesday”');
  });

  it('is the whole text in quotes, without an ellipsis, when the text is that short', () => {
    expect(title('  Short text.\n')).toEqual({ title: '“Short text.”', titleFrom: 'opening' });
  });

  it('cuts a text without spaces between characters, never inside one', () => {
    const emoji = title('👍🏽'.repeat(200)).title;
    expect(emoji.endsWith('…”')).toBe(true);
    expect([...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(emoji.slice(1, -2))].every((g) => g.segment === '👍🏽')).toBe(
      true,
    );
    const chinese = title('俄罗斯宣布部分动员'.repeat(30)).title;
    expect(chinese.startsWith('“俄罗斯宣布部分动员')).toBe(true);
    expect(chinese.endsWith('…”')).toBe(true);
  });

  it('shows invisible and bidi control characters as their code points, and keeps markup as text', () => {
    expect(title(`Mayor \u202Eevol\u202C resigns today\n\n${BODY}`).title).toBe('Mayor [U+202E]evol[U+202C] resigns today');
    expect(title('<script>alert(1)</script> said\u001b[2J the mayor.').title).toBe(
      '“<script>alert(1)</script> said[U+001B][2J the mayor.”',
    );
  });

  it('is the id only for a text with nothing in it', () => {
    expect(title(' \r\n\t\n')).toEqual({ title: 'some-id', titleFrom: 'id' });
  });

  it('looks only at the start of a very large seed', () => {
    const text = `A headline for a very large text\n\n${'word '.repeat(2_000_000)}`;
    expect(title(text)).toEqual({ title: 'A headline for a very large text', titleFrom: 'headline' });
    expect(title(`${'x'.repeat(3000)} and more`).title).toBe(`“${'x'.repeat(OPENING_LIMIT)}…”`);
  });

  it('is computed when seeds load, and a later capture keeps its first capture’s title', () => {
    const root = makeProject({
      'seeds/pier.txt': `Pier to reopen after repairs\n\n${BODY}\n`,
      'seeds/pier@2024-04-02.txt': `Pier reopens on 1 May\n\n${BODY}\n`,
      'seeds/plain.txt': `${BODY}\n`,
    });
    const loaded = loadSeeds(root);
    loadCaptures(root, loaded.seeds, loaded.rejected);
    const [pier, plain] = loaded.seeds;
    expect([pier!.title, pier!.titleFrom]).toEqual(['Pier to reopen after repairs', 'headline']);
    expect(pier!.captures!.map((c) => c.title)).toEqual(['Pier to reopen after repairs']);
    expect(plain!.titleFrom).toBe('opening');
  });
});
