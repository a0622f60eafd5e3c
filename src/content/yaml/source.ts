// YAML with source positions and resource limits, for front matter, seed metadata and the scale.
import { LineCounter, parseDocument } from 'yaml';
import type { Position } from '../../model/types.ts';
import { readPlainYaml } from './fast-path.ts';
import { misindentedField, misindentedMessage } from './indentation.ts';
import { fromDocument, type YamlNode } from './tree.ts';

export interface YamlProblem {
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
}

export interface ParsedYaml {
  /** The document's root node; null when it is empty. */
  contents: YamlNode | null;
  /** The text that was parsed (node ranges are offsets into it). */
  source: string;
  /** Position of a node in the parsed text (1-based line and column). */
  positionOf: (node: YamlNode | null | undefined, fallbackOffset?: number) => Position;
  warnings: YamlProblem[];
}

// Deep nesting makes the parser recurse towards the stack limit, where V8 has been seen to abort the
// whole process; legitimate front matter is a few levels deep, so refuse absurd nesting up front.
const MAX_FLOW_DEPTH = 64;
const MAX_INDENT = 256;
/** Alias expansions allowed when converting to plain values (stops "billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/** Line starts of `source`, for positions reported before (or without) the parser's own count. */
function countLines(source: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

function nestingProblem(source: string): YamlProblem | undefined {
  let depth = 0;
  const brackets = /[[\]{}]/g;
  for (let match = brackets.exec(source); match; match = brackets.exec(source)) {
    const c = source.charCodeAt(match.index);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) {
        const { line, col } = countLines(source).linePos(match.index);
        return { severity: 'error', message: `YAML nested more than ${MAX_FLOW_DEPTH} levels deep was refused`, line, column: col };
      }
    } else if (depth > 0) depth--;
  }
  const indent = /^(?:[ \t]|[-?:](?=[ \t]))*/gm;
  for (let match = indent.exec(source); match; match = indent.exec(source)) {
    if (match[0].length > MAX_INDENT) {
      const { line } = countLines(source).linePos(match.index);
      return { severity: 'error', message: `YAML indented more than ${MAX_INDENT} columns deep was refused`, line, column: 1 };
    }
    if (match[0].length === 0) indent.lastIndex++;
  }
  return undefined;
}

/** What an editor most often did to cause each error, and how to fix it. */
const HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces',
  BLOCK_AS_IMPLICIT_KEY:
    'a value that contains ": " must be in quotes (title: "Peskov: definitely"), and each field starts a new line at the same indentation as the others',
  UNEXPECTED_TOKEN:
    "a quote mark inside a quoted value ends it early: wrap the value in the other kind of quotes, or double a ' inside single quotes ('Peskov''s words')",
  BAD_SCALAR_START: 'put the value in quotes',
};

function hint(code: string, message: string): string {
  return HINTS[code] ? `${message}; ${HINTS[code]}` : message;
}

/**
 * Parses one YAML document keeping positions. Syntax errors come back at the parser's own line
 * (the first one only: later ones are usually its echoes). Plain documents take the fast path
 * (src/content/yaml/fast-path.ts) unless `fastPath` is false.
 */
export function parseYaml(source: string, { fastPath = true } = {}): { ok: true; yaml: ParsedYaml } | { ok: false; problem: YamlProblem } {
  const tooDeep = nestingProblem(source);
  if (tooDeep) return { ok: false, problem: tooDeep };
  const plain = fastPath ? readPlainYaml(source) : undefined;
  if (plain) {
    let lines: LineCounter | undefined;
    return {
      ok: true,
      yaml: {
        contents: plain.contents,
        source,
        warnings: [],
        positionOf: (node, fallbackOffset = 0) => {
          lines ??= countLines(source);
          const { line, col } = lines.linePos(node?.start ?? fallbackOffset);
          return { line, column: col };
        },
      },
    };
  }
  // Filled by the parser.
  const lines = new LineCounter();

  // logLevel 'error': the parser's warnings are reported as problems, never printed to the console.
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const error = doc.errors[0];
  if (error) {
    // A list item's field at the wrong column: name that line and the column expected, not the parser's guess.
    const misindented = misindentedField(source);
    if (misindented && Math.abs(misindented.line - at(error.pos[0]).line) <= 1) {
      const message = `YAML syntax error: ${misindentedMessage(misindented)}`;
      return { ok: false, problem: { severity: 'error', message, line: misindented.line, column: misindented.indent + 1 } };
    }
    return {
      ok: false,
      problem: { severity: 'error', message: `YAML syntax error: ${hint(error.code, error.message)}`, ...at(error.pos[0]) },
    };
  }
  try {
    // Callers read the nodes; converting once is what enforces the alias limit on the whole document. Without a
    // "*" anywhere there is no alias to expand, and nothing else in the core schema makes conversion fail.
    if (source.includes('*')) doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (caught) {
    const message =
      caught instanceof ReferenceError && /alias/i.test(caught.message)
        ? `YAML aliases expand to too many nodes (over ${MAX_ALIAS_COUNT}); write the values out instead`
        : `YAML could not be read: ${(caught as Error).message}`;
    return { ok: false, problem: { severity: 'error', message, line: 1, column: 1 } };
  }
  const warnings = doc.warnings.map((warning) => ({
    severity: 'warning' as const,
    message: `YAML: ${warning.message}`,
    ...at(warning.pos[0]),
  }));
  return {
    ok: true,
    yaml: {
      contents: fromDocument(doc),
      source,
      warnings,
      positionOf: (node, fallbackOffset = 0) => at(node?.start ?? fallbackOffset),
    },
  };
}

/**
 * A field meant as text: strings as they are, and plain numbers, booleans or (under a `%YAML 1.1`
 * directive) timestamps as written (`rating: false`, `seed: 003`, `date: 2024-03-01`), never as YAML's
 * reading of them. Undefined for anything else (lists, maps, null, binary).
 */
export function textValue(node: YamlNode | null | undefined): string | undefined {
  if (node?.kind !== 'scalar') return undefined;
  const { value } = node;
  if (typeof value === 'string') return value;
  const readable = typeof value === 'number' || typeof value === 'boolean' || value instanceof Date;
  return readable ? node.source : undefined;
}
