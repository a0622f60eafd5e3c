// Characters that act on a terminal or on the direction of the text around them instead of being read:
// C0 and C1 controls, DEL, and the bidi embedding, override and isolate controls. Everything untrusted
// (file names, field values, seed words) is printed with them made visible, `\u{1B}`, `\u{202E}`, so a
// file name cannot move the cursor, erase a line or reverse the text after it. The marks LRM, RLM and
// ALM are left alone: they are normal in right-to-left text and change nothing but the mark's own side.

/** C0 controls (U+0000-U+001F), by code point. */
const C0_NAMES = [
  'NULL',
  'START OF HEADING',
  'START OF TEXT',
  'END OF TEXT',
  'END OF TRANSMISSION',
  'ENQUIRY',
  'ACKNOWLEDGE',
  'BELL',
  'BACKSPACE',
  'CHARACTER TABULATION',
  'LINE FEED',
  'LINE TABULATION',
  'FORM FEED',
  'CARRIAGE RETURN',
  'SHIFT OUT',
  'SHIFT IN',
  'DATA LINK ESCAPE',
  'DEVICE CONTROL ONE',
  'DEVICE CONTROL TWO',
  'DEVICE CONTROL THREE',
  'DEVICE CONTROL FOUR',
  'NEGATIVE ACKNOWLEDGE',
  'SYNCHRONOUS IDLE',
  'END OF TRANSMISSION BLOCK',
  'CANCEL',
  'END OF MEDIUM',
  'SUBSTITUTE',
  'ESCAPE',
  'INFORMATION SEPARATOR FOUR',
  'INFORMATION SEPARATOR THREE',
  'INFORMATION SEPARATOR TWO',
  'INFORMATION SEPARATOR ONE',
];

/** C1 controls (U+0080-U+009F), by code point minus 0x80. */
const C1_NAMES = [
  'PADDING CHARACTER',
  'HIGH OCTET PRESET',
  'BREAK PERMITTED HERE',
  'NO BREAK HERE',
  'INDEX',
  'NEXT LINE',
  'START OF SELECTED AREA',
  'END OF SELECTED AREA',
  'CHARACTER TABULATION SET',
  'CHARACTER TABULATION WITH JUSTIFICATION',
  'LINE TABULATION SET',
  'PARTIAL LINE FORWARD',
  'PARTIAL LINE BACKWARD',
  'REVERSE LINE FEED',
  'SINGLE SHIFT TWO',
  'SINGLE SHIFT THREE',
  'DEVICE CONTROL STRING',
  'PRIVATE USE ONE',
  'PRIVATE USE TWO',
  'SET TRANSMIT STATE',
  'CANCEL CHARACTER',
  'MESSAGE WAITING',
  'START OF GUARDED AREA',
  'END OF GUARDED AREA',
  'START OF STRING',
  'SINGLE GRAPHIC CHARACTER INTRODUCER',
  'SINGLE CHARACTER INTRODUCER',
  'CONTROL SEQUENCE INTRODUCER',
  'STRING TERMINATOR',
  'OPERATING SYSTEM COMMAND',
  'PRIVACY MESSAGE',
  'APPLICATION PROGRAM COMMAND',
];

const OTHER_NAMES: Record<number, string> = {
  0x7f: 'DELETE',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** The bidi embedding, override and isolate controls (not the marks LRM, RLM, ALM). */
export const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';
/** Every character made visible: C0, DEL, C1, U+2028/U+2029 (line breaks to JavaScript and some terminals) and the bidi controls. */
const HIDDEN = `\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029${BIDI_CONTROLS}`;
const HIDDEN_ALL = new RegExp(`[${HIDDEN}]`, 'g');

/** `U+202E`: the code point as Unicode writes it, at least four hex digits. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `U+202E RIGHT-TO-LEFT OVERRIDE` for the characters this module knows, else the bare code point (`U+0085`). */
export function describeCodePoint(codePoint: number): string {
  const name =
    codePoint < 0x20 ? C0_NAMES[codePoint] : codePoint >= 0x80 && codePoint < 0xa0 ? C1_NAMES[codePoint - 0x80] : OTHER_NAMES[codePoint];
  return name ? `${codePointLabel(codePoint)} ${name}` : codePointLabel(codePoint);
}

/** `\u{1B}`: a hidden character as the terminal shows it. */
function escaped(char: string): string {
  return `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`;
}

/**
 * `text` safe to print on a terminal: every control, DEL and bidi control written `\u{XX}`. Line feeds are
 * kept with `keepLineFeeds` (the tool's own multi-line messages) and made visible otherwise; `keep` names
 * other characters a caller escapes its own way (GitHub's %0D for CR).
 */
export function visible(text: string, { keepLineFeeds = false, keep = '' } = {}): string {
  const kept = keepLineFeeds ? `${keep}\n` : keep;
  return text.replace(HIDDEN_ALL, (c) => (kept.includes(c) ? c : escaped(c)));
}

/** `text` as one terminal line: a line break (CRLF, CR, LF, U+2028, U+2029) becomes a space, the rest as `visible`. */
export function visibleLine(text: string): string {
  return visible(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}

/** What JSON.stringify leaves raw inside strings (it escapes U+0000-U+001F itself; outside strings it writes only spaces and LF). */
const JSON_RAW = new RegExp(`[\\u007F-\\u009F\\u2028\\u2029${BIDI_CONTROLS}]`, 'g');

/** JSON text (from JSON.stringify) with the hidden characters JSON allows raw (DEL, C1, U+2028/9, bidi) as `\u` escapes (`\u202e`): the same values. */
export function jsonVisible(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
