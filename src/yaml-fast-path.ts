// The fast path for plain front matter: js-yaml reads it about seven times faster than the `yaml`
// package builds a Document, and its listener reports where every node starts and ends. From those
// events this builds the same node objects (`Scalar`, `YAMLMap`, `YAMLSeq`, `Pair` with source ranges)
// that `yaml` would, so validation reads one kind of tree whichever parser ran.
//
// Only documents both parsers read alike take this path: anything that is not plain mappings, lists
// and scalars (anchors, aliases, tags, directives, explicit or merge keys, tabs, flow collections
// over several lines, and the few spellings fuzzing found the two read differently), and anything
// js-yaml refuses, is left to `yaml`, whose errors and warnings
// are the ones editors see. test/yaml-fast-path.test.ts proves both paths give the same result.
import jsYaml from 'js-yaml';
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** Node properties (&anchor, !tag), aliases (*name) or explicit keys (? ) where a node may start. */
const NODE_PROPERTY = /(?:^|[\s,[{])[&*!?]/;
/** Directives, merge keys, tabs, lone carriage returns and lines of only spaces (read differently in block scalars). */
const NOT_PLAIN = /^%|<<|\t|\r(?!\n)|^ +\r?$/m;

interface Frame {
  open: number;
  children: (Node | null)[];
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

function scalarType(first: string | undefined): Scalar.Type {
  if (first === '"') return 'QUOTE_DOUBLE';
  if (first === "'") return 'QUOTE_SINGLE';
  if (first === '|') return 'BLOCK_LITERAL';
  if (first === '>') return 'BLOCK_FOLDED';
  return 'PLAIN';
}

class NotPlain extends Error {}

/** The node `yaml` would build for what js-yaml just closed. */
function toNode(source: string, frame: Frame, kind: string | null, result: unknown, close: number): Node | null {
  if (kind === null) {
    // No content (`claim:` then a new line): `yaml` gives an empty plain scalar where the value would start.
    if (frame.children.length > 0) throw new NotPlain();
    const empty = new Scalar(null);
    empty.type = 'PLAIN';
    empty.source = '';
    empty.range = [frame.open, frame.open, frame.open];
    return empty;
  }
  const start = skipSpaceAndComments(source, frame.open);
  if (kind === 'scalar') {
    const scalar = new Scalar(result);
    scalar.type = scalarType(source[start]);
    // An explicit indentation indicator (|2): the two parsers disagree on lines of spaces under it.
    if (scalar.type.startsWith('BLOCK') && /^[|>][-+]?[1-9]/.test(source.slice(start, start + 3))) throw new NotPlain();
    const end = scalar.type === 'PLAIN' ? trimEnd(source, close) : close;
    // As `yaml` keeps it: the text as written for plain scalars, the decoded string for quoted ones.
    scalar.source = typeof result === 'string' ? result : source.slice(start, end);
    scalar.range = [start, end, close];
    return scalar;
  }
  const flow = source[start] === '[' || source[start] === '{';
  if (flow && source.slice(start, close).includes('\n')) throw new NotPlain();
  if (kind === 'sequence') {
    if (!Array.isArray(result) || result.length !== frame.children.length) throw new NotPlain();
    const seq = new YAMLSeq();
    seq.items = frame.children;
    if (flow) seq.flow = true;
    seq.range = [start, close, close];
    return seq;
  }
  if (kind === 'mapping') {
    const { children } = frame;
    if (children.length % 2 !== 0 || result === null || typeof result !== 'object' || Object.keys(result).length !== children.length / 2) throw new NotPlain();
    const map = new YAMLMap();
    for (let i = 0; i < children.length; i += 2) {
      const key = children[i];
      if (!(key instanceof Scalar) || key.value === null) throw new NotPlain();
      map.items.push(new Pair(key, children[i + 1]));
    }
    if (flow) map.flow = true;
    map.range = [start, close, close];
    return map;
  }
  throw new NotPlain();
}

/**
 * The document's root node, as `yaml` would build it, or undefined when the fast path does not apply
 * (the caller then parses with `yaml`). Never throws.
 */
export function readPlainYaml(source: string): { contents: Node | null } | undefined {
  if (NODE_PROPERTY.test(source) || NOT_PLAIN.test(source)) return undefined;
  const stack: Frame[] = [];
  let root = null as Node | null;
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
  if (stack.length > 0 || !(root instanceof YAMLMap || root instanceof YAMLSeq)) return undefined;
  return { contents: root };
}
