/**
 * spdFactorInverse (WebAssembly SIMD tiles and the JavaScript fallback) against the plain blocked Cholesky
 * and inverse of cholesky-blocked.ts on kernel matrices of sizes that hit every edge of the 2 x 4 tiles and
 * the 32-row blocks; jitter and the not-positive-definite error as choleskyWithJitter.
 */
import { choleskyInverse, choleskyWithJitter } from "../../../src/engine/linalg/cholesky-blocked";
import { setSimdDisabled } from "../../../src/engine/linalg/simd-tile";
import { spdFactorInverse } from "../../../src/engine/linalg/spd-inverse";

function kernelMatrix(n: number, noise: number): Float64Array {
  const X = Float64Array.from({ length: n * 3 }, (_, i) => Math.sin(i * 1.7));
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += (X[i * 3 + k] - X[j * 3 + k]) ** 2;
      A[i * n + j] = Math.exp(-s) + (i === j ? noise : 0);
    }
  }
  return A;
}

afterAll(() => setSimdDisabled(false));

describe.each([false, true])("JavaScript tile forced: %s", (js) => {
  test.each([1, 2, 3, 5, 31, 33, 67, 130])("n = %i: factor and inverse match the plain path", (n) => {
    setSimdDisabled(js);
    const A = kernelMatrix(n, 0.1);
    let inv = new Float64Array(0);
    const r = spdFactorInverse(A, n, { useInverse: (w) => (inv = Float64Array.from(w)) });
    expect(r.simd).toBe(js ? false : r.simd);
    const L0 = choleskyWithJitter(A, n).L;
    const I0 = choleskyInverse(L0, n);
    let dL = 0;
    let dI = 0;
    let mI = 0;
    for (let i = 0; i < n * n; i++) {
      dL = Math.max(dL, Math.abs(r.L[i] - L0[i]));
      dI = Math.max(dI, Math.abs(inv[i] - I0[i]));
      mI = Math.max(mI, Math.abs(I0[i]));
    }
    expect(r.jitter).toBe(0);
    expect(dL).toBeLessThan(1e-12);
    expect(dI / mI).toBeLessThan(1e-11);
  });
});

test("jitter when the plain factorisation fails; a clear error when even the largest fails", () => {
  setSimdDisabled(false);
  const n = 40;
  const A = kernelMatrix(n, 0);
  // Duplicate row/column 1 onto 0: singular.
  for (let j = 0; j < n; j++) {
    A[j] = A[n + j];
    A[j * n] = A[j * n + 1];
  }
  A[0] = A[n + 1];
  const r = spdFactorInverse(A, n);
  const r0 = choleskyWithJitter(A, n);
  expect(r.jitter).toBe(r0.jitter);
  const bad = Float64Array.from(A);
  bad[0] = -1;
  expect(() => spdFactorInverse(bad, n, { what: "The kernel matrix" })).toThrow(/The kernel matrix is not positive definite/);
});
