/**
 * Nearest-match suggestions for misspelt commands, options, choices and column names:
 * `didYouMean("capitl", names)` -> ` (did you mean "capital"?)` or "".
 */

/** Edit distance with insertions, deletions, substitutions and swaps of neighbours ("frim" -> "firm") costing 1. */
export function editDistance(a: string, b: string): number {
  const n = b.length;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= n; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][n];
}

/**
 * The candidate closest to `word` (case-insensitive), if it is close enough to be a likely typo:
 * same letters in another case, or at most max(1, length / 3) edits.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined || best === word) return undefined;
  return bestD <= Math.max(1, Math.floor(Math.max(w.length, best.length) / 3)) ? best : undefined;
}

/** ` (did you mean "x"?)` for the nearest candidate, or "" when none is close. `prefix` is put before the name (e.g. "--"). */
export function didYouMean(word: string, candidates: readonly string[], prefix = ""): string {
  const m = nearest(word, candidates);
  return m === undefined ? "" : ` (did you mean ${prefix ? `${prefix}${m}` : `"${m}"`}?)`;
}
