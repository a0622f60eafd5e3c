// Checks on single values shared by verdicts, sources, seed metadata and the scale.

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

// Control characters and spaces are stripped or tolerated by URL parsers in ways that hide a scheme.
const NOT_IN_URL = '\\u0000-\\u0020\\u007f-\\u009f\\u2028\\u2029';
const HAS_NOT_IN_URL = new RegExp(`[${NOT_IN_URL}]`);

/**
 * The shape of an absolute http(s) URL with a host, as a flagless pattern (JSON Schema patterns have no
 * flags, hence [Hh]...). `urlProblem` also refuses what the WHATWG URL parser refuses, which no pattern says.
 */
export const HTTP_URL_PATTERN = new RegExp(`^[Hh][Tt][Tt][Pp][Ss]?://[^/?#${NOT_IN_URL}][^${NOT_IN_URL}]*$`);

/** Why `value` is not a usable absolute http(s) URL, or undefined when it is one. */
export function urlProblem(value: string): string | undefined {
  const url = shown(value);
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
