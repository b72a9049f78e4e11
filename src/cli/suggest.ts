/**
 * Nearest-match suggestions for misspelt commands, options, choices and column names:
 * `didYouMean("capitl", names)` -> ` (did you mean "capital"?)` or "".
 */

/** Levenshtein distance (insertions, deletions, substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
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
