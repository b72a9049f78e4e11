/**
 * Absorbing three or more FE to a conjugate-gradient tolerance (an alternative to alternating
 * projections that converges in far fewer steps on weakly connected designs).
 *
 * The dimension with most levels (A) is absorbed by group means; the coefficients v of the others,
 * D = [D_2 ... D_m], solve S v = D' M_A x with S = D' M_A D, by Jacobi-preconditioned CG on all columns
 * at once; then r = M_A x - M_A D v. S v is formed from the rows (u = D v; S v = D'(u - mean_A u)), so
 * the cost per step is a few passes over n x k values. S is singular where the FE overlap (one null
 * direction per redundancy); CG started at 0 stays in its range, and M_A D v does not depend on the
 * null-space part anyway. Levels that A absorbs entirely (diagonal of S = 0) are left out.
 *
 * Shapes: work vectors are row-major (level x column), so a level's k values sit together.
 */
import { blockPcg } from "./block-pcg";
import { countMatrix } from "./direct2";

export interface CgDimension {
  readonly codes: Int32Array;
  readonly levels: number;
}

export interface CgAbsorber {
  demeanInto(cols: readonly ArrayLike<number>[], outs: readonly Float64Array[]): void;
}

/** Steps without a new smallest residual after which a column stops. */
const STALL = 50;
/** Relative residual a stalled column must have reached to be accepted. */
const ACCEPT = 1e-10;

export function buildCgAbsorber(big: CgDimension, rest: readonly CgDimension[], tol: number, maxIter: number): CgAbsorber {
  const a = big.codes;
  const la = big.levels;
  const n = a.length;
  const off: number[] = [];
  let L = 0;
  for (const d of rest) {
    off.push(L);
    L += d.levels;
  }
  const invA = new Float64Array(la);
  for (let i = 0; i < n; i++) invA[a[i]]++;
  for (let g = 0; g < la; g++) invA[g] = 1 / invA[g];
  // Jacobi preconditioner: diag(S)_l = n_l - sum_g N_gl^2 / n_g.
  const diag = new Float64Array(L);
  rest.forEach((d, j) => {
    const N = countMatrix(a, la, d.codes, d.levels);
    for (let t = 0; t < d.levels; t++) diag[off[j] + t] = N.cntB[t];
    for (let g = 0; g < la; g++) {
      for (let e = N.start[g]; e < N.start[g + 1]; e++) diag[off[j] + N.col[e]] -= N.cnt[e] * N.cnt[e] * N.invA[g];
    }
  });
  const live = new Uint8Array(L);
  rest.forEach((d, j) => {
    const cnt = new Float64Array(d.levels);
    for (let i = 0; i < n; i++) cnt[d.codes[i]]++;
    for (let t = 0; t < d.levels; t++) live[off[j] + t] = diag[off[j] + t] > 1e-10 * cnt[t] ? 1 : 0;
  });
  const levelIndex = rest.map((d, j) => Int32Array.from(d.codes, (c) => off[j] + c));

  /** U = D V (n x k row-major) and then in place U - mean_A(U). */
  const withinDV = (V: Float64Array, k: number, U: Float64Array, SA: Float64Array): void => {
    U.fill(0);
    for (const idx of levelIndex) {
      for (let i = 0; i < n; i++) {
        const o = idx[i] * k;
        const ou = i * k;
        for (let c = 0; c < k; c++) U[ou + c] += V[o + c];
      }
    }
    SA.fill(0);
    for (let i = 0; i < n; i++) {
      const og = a[i] * k;
      const ou = i * k;
      for (let c = 0; c < k; c++) SA[og + c] += U[ou + c];
    }
    for (let g = 0; g < la; g++) for (let c = 0; c < k; c++) SA[g * k + c] *= invA[g];
    for (let i = 0; i < n; i++) {
      const og = a[i] * k;
      const ou = i * k;
      for (let c = 0; c < k; c++) U[ou + c] -= SA[og + c];
    }
  };
  /** Q = D' W for W n x k row-major. */
  const sumsByLevel = (W: Float64Array, k: number, Q: Float64Array): void => {
    Q.fill(0);
    for (const idx of levelIndex) {
      for (let i = 0; i < n; i++) {
        const o = idx[i] * k;
        const ow = i * k;
        for (let c = 0; c < k; c++) Q[o + c] += W[ow + c];
      }
    }
    for (let l = 0; l < L; l++) if (!live[l]) for (let c = 0; c < k; c++) Q[l * k + c] = 0;
  };

  return {
    demeanInto(cols, outs) {
      const k = cols.length;
      const U = new Float64Array(n * k);
      const SA = new Float64Array(la * k);
      // out = M_A x (column-major outputs) and the same values row-major in U for the right-hand side.
      cols.forEach((x, c) => {
        const out = outs[c];
        const s = new Float64Array(la);
        for (let i = 0; i < n; i++) s[a[i]] += x[i];
        for (let g = 0; g < la; g++) s[g] *= invA[g];
        for (let i = 0; i < n; i++) {
          const r = x[i] - s[a[i]];
          out[i] = r;
          U[i * k + c] = r;
        }
      });
      const R = new Float64Array(L * k);
      sumsByLevel(U, k, R);
      const matvec = (P: Float64Array, Q: Float64Array, kk: number) => {
        withinDV(P, kk, U, SA);
        sumsByLevel(U, kk, Q);
      };
      const XBest = blockPcg({ size: L, diag, live, matvec }, R, k, { tol, maxIter, stall: STALL, accept: ACCEPT });
      withinDV(XBest, k, U, SA);
      outs.forEach((out, c) => {
        for (let i = 0; i < n; i++) out[i] -= U[i * k + c];
      });
    },
  };
}
