// "Did you mean ...?" for misspelt field names, seed ids and rating keys.

const MAX_NAME_LENGTH = 200;

/** Edit distance where swapping two neighbouring characters (a common typo: "flase") counts as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate closest to `name` (case-insensitive edit distance), if it is close enough to be a
 * plausible typo (at most a third of the longer name) or the only candidate that `name` begins.
 * Ties go to the first candidate in sorted order.
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  // A typo of a field name, seed id or rating key is short; anything long is not worth a quadratic comparison.
  if (name.length > MAX_NAME_LENGTH) return undefined;
  const wanted = name.toLowerCase();
  const sorted = [...candidates].sort();
  // A unique prefix (`seed: 001` for `001_9340af456b0c9be9`) is as good a hint as a typo.
  const extending = wanted === '' ? [] : sorted.filter((candidate) => candidate.toLowerCase().startsWith(wanted));
  if (extending.length === 1) return extending[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of sorted) {
    // Names that differ wildly in length cannot be close; skip them without computing the table.
    if (candidate.length > MAX_NAME_LENGTH || Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(1, Math.floor(Math.max(best.length, wanted.length) / 3)) ? best : undefined;
}

/** ` Did you mean "x"?` or the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = nearest(name, candidates);
  return match === undefined ? '' : ` Did you mean "${match}"?`;
}
