// The indentation mistake behind most YAML errors in a list of maps (sources, corrections): a field of a list item
// indented differently from the item's first field. The parser reports it in its own words and, when the field is
// indented too far, at the line before. Found here from the text, so the problem can name the line that is wrong.

export interface MisindentedField {
  /** 1-based line of the misindented field, and the field's name. */
  line: number;
  key: string;
  indent: number;
  /** The indentation of the item's first field, its name and line. */
  expected: number;
  firstKey: string;
  firstLine: number;
}

const ITEM = /^( *)-( +)([^\s#'"[{][^:#]*?):(?: |$)/;
const KEY = /^( *)([^\s#'"[{-][^:#]*?):(?: |$)/;
const OWN_INDENT = /^( *)/;

/**
 * The first field of a block-sequence item whose indentation differs from the item's first field (`- title: ...` then
 * `url:` at another column), when that can only be a mistake. Undefined when the text has no such line, or uses tabs.
 */
export function misindentedField(source: string): MisindentedField | undefined {
  if (source.includes('\t')) return undefined;
  const lines = source.split(/\r\n|\r|\n/);
  /** The open list item: where its dash and its fields are, the key that holds the list, whether the last field opened a block. */
  let item: { dash: number; fields: number; parent: number; firstKey: string; firstLine: number; block: boolean } | undefined;
  let lastKeyIndent = -1;
  let lastKeyOpensBlock = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const indent = OWN_INDENT.exec(text)![1]!.length;
    const itemMatch = ITEM.exec(text);
    if (itemMatch) {
      const dash = itemMatch[1]!.length;
      // a new item of the same list keeps the list's parent; a list of its own belongs to the last key above it
      const parent = item && item.dash === dash ? item.parent : lastKeyOpensBlock ? lastKeyIndent : -1;
      const rest = text.slice(itemMatch[0].length).trim();
      item = {
        dash,
        fields: dash + 1 + itemMatch[2]!.length,
        parent,
        firstKey: itemMatch[3]!,
        firstLine: i + 1,
        block: rest === '' || /^[|>]/.test(rest),
      };
      continue;
    }
    const keyMatch = KEY.exec(text);
    if (item && indent <= item.parent) item = undefined;
    if (item && indent > item.fields && item.block) continue; // inside a nested block of the item's last field
    if (item && indent === item.fields && keyMatch) {
      const rest = text.slice(keyMatch[0].length).trim();
      item.block = rest === '' || /^[|>]/.test(rest);
      continue;
    }
    if (item && keyMatch && indent !== item.fields && indent >= item.dash) {
      return { line: i + 1, key: keyMatch[2]!, indent, expected: item.fields, firstKey: item.firstKey, firstLine: item.firstLine };
    }
    if (item && indent < item.fields) item = undefined;
    if (keyMatch) {
      lastKeyIndent = indent;
      const rest = text.slice(keyMatch[0].length).trim();
      lastKeyOpensBlock = rest === '';
    }
  }
  return undefined;
}

export function misindentedMessage(field: MisindentedField): string {
  return (
    `"${field.key}:" is indented ${field.indent} spaces, but the fields of this list item start ${field.expected} spaces in ` +
    `(where "${field.firstKey}:" is on line ${field.firstLine}); indent it by ${field.expected} spaces`
  );
}
