/**
 * psmatch2's sort order for nearest-neighbour matching, which decides every tie:
 * `sort -_support _treated _pscore order` (on support first, controls before treated, score
 * ascending, or descending with option `descending`, then the original row order).
 *
 * Shapes: ps, treat, support over the estimation sample (length m). `idx[p]` is the sample row at
 * position p; `pos[r]` the position of row r (psmatch2's `_id` = pos + 1). Positions 0..n0-1 are the
 * controls on support, n0..nOn-1 the treated on support, nOn..m-1 the rows off support.
 */
export interface SortedLayout {
  readonly idx: Int32Array;
  readonly pos: Int32Array;
  /** Score at each position. */
  readonly PS: Float64Array;
  readonly n0: number;
  readonly nOn: number;
}

export function sortedLayout(ps: ArrayLike<number>, treat: ArrayLike<number>, support: ArrayLike<number>, descending: boolean): SortedLayout {
  const m = ps.length;
  const idx = Int32Array.from({ length: m }, (_, i) => i);
  const sgn = descending ? -1 : 1;
  idx.sort((a, b) => (support[b] - support[a]) || (treat[a] - treat[b]) || sgn * (ps[a] - ps[b]) || a - b);
  const pos = new Int32Array(m);
  const PS = new Float64Array(m);
  let n0 = 0, nOn = 0;
  for (let p = 0; p < m; p++) {
    const r = idx[p];
    pos[r] = p;
    PS[p] = ps[r];
    if (support[r] === 1) {
      nOn++;
      if (treat[r] === 0) n0++;
    }
  }
  return { idx, pos, PS, n0, nOn };
}
