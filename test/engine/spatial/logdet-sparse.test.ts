/**
 * The sparse-LU log-determinant (logdet-sparse.ts) against the eigenvalue route (logdet.ts, Ord 1975) on
 * 300 seeded random units: kNN:5 (asymmetric W) and inverse distance with a cutoff (symmetric C).
 */
import { Rng } from "../../../src/engine/resample/rng";
import { logDetFromSpectrum } from "../../../src/engine/spatial/logdet";
import { sparseLogDet } from "../../../src/engine/spatial/logdet-sparse";
import { normaliseWeights } from "../../../src/engine/spatial/normalise";
import { csrMatvec } from "../../../src/engine/spatial/sparse";
import { spectrumOfWeights } from "../../../src/engine/spatial/spectrum";
import { idwWeights, knnWeights } from "../../../src/engine/spatial/weights";

const n = 300;
const rng = new Rng(7);
const ids = Array.from({ length: n }, (_, i) => `u${String(i).padStart(4, "0")}`);
const lat = Float64Array.from({ length: n }, () => 25 + 10 * rng.uniform());
const lon = Float64Array.from({ length: n }, () => 105 + 12 * rng.uniform());
const close = (got: number, ref: number, tol: number) => expect(Math.abs(got - ref)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(ref)));

describe.each([
  ["knn:5", () => knnWeights({ ids, lat, lon }, 5)],
  ["idw:1,150", () => idwWeights({ ids, lat, lon }, 1, 150)],
])("sparse logdet, %s", (_, make) => {
  const sw = normaliseWeights(make(), "row");
  const ev = logDetFromSpectrum(spectrumOfWeights(sw));
  const sp = sparseLogDet(sw.w, sw.symmetricBase);

  test("ln|I - rho W| and every trace match the eigenvalues to 1e-12", () => {
    for (const r of [-0.7, -0.2, 0, 0.3, 0.6, 0.95]) {
      const a = ev.traces(r), b = sp.traces(r);
      close(b.ldet, a.ldet, 1e-12);
      close(b.trG, a.trG, 1e-12);
      close(b.trGG, a.trGG, 1e-12);
      close(b.mI, a.mI, 1e-12);
      close(b.dmI, a.dmI, 1e-12);
      close(sp.dldet(r), ev.dldet(r), 1e-12);
    }
  });

  test("interval: upper 1; lower 1/lambda_min when W is similar to symmetric, else -1", () => {
    expect(sp.upper).toBe(1);
    if (sw.symmetricBase) close(sp.lower, ev.lower, 1e-10);
    else expect(sp.lower).toBe(-1);
  });

  test("solves with A and A' return A x = b", () => {
    const rho = 0.4;
    const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const s = sp.solver!(rho);
    const x = s.solve(b);
    const Wx = csrMatvec(sw.w, x);
    for (let i = 0; i < n; i++) close(x[i] - rho * Wx[i], b[i], 1e-12);
    const y = s.solveTransposed(b);
    // (A'y)_j = y_j - rho sum_i w_ij y_i
    const Wty = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let p = sw.w.rowPtr[i]; p < sw.w.rowPtr[i + 1]; p++) Wty[sw.w.col[p]] += sw.w.val[p] * y[i];
    for (let j = 0; j < n; j++) close(y[j] - rho * Wty[j], b[j], 1e-12);
  });
});
