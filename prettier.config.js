// Prettier, chosen to change the least of the code as it is written: single quotes and trailing commas
// everywhere (Prettier's default `all`), semicolons, two spaces, and arrow parentheses. 140 columns is
// about where the code's own lines end (most are under 120; the longest run past 200): a narrower width
// would re-wrap far more of it, a wider one lets lines grow too long to read beside a diff.
/** @type {import('prettier').Config} */
export default {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
};
