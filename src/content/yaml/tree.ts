// The YAML tree that validation reads, whichever parser built it (src/content/yaml/fast-path.ts or the `yaml`
// package, converted here): values with the offsets where they were written, aliases already resolved.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

export interface YamlScalar {
  kind: 'scalar';
  /** As the YAML core schema reads it: a string, number, boolean or null. */
  value: unknown;
  /** Plain scalars as written (`003`, `false`); the decoded string for quoted and block scalars. */
  source: string;
  plain: boolean;
  /** Offsets in the parsed text: where the value starts, and where its text ends. */
  start: number;
  end: number;
}

export interface YamlSeq {
  kind: 'seq';
  items: YamlNode[];
  start: number;
}

export interface YamlPair {
  /** The key as text. */
  name: string;
  key: YamlNode;
  /** Null only when the parser gave no value at all (an empty value is an empty scalar). */
  value: YamlNode | null;
}

export interface YamlMap {
  kind: 'map';
  pairs: YamlPair[];
  start: number;
}

export type YamlNode = YamlScalar | YamlSeq | YamlMap;

/** The empty value of `key:` with nothing after it, at `offset`. */
export function emptyScalar(offset: number): YamlScalar {
  return { kind: 'scalar', value: null, source: '', plain: true, start: offset, end: offset };
}

/**
 * The tree of a document the `yaml` package parsed. An alias becomes its target, at the alias's own
 * position; a target is converted once however often it is referred to (the alias limit was enforced
 * when the document was read).
 */
export function fromDocument(doc: Document.Parsed): YamlNode | null {
  const converted = new Map<Node, YamlNode>();
  const convert = (node: unknown): YamlNode | null => {
    if (isAlias(node)) {
      const target = convert(node.resolve(doc));
      return target && { ...target, start: node.range?.[0] ?? target.start };
    }
    if (!isScalar(node) && !isSeq(node) && !isMap(node)) return null;
    const done = converted.get(node);
    if (done) return done;
    const [start, end] = node.range ?? [0, 0];
    if (isScalar(node)) {
      const scalar: YamlScalar = {
        kind: 'scalar',
        value: node.value,
        source: typeof node.source === 'string' ? node.source : String(node.value),
        plain: node.type === 'PLAIN',
        start,
        end,
      };
      converted.set(node, scalar);
      return scalar;
    }
    if (isSeq(node)) {
      const seq: YamlSeq = { kind: 'seq', items: [], start };
      converted.set(node, seq);
      for (const item of node.items) seq.items.push(convert(item) ?? emptyScalar(start));
      return seq;
    }
    const map: YamlMap = { kind: 'map', pairs: [], start };
    converted.set(node, map);
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = convert(pair.key) ?? emptyScalar(start);
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      map.pairs.push({ name, key, value: convert(pair.value) });
    }
    return map;
  };
  return convert(doc.contents);
}
