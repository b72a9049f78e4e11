/**
 * The corrected semi-normal path (src/engine/linalg/seminormal.ts) against the QR path:
 * - on the bench design (bench/cases/fe2way.ts, 1e5 rows x 10 regressors, id + year FE) and on the
 *   reference FE cases (test/reference/expected; their within-transformed data), coefficients,
 *   bread and residuals agree with the QR solution to 1e-12 relative;
 * - ill-conditioned or rank-deficient inputs are refused (null), so the QR decides: the NIST StRD
 *   files that are hard (test/reference/nist), exact and near collinearity, and a column
 *   almost absorbed by the FE; fits of large designs with a dropped column take the QR path and drop
 *   the same column as before. (Pontius and centred Longley are well conditioned once the columns are
 *   scaled: accepted, and held to the certified values.)
 */
import { join } from "path";
import { makeData } from "../../../bench/cases/fe2way";
import { frameFromCells, Frame } from "../../../src/engine/frame";
import { seminormalLeastSquares } from "../../../src/engine/linalg/seminormal";
import { householderQR, qrLeastSquares, breadFromQR, columnNorms } from "../../../src/engine/linalg/qr";
import { fitLinearFit } from "../../../src/engine/models/linear";
import { fitLinearData } from "../../../src/engine/models/linear-core";
import { prepareDesign } from "../../../src/engine/models/linear-design";
import { solveLeastSquares } from "../../../src/engine/models/linear-solve";
import { nistFiles, parseNist } from "../../support/nist";
import { nqpCitiesWithIndices, readCase, readCsvRows, REFERENCE, relErr } from "../../support/reference";

const AGREE = 1e-12;
const TOL = 1e-10;

function maxRel(a: ArrayLike<number>, b: ArrayLike<number>, scale?: number): number {
  let e = 0;
  for (let i = 0; i < a.length; i++) {
    const d = scale === undefined ? relErr(a[i], b[i]) : Math.abs(a[i] - b[i]) / scale;
    e = Math.max(e, d);
  }
  return e;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** Exact-path solution (Householder QR with double-double refinement) of the same problem. */
function exactSolve(X: Float64Array, y: Float64Array, n: number, k: number) {
  const f = householderQR(X, n, k, { tol: TOL });
  const ls = qrLeastSquares(f, X, y, "augmented");
  return { coef: ls.coef, resid: ls.resid, bread: breadFromQR(f), rank: f.rank };
}

describe("semi-normal path on the bench design (bench/cases/fe2way.ts, 1e5 rows)", () => {
  const data = makeData(100_000);
  const design = prepareDesign(data);
  const n = design.n;
  const k = data.x.length;
  const W = new Float64Array(n * (k + 1));
  design.fe.demeanInto([data.y.values, ...data.x.map((v) => v.values)], W);
  const y = W.subarray(0, n);
  const X = W.subarray(n);
  const refNorms = Float64Array.from(data.x, (v) => columnNorms(v.values as Float64Array, n, 1)[0]);

  it("is the path solveLeastSquares takes, and agrees with the TSQR path to 1e-12", () => {
    const sn = solveLeastSquares(X, y, n, k, { tol: TOL, refNorms });
    const qr = solveLeastSquares(X, y, n, k, { tol: TOL, refNorms, seminormal: false });
    expect(sn.method).toBe("seminormal");
    expect(qr.method).toBe("qr");
    expect(Array.from(sn.kept)).toEqual(Array.from(qr.kept));
    expect(maxRel(sn.coef, qr.coef)).toBeLessThan(AGREE);
    expect(maxRel(sn.bread, qr.bread, maxAbs(qr.bread))).toBeLessThan(AGREE);
    expect(maxRel(sn.resid, qr.resid, maxAbs(qr.resid))).toBeLessThan(AGREE);
  });

  it("fitLinearData gives the same fit (coef, SE, SSR) through either path", () => {
    const a = fitLinearData(data, { vcov: "cluster" }).result;
    expect(a.n * k).toBeGreaterThan(2e5); // the large-data branch
    const qr = solveLeastSquares(X, y, n, k, { tol: TOL, refNorms, seminormal: false });
    expect(maxRel(a.coef.subarray(0, k), qr.coef)).toBeLessThan(AGREE);
  });
});

let nqp: Frame | null = null;
let grunfeld: Frame | null = null;
function frameFor(c: any): Frame {
  if (c.dataset === "data/grunfeld.csv") return (grunfeld ??= frameFromCells(readCsvRows(join(REFERENCE, "data", "grunfeld.csv"))));
  return (nqp ??= frameFromCells(nqpCitiesWithIndices()));
}

describe.each(["grunfeld_fe_entity", "grunfeld_fe_twoway", "nqp_table3_col1", "nqp_table3_col6", "nqp_mechanism_DI"])(
  "semi-normal path on the within-transformed data of reference case %s",
  (name) => {
    it("agrees with the exact QR path to 1e-12 (coef, bread, residuals)", () => {
      const c = readCase(name);
      const fit = fitLinearFit(frameFor(c), {
        y: c.spec.dependent, x: c.spec.regressors, fe: c.spec.fixed_effects ?? [], keepSingletons: true, vcov: "iid",
      });
      const n = fit.design.n;
      const p = fit.kept.length;
      const ex = exactSolve(fit.Xw, fit.yw, n, p);
      const sn = seminormalLeastSquares(fit.Xw, fit.yw, n, p, { tol: TOL, refNorms: new Float64Array(p).fill(0) });
      expect(sn).not.toBeNull();
      expect(maxRel(sn!.coef, ex.coef)).toBeLessThan(AGREE);
      expect(maxRel(sn!.bread, ex.bread, maxAbs(ex.bread))).toBeLessThan(AGREE);
      expect(maxRel(sn!.resid, ex.resid, maxAbs(ex.resid))).toBeLessThan(AGREE);
    });
  },
);

describe("ill-conditioned and rank-deficient inputs take the QR path", () => {
  /** Centred columns, as the solver sees them (the constant absorbed). */
  function centred(cols: number[][]): Float64Array {
    const n = cols[0].length;
    const X = new Float64Array(n * cols.length);
    cols.forEach((c, j) => {
      const m = c.reduce((a, b) => a + b, 0) / n;
      c.forEach((v, i) => (X[i + j * n] = v - m));
    });
    return X;
  }

  /** The design as the large-data solver would see it: centred slopes (constant absorbed), or raw without intercept. */
  function nistDesign(file: string) {
    const c = parseNist(file);
    const n = c.y.length;
    const slopes = c.params.filter((p) => p.name !== "B0");
    const cols = c.polynomial ? slopes.map((_, j) => c.x[0].map((v) => v ** (j + 1))) : c.x;
    return { c, n, cols, slopes, y: Float64Array.from(c.y) };
  }

  it.each(["Longley", "Filip", "Wampler3", "Wampler4", "Wampler5"])("NIST %s with a column of ones (raw) is refused", (file) => {
    const { n, cols, y } = nistDesign(`${file}.dat`);
    const k = cols.length + 1;
    const raw = new Float64Array(n * k);
    raw.fill(1, 0, n);
    cols.forEach((col, j) => raw.set(col, (j + 1) * n));
    expect(seminormalLeastSquares(raw, y, n, k, { tol: TOL, refNorms: new Float64Array(k) })).toBeNull();
  });

  it.each(["Filip", "Wampler3", "Wampler4", "Wampler5"])("NIST %s centred is refused", (file) => {
    const { n, cols, y } = nistDesign(`${file}.dat`);
    expect(seminormalLeastSquares(centred(cols), y, n, cols.length, { tol: TOL, refNorms: new Float64Array(cols.length) })).toBeNull();
  });

  it("every NIST file the path accepts (centred, or raw without intercept) meets the certified slopes to 9 digits", () => {
    let accepted = 0;
    for (const file of nistFiles()) {
      const { c, n, cols, slopes, y } = nistDesign(file);
      const k = cols.length;
      const X = c.intercept ? centred(cols) : new Float64Array(n * k);
      if (!c.intercept) cols.forEach((col, j) => X.set(col, j * n));
      const sn = seminormalLeastSquares(X, y, n, k, { tol: TOL, refNorms: new Float64Array(k) });
      if (!sn) continue;
      accepted++;
      slopes.forEach((p, j) => expect(relErr(sn.coef[j], p.estimate)).toBeLessThan(1e-9));
    }
    expect(accepted).toBeGreaterThan(0);
  });

  function synthetic(n: number, k: number, seed: number): Float64Array {
    let s = seed >>> 0;
    const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296 - 0.5);
    return Float64Array.from({ length: n * k }, rand);
  }

  it("exact and near collinearity are refused", () => {
    const n = 50_000, k = 5;
    const X = synthetic(n, k, 3);
    const y = synthetic(n, 1, 4);
    const ref = new Float64Array(k).fill(1);
    for (let i = 0; i < n; i++) X[i + 4 * n] = X[i] + X[i + n];
    expect(seminormalLeastSquares(X, y, n, k, { tol: TOL, refNorms: ref })).toBeNull();
    const noise = synthetic(n, 1, 5);
    for (let i = 0; i < n; i++) X[i + 4 * n] = X[i] + X[i + n] + 1e-5 * noise[i];
    expect(seminormalLeastSquares(X, y, n, k, { tol: TOL, refNorms: ref })).toBeNull();
    // Well separated again: accepted.
    for (let i = 0; i < n; i++) X[i + 4 * n] = X[i] + X[i + n] + noise[i];
    expect(seminormalLeastSquares(X, y, n, k, { tol: TOL, refNorms: ref })).not.toBeNull();
  });

  it("a column almost absorbed (remaining norm near tol x its raw norm) is refused", () => {
    const n = 50_000, k = 3;
    const X = synthetic(n, k, 6);
    const y = synthetic(n, 1, 7);
    const ref = new Float64Array(k).fill(1);
    ref[2] = 1e6 * columnNorms(X.subarray(2 * n), n, 1)[0]; // remaining/raw ~1e-6: far above tol
    expect(seminormalLeastSquares(X, y, n, k, { tol: TOL, refNorms: ref })).not.toBeNull();
    ref[2] *= 100; // remaining/raw ~1e-8: within the margin (1e3 x tol) of the rank decision
    expect(seminormalLeastSquares(X, y, n, k, { tol: TOL, refNorms: ref })).toBeNull();
  });

  it("a large fit with a collinear regressor takes the QR path and drops the later column as before", () => {
    const data = makeData(100_000);
    const x = [...data.x, { name: "dup", values: Float64Array.from(data.x[0].values as Float64Array, (v, i) => v + (data.x[1].values as Float64Array)[i]) }];
    const fit = fitLinearData({ ...data, x }, { vcov: "cluster" });
    expect(fit.result.omitted).toEqual(["dup"]);
    expect(fit.result.omittedReason?.dup).toBe("collinear with earlier regressors");
  });
});
