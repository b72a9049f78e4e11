/**
 * Fast coefficient-only refits for resampling loops (bootstrap, permutation): the engine's FE
 * absorption (engine/fe) and QR (engine/linalg) applied to a subsample of an estimation sample,
 * without the sample selection, variance and result record of `fitLinear`.
 *
 * Shapes: a RefitData holds p numeric columns and the FE codes on the n positions of the
 * estimation sample; a subsample is a list of m positions (repeats allowed: a bootstrap draw).
 * Absorbed columns are m-vectors. Without FE an intercept column is added to every regression.
 */
import { encodeKeys, Frame, keyColumn, numericColumn } from "../frame";
import { buildFixedEffects, FeDimensionInput } from "../fe";
import { householderQR, qrLeastSquares } from "../linalg";

export interface RefitData {
  readonly n: number;
  readonly names: readonly string[];
  /** p columns of length n. */
  readonly cols: readonly Float64Array[];
  readonly feNames: readonly string[];
  /** FE codes (0..L-1) per sample position. */
  readonly feCodes: readonly Int32Array[];
}

/** Columns and FE codes of the frame on the estimation-sample rows (ascending data rows). */
export function refitData(frame: Frame, rows: Int32Array, names: readonly string[], fe: readonly string[]): RefitData {
  const cols = names.map((v) => {
    const c = numericColumn(frame, v);
    return Float64Array.from(rows, (i) => c[i]);
  });
  const feCodes = fe.map((name) => {
    const k = keyColumn(frame, name);
    return encodeKeys(Array.from(rows, (i) => k[i])).codes;
  });
  return { n: rows.length, names, cols, feNames: fe, feCodes };
}

export interface Absorbed {
  readonly m: number;
  /** Column j (index into RefitData.names) residualised on the FE of the subsample. */
  col(j: number): Float64Array;
  /** True when no FE were absorbed (regressions then add an intercept). */
  readonly withConst: boolean;
}

/**
 * Absorbs the FE on the subsample. `feCodes(j)` may override the codes of FE dimension j per
 * subsample position (e.g. the drawn copy of a cluster); default: the original codes.
 */
export function absorbSubsample(data: RefitData, positions: Int32Array, feCodes?: (j: number) => Int32Array | null): Absorbed {
  const m = positions.length;
  const dims: FeDimensionInput[] = data.feNames.map((name, j) => ({
    name,
    codes: feCodes?.(j) ?? Int32Array.from(positions, (p) => data.feCodes[j][p]),
  }));
  const fe = buildFixedEffects(dims);
  const p = data.cols.length;
  const X = new Float64Array(m * p);
  for (let j = 0; j < p; j++) {
    const src = data.cols[j];
    const o = j * m;
    for (let q = 0; q < m; q++) X[o + q] = src[positions[q]];
  }
  const Xd = fe.demeanColumns(X, p);
  return { m, col: (j) => Xd.subarray(j * m, (j + 1) * m), withConst: data.feNames.length === 0 };
}

/**
 * OLS of column y on columns xs of an absorbed subsample; coefficients in the order of xs, or
 * null when one of the first `needed` regressors is collinear (dropped by the QR).
 */
export function refitCoefs(abs: Absorbed, y: number, xs: readonly number[], needed = xs.length): Float64Array | null {
  const { m } = abs;
  const k = xs.length + (abs.withConst ? 1 : 0);
  const X = new Float64Array(m * k);
  xs.forEach((j, c) => X.set(abs.col(j), c * m));
  if (abs.withConst) X.fill(1, xs.length * m);
  const f = householderQR(X, m, k);
  for (let c = 0; c < needed; c++) if (f.kept[c] !== c) return null;
  const coef = qrLeastSquares(f, X, abs.col(y), "none").coef;
  const out = new Float64Array(xs.length).fill(NaN);
  f.kept.forEach((c, q) => {
    if (c < xs.length) out[c] = coef[q];
  });
  return out;
}
