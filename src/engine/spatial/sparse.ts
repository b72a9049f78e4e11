/**
 * Sparse spatial weights in compressed sparse row form (CSR) on typed arrays.
 *
 * Shape convention: an n x n matrix W with the nonzeros of row i at positions rowPtr[i] .. rowPtr[i+1]-1
 * of `col` (column index, ascending within a row) and `val` (the weight). The diagonal is never stored
 * (w_ii = 0 for every builder). Structural zeros are not stored, so `nnz` counts links.
 */
export interface Csr {
  readonly n: number;
  readonly rowPtr: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}

/** Builds a CSR matrix row by row from (column, value) lists; entries with value 0 are not stored. */
export function csrFromRows(n: number, rows: (i: number, push: (j: number, v: number) => void) => void): Csr {
  const rowPtr = new Int32Array(n + 1);
  let cap = Math.max(16, n * 8);
  let col = new Int32Array(cap);
  let val = new Float64Array(cap);
  let nnz = 0;
  const push = (j: number, v: number) => {
    if (v === 0) return;
    if (nnz === cap) {
      cap *= 2;
      const c2 = new Int32Array(cap);
      c2.set(col);
      col = c2;
      const v2 = new Float64Array(cap);
      v2.set(val);
      val = v2;
    }
    col[nnz] = j;
    val[nnz] = v;
    nnz++;
  };
  for (let i = 0; i < n; i++) {
    const start = nnz;
    rows(i, push);
    sortRowSegment(col, val, start, nnz);
    rowPtr[i + 1] = nnz;
  }
  return { n, rowPtr, col: col.slice(0, nnz), val: val.slice(0, nnz) };
}

function sortRowSegment(col: Int32Array, val: Float64Array, a: number, b: number): void {
  // insertion sort: rows are short or already in order
  for (let p = a + 1; p < b; p++) {
    const c = col[p];
    const v = val[p];
    let q = p - 1;
    while (q >= a && col[q] > c) {
      col[q + 1] = col[q];
      val[q + 1] = val[q];
      q--;
    }
    col[q + 1] = c;
    val[q + 1] = v;
  }
}

/** CSR from a dense row-major n x n array (diagonal ignored). */
export function csrFromDense(n: number, dense: ArrayLike<number>): Csr {
  return csrFromRows(n, (i, push) => {
    for (let j = 0; j < n; j++) if (j !== i) push(j, dense[i * n + j]);
  });
}

/** Dense row-major n x n copy. */
export function csrToDense(w: Csr): Float64Array {
  const { n, rowPtr, col, val } = w;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) out[i * n + col[p]] = val[p];
  return out;
}

/** y = W x (x of length n). */
export function csrMatvec(w: Csr, x: ArrayLike<number>, out: Float64Array = new Float64Array(w.n), xOffset = 0, outOffset = 0): Float64Array {
  const { n, rowPtr, col, val } = w;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) s += val[p] * x[xOffset + col[p]];
    out[outOffset + i] = s;
  }
  return out;
}

/** (I_T kron W) x for a period-major stacked vector x of length n T: W applied period by period. */
export function panelLag(w: Csr, x: ArrayLike<number>, T: number): Float64Array {
  const out = new Float64Array(w.n * T);
  for (let t = 0; t < T; t++) csrMatvec(w, x, out, t * w.n, t * w.n);
  return out;
}

export function csrTranspose(w: Csr): Csr {
  const { n, rowPtr, col, val } = w;
  const cnt = new Int32Array(n + 1);
  for (let p = 0; p < col.length; p++) cnt[col[p] + 1]++;
  for (let j = 0; j < n; j++) cnt[j + 1] += cnt[j];
  const rp = cnt.slice();
  const c2 = new Int32Array(col.length);
  const v2 = new Float64Array(col.length);
  const next = cnt.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const q = next[col[p]]++;
      c2[q] = i;
      v2[q] = val[p];
    }
  }
  return { n, rowPtr: rp, col: c2, val: v2 };
}

/** A copy with every entry scaled: row i by rowScale[i] (or 1), then all by `factor`. */
export function csrScale(w: Csr, factor: number, rowScale?: ArrayLike<number>): Csr {
  const val = new Float64Array(w.val.length);
  for (let i = 0; i < w.n; i++) {
    const s = factor * (rowScale ? rowScale[i] : 1);
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) val[p] = w.val[p] * s;
  }
  return { n: w.n, rowPtr: w.rowPtr, col: w.col, val };
}

export function csrRowSums(w: Csr): Float64Array {
  const out = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) s += w.val[p];
    out[i] = s;
  }
  return out;
}

export function csrColSums(w: Csr): Float64Array {
  const out = new Float64Array(w.n);
  for (let p = 0; p < w.col.length; p++) out[w.col[p]] += w.val[p];
  return out;
}

/** w_ij, or 0 when (i, j) is not stored (binary search within the row). */
export function csrGet(w: Csr, i: number, j: number): number {
  let a = w.rowPtr[i];
  let b = w.rowPtr[i + 1] - 1;
  while (a <= b) {
    const m = (a + b) >> 1;
    const c = w.col[m];
    if (c === j) return w.val[m];
    if (c < j) a = m + 1;
    else b = m - 1;
  }
  return 0;
}

/** Number of neighbours (stored nonzeros) of each row. */
export function csrCardinalities(w: Csr): Int32Array {
  const out = new Int32Array(w.n);
  for (let i = 0; i < w.n; i++) out[i] = w.rowPtr[i + 1] - w.rowPtr[i];
  return out;
}

/** True when w_ij = w_ji for every stored pair (numerical symmetry, exact comparison). */
export function csrIsSymmetric(w: Csr): boolean {
  for (let i = 0; i < w.n; i++) for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) if (csrGet(w, w.col[p], i) !== w.val[p]) return false;
  return true;
}
