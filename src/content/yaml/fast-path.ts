// The fast path for plain front matter: js-yaml reads it about seven times faster than the `yaml`
// package builds a Document, and its listener reports where every node starts and ends. From those
// events this builds the tree (src/content/yaml/tree.ts) that `yaml`'s Document converts to, with the same
// values and offsets, so validation cannot tell which parser ran.
//
// Only documents both parsers read alike take this path: anything that is not plain mappings, lists
// and one-line scalars (anchors, aliases, tags, directives, explicit or merge keys, tabs, multi-line
// flow collections, and the spellings fuzzing found the two read differently), and anything js-yaml
// refuses, is left to `yaml`, whose errors and warnings are the ones editors see.
// test/yaml-fast-path.test.ts fuzzes both paths against each other.
import jsYaml from 'js-yaml';
import { emptyScalar, type YamlNode, type YamlPair } from './tree.ts';

/** Node properties (&anchor, !tag), aliases (*name) or explicit keys (? ) where a node may start. */
const NODE_PROPERTY = /(?:^|[\s,[{])[&*!?]/;
/**
 * Directives, merge keys, tabs, lone carriage returns, lines of only spaces (read differently in block
 * scalars), a "#" right after a quote (js-yaml takes it for a comment; YAML requires a space first),
 * and byte order marks, other control characters and Unicode line separators.
 */
const NOT_PLAIN = /^%|<<|\t|\r(?!\n)|^ +\r?$|["']#|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/m;

interface Frame {
  open: number;
  children: YamlNode[];
}

function skipSpaceAndComments(source: string, from: number): number {
  let i = from;
  for (;;) {
    const c = source.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23 /* # */ && (i === 0 || /\s/.test(source[i - 1]!))) {
      const eol = source.indexOf('\n', i);
      if (eol === -1) return source.length;
      i = eol;
    } else return i;
  }
}

function trimEnd(source: string, to: number): number {
  let i = to;
  while (i > 0 && /\s/.test(source[i - 1]!)) i--;
  return i;
}

class NotPlain extends Error {}

/** A key the core schema reads as a string, number or boolean (a null key is not plain). */
const isPlainKey = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** The node for what js-yaml just closed, as `yaml` would have placed it. */
function toNode(source: string, frame: Frame, kind: string | null, result: unknown, close: number): YamlNode {
  if (kind === null) {
    // No content (`claim:` then a new line): `yaml` gives an empty plain scalar where the value would start.
    if (frame.children.length > 0) throw new NotPlain();
    return emptyScalar(frame.open);
  }
  const start = skipSpaceAndComments(source, frame.open);
  const first = source[start];
  if (kind === 'scalar') {
    const block = first === '|' || first === '>';
    // An explicit indentation indicator (|2): the two parsers disagree on lines of spaces under it.
    if (block && /^[|>][-+]?[1-9]/.test(source.slice(start, start + 3))) throw new NotPlain();
    const plain = !block && first !== '"' && first !== "'";
    const end = plain ? trimEnd(source, close) : close;
    // A quoted or plain value over several lines: js-yaml accepts continuation lines YAML finds under-indented.
    if (!block && source.slice(start, end).includes('\n')) throw new NotPlain();
    // As `yaml` keeps it: the text as written for plain scalars, the decoded string for quoted ones.
    return { kind: 'scalar', value: result, source: typeof result === 'string' ? result : source.slice(start, end), plain, start, end };
  }
  if ((first === '[' || first === '{') && source.slice(start, close).includes('\n')) throw new NotPlain();
  const { children } = frame;
  if (kind === 'sequence') {
    if (!Array.isArray(result) || result.length !== children.length) throw new NotPlain();
    return { kind: 'seq', items: children, start };
  }
  if (kind === 'mapping') {
    if (children.length % 2 !== 0 || result === null || typeof result !== 'object' || Object.keys(result).length !== children.length / 2)
      throw new NotPlain();
    const pairs: YamlPair[] = [];
    for (let i = 0; i < children.length; i += 2) {
      const key = children[i]!;
      if (key.kind !== 'scalar' || !isPlainKey(key.value)) throw new NotPlain();
      pairs.push({ name: String(key.value), key, value: children[i + 1]! });
    }
    return { kind: 'map', pairs, start };
  }
  throw new NotPlain();
}

/**
 * The document's root node, as `yaml` would build it, or undefined when the fast path does not apply
 * (the caller then parses with `yaml`). Never throws.
 */
export function readPlainYaml(source: string): { contents: YamlNode } | undefined {
  if (NODE_PROPERTY.test(source) || NOT_PLAIN.test(source)) return undefined;
  const stack: Frame[] = [];
  let root = undefined as YamlNode | undefined;
  try {
    jsYaml.load(source, {
      schema: jsYaml.CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ open: state.position, children: [] });
          return;
        }
        const node = toNode(source, stack.pop()!, state.kind, state.result, state.position);
        const parent = stack.at(-1);
        if (parent) parent.children.push(node);
        else root = node;
      },
    });
  } catch {
    return undefined;
  }
  // An empty document or a lone value: rare in front matter, and left to `yaml` to report.
  if (stack.length > 0 || root === undefined || root.kind === 'scalar') return undefined;
  return { contents: root };
}
