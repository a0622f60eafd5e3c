// The front matter of a Markdown file (a verdict, an editor's page): where the block between the two "---"
// lines is, and the YAML and Markdown on either side of it, as gray-matter reads them.
import type { YamlProblem } from './yaml/source.ts';

/** Where the front matter sits in the text, or why it cannot be read. */
export function locateFrontMatter(
  text: string,
  missing = 'a verdict must begin with front matter: a line "---", the fields (title, seed, quote, rating, sources, author, date), and another line "---".',
): { closeLine: number; closeOffset: number } | { problem: YamlProblem } {
  const at = (line: number, message: string) => ({ problem: { severity: 'error' as const, line, column: 1, message } });
  const firstLine = /^[^\r\n]*/.exec(text)![0];
  if (!/^---[ \t]*$/.test(firstLine)) {
    return firstLine.startsWith('---')
      ? at(1, `the front matter must open with a line of exactly "---" (this one reads "${firstLine.slice(0, 40)}").`)
      : at(1, missing);
  }
  // gray-matter closes the front matter at the first line that begins with "---".
  const close = /\n---/g;
  close.lastIndex = firstLine.length;
  const found = close.exec(text);
  if (!found) return at(1, 'the front matter opened on line 1 is never closed: add a line "---" after the last field.');
  const closeLine = text.slice(0, found.index + 1).split('\n').length;
  const rest = /^[^\r\n]*/.exec(text.slice(found.index + 1))![0];
  if (!/^---[ \t]*$/.test(rest)) {
    return at(
      closeLine,
      `line ${closeLine} begins with "---", which ends the front matter, but it is not a line of exactly "---". Close the front matter with "---" on its own line.`,
    );
  }
  return { closeLine, closeOffset: found.index + 1 };
}

/**
 * The YAML between the two "---" lines and the Markdown after them, split exactly as gray-matter (the
 * front matter reader Eleventy uses for the same files) splits them; no YAML when the block holds only
 * blank and comment lines, as gray-matter then calls no parser.
 */
export function splitFrontMatter(text: string, closeOffset: number): { yamlSource: string | undefined; body: string } {
  // From just after the opening "---" to the line break before the closing one. With CRLF endings that
  // ends in the "\r" of the last field's line, which YAML would keep in its value: dropping it moves no offset.
  const block = text.slice(3, closeOffset - 1).replace(/\r$/, '');
  let body = text.slice(closeOffset + 3);
  if (body.startsWith('\r')) body = body.slice(1);
  if (body.startsWith('\n')) body = body.slice(1);
  const empty = block.replace(/^\s*#[^\n]+/gm, '').trim() === '';
  return { yamlSource: empty ? undefined : block, body };
}
