/**
 * Exact two-way demeaning through the Schur complement on the smaller FE.
 *
 * With dummies A (many levels, e.g. cities) and B (few levels, e.g. years), the residual of x on [A B] is
 *   r = M_A x - M_A B a,   where  S a = B' M_A x,   S = B' M_A B = diag(n_t) - sum_i v_i v_i' / n_i
 * (v_i = counts of unit i by level of B). S is singular with one null direction per connected component
 * of the A-B graph; fixing one B level per component to zero leaves a positive definite system, solved
 * by Cholesky once and reused for every column. Cost per column: three passes over the data and one
 * over the sparse A x B count matrix; once: O(n + sum_i nnz_i^2 + L_B^3).
 */
import { cholesky, choleskySolve } from "../linalg/dense";
import { bipartiteComponents, Components } from "./components";

export interface DirectTwoWay {
  /** Residualises x on both FE; writes into out (may alias x). */
  demean(x: ArrayLike<number>, out: Float64Array): void;
}

/** Upper bound of the cost sum_i nnz_i^2 (nnz_i = distinct B levels of unit i <= min(n_i, L_B)); chooses this method. */
export function schurCost(a: Int32Array, la: number, lb: number): number {
  const cnt = new Float64Array(la);
  for (let i = 0; i < a.length; i++) cnt[a[i]]++;
  let cost = 0;
  for (let g = 0; g < la; g++) cost += Math.min(cnt[g], lb) ** 2;
  return cost;
}

export function buildDirectTwoWay(a: Int32Array, la: number, b: Int32Array, lb: number, components?: Components): DirectTwoWay {
  const n = a.length;
  const cntA = new Float64Array(la);
  const cntB = new Float64Array(lb);
  for (let i = 0; i < n; i++) {
    cntA[a[i]]++;
    cntB[b[i]]++;
  }
  const invA = cntA.map((c) => 1 / c);
  // Rows grouped by A (counting sort) to accumulate v_i.
  const start = new Int32Array(la + 1);
  for (let i = 0; i < n; i++) start[a[i] + 1]++;
  for (let g = 0; g < la; g++) start[g + 1] += start[g];
  const pos = start.slice(0, la);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[pos[a[i]]++] = i;

  const S = new Float64Array(lb * lb);
  for (let t = 0; t < lb; t++) S[t + t * lb] = cntB[t];
  const v = new Float64Array(lb);
  const touched = new Int32Array(lb);
  // CSR of the A x B count matrix N (row g: the B levels of unit g and their counts).
  const csrStart = new Int32Array(la + 1);
  const csrCol = new Int32Array(n);
  const csrCnt = new Float64Array(n);
  let nnz = 0;
  for (let g = 0; g < la; g++) {
    let m = 0;
    for (let p = start[g]; p < start[g + 1]; p++) {
      const t = b[order[p]];
      if (v[t] === 0) touched[m++] = t;
      v[t]++;
    }
    for (let x = 0; x < m; x++) {
      csrCol[nnz] = touched[x];
      csrCnt[nnz++] = v[touched[x]];
    }
    csrStart[g + 1] = nnz;
    const w = invA[g];
    for (let x = 0; x < m; x++) {
      const tx = touched[x];
      const vx = v[tx] * w;
      for (let y = 0; y < m; y++) {
        const ty = touched[y];
        S[tx + ty * lb] -= vx * v[ty];
      }
    }
    for (let x = 0; x < m; x++) v[touched[x]] = 0;
  }
  // Fix the first B level of each connected component.
  const comp = components ?? bipartiteComponents(a, la, b, lb);
  const fixed = new Uint8Array(lb);
  const seen = new Uint8Array(comp.count);
  for (let t = 0; t < lb; t++) {
    if (!seen[comp.ofB[t]]) {
      seen[comp.ofB[t]] = 1;
      fixed[t] = 1;
    }
  }
  const free: number[] = [];
  for (let t = 0; t < lb; t++) if (!fixed[t]) free.push(t);
  const m = free.length;
  const Sr = new Float64Array(m * m);
  for (let x = 0; x < m; x++) for (let y = 0; y < m; y++) Sr[x + y * m] = S[free[x] + free[y] * lb];
  const L = m > 0 ? cholesky(Sr, m, 0) : new Float64Array(0);

  const sumA = new Float64Array(la);
  const sumB = new Float64Array(lb);
  const rhs = new Float64Array(m);
  const coefB = new Float64Array(lb);
  return {
    demean(x: ArrayLike<number>, out: Float64Array): void {
      sumA.fill(0);
      for (let i = 0; i < n; i++) sumA[a[i]] += x[i];
      for (let g = 0; g < la; g++) sumA[g] *= invA[g];
      sumB.fill(0);
      for (let i = 0; i < n; i++) {
        const r = x[i] - sumA[a[i]];
        out[i] = r;
        sumB[b[i]] += r;
      }
      if (m === 0) return;
      for (let j = 0; j < m; j++) rhs[j] = sumB[free[j]];
      const sol = choleskySolve(L, m, rhs);
      coefB.fill(0);
      for (let j = 0; j < m; j++) coefB[free[j]] = sol[j];
      // Group means of B a over A, from N (nnz <= n entries, no pass over the data).
      for (let g = 0; g < la; g++) {
        let s = 0;
        for (let e = csrStart[g]; e < csrStart[g + 1]; e++) s += csrCnt[e] * coefB[csrCol[e]];
        sumA[g] = s * invA[g];
      }
      for (let i = 0; i < n; i++) out[i] -= coefB[b[i]] - sumA[a[i]];
    },
  };
}
