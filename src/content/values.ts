// Checks on single values shared by verdicts, sources, seed metadata and the scale.
import { domainToUnicode } from 'node:url';
import { describeCodePoint } from '../model/visible.ts';

/** A value echoed in a message: quoted, escaped onto one line, and cut short when long. */
export function shown(value: string, limit = 80): string {
  return JSON.stringify(value.length > limit ? `${value.slice(0, limit - 3)}...` : value);
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Control characters and spaces are stripped or tolerated by URL parsers in ways that hide a scheme; invisible format
// characters (\p{Cf}: bidi controls, zero-width characters, the soft hyphen) make a URL read as another. The pattern
// lists the format characters of the Basic Multilingual Plane; urlProblem refuses every \p{Cf}.
const FORMAT_CHARACTERS =
  '\\u00ad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb';
const NOT_IN_URL = `\\u0000-\\u0020\\u007f-\\u009f\\u2028\\u2029${FORMAT_CHARACTERS}`;
const HAS_NOT_IN_URL = new RegExp(`[${NOT_IN_URL}]`);

/**
 * The shape of an absolute http(s) URL with a host, as a flagless pattern (JSON Schema patterns have no
 * flags, hence [Hh]...). `urlProblem` also refuses what the WHATWG URL parser refuses, which no pattern says.
 */
export const HTTP_URL_PATTERN = new RegExp(`^[Hh][Tt][Tt][Pp][Ss]?://[^/?#${NOT_IN_URL}][^${NOT_IN_URL}]*$`);

/** Why `value` is not a usable absolute http(s) URL, or undefined when it is one. */
export function urlProblem(value: string): string | undefined {
  const url = shown(value);
  const format = /\p{Cf}/u.exec(value);
  if (format) {
    return (
      `the URL ${url} contains the invisible format character ${describeCodePoint(format[0].codePointAt(0)!)} at character ${format.index + 1}, ` +
      'which can make it read as another address (a bidi control reverses the text after it); remove it'
    );
  }
  if (HAS_NOT_IN_URL.test(value)) {
    return `the URL ${url} contains spaces or control characters; encode them (%20) or remove them`;
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return `the URL ${url} is not absolute; write it in full, starting with https://`;
  if (scheme !== 'http' && scheme !== 'https') return `${scheme}: URLs are refused (${url}); only http and https links are allowed`;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return `the URL ${url} is not a valid URL`;
  }
  if (!HTTP_URL_PATTERN.test(value) || parsed.hostname === '') return `the URL ${url} has no host name`;
  return undefined;
}

/** Scripts a host label may combine, besides Latin (as browsers allow them, after Unicode TS 39's "highly restrictive" level). */
const SCRIPT_SETS = [
  ['Han', 'Hiragana', 'Katakana'],
  ['Han', 'Bopomofo'],
  ['Han', 'Hangul'],
];
const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Khmer',
  'Ethiopic',
  'Cherokee',
  'Mongolian',
  'Han',
  'Hiragana',
  'Katakana',
  'Bopomofo',
  'Hangul',
].map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));

function scriptOf(char: string): string | undefined {
  if (!/\p{L}/u.test(char)) return undefined; // digits, hyphens and combining marks belong to every script
  return SCRIPTS.find((s) => s.pattern.test(char))?.name ?? 'another script';
}

export interface MixedScriptHost {
  /** The host as written (Unicode). */
  host: string;
  /** As a browser shows a host it does not trust: xn--... */
  punycode: string;
  /** The scripts of the first label that mixes them, sorted. */
  scripts: string[];
}

/** The host of `value` when one of its labels mixes letters of different scripts (a Cyrillic "а" in "аpple.com"). */
export function mixedScriptHost(value: string): MixedScriptHost | undefined {
  let hostname: string;
  try {
    hostname = new URL(value).hostname;
  } catch {
    return undefined;
  }
  const unicode = domainToUnicode(hostname);
  for (const label of unicode.split('.')) {
    const scripts = new Set<string>();
    for (const char of label) {
      const script = scriptOf(char);
      if (script) scripts.add(script);
    }
    const others = [...scripts].filter((s) => s !== 'Latin');
    const allowed = scripts.size <= 1 || SCRIPT_SETS.some((set) => others.every((s) => set.includes(s)));
    if (!allowed) return { host: unicode, punycode: hostname, scripts: [...scripts].sort() };
  }
  return undefined;
}

/** A warning on a valid URL whose host mixes scripts, or undefined. */
export function urlWarning(value: string): string | undefined {
  const mixed = mixedScriptHost(value);
  if (!mixed) return undefined;
  const scripts = mixed.scripts.join(' and ');
  return (
    `the host of the URL ${shown(value)} mixes ${scripts} letters in one name, the way look-alike addresses imitate another site; ` +
    `browsers show it as ${mixed.punycode}. Check that this is the address you mean`
  );
}

/**
 * `value` as a browser's address bar shows it: the host lower-cased and punycoded (`https://xn--pple-43d.com/`
 * for a Cyrillic "а"), the scheme, user and the rest of the URL as written. A value that is not a URL is returned as it is.
 */
export function displayUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  const parts = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#\\]*)([\s\S]*)$/.exec(value);
  if (!parts || url.host === '') return value;
  const authority = parts[2]!;
  const at = authority.lastIndexOf('@');
  return `${parts[1]!.toLowerCase()}${at === -1 ? '' : authority.slice(0, at + 1)}${url.host}${parts[3]}`;
}
