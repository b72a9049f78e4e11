/** Identities of the pivoted QR and dense helpers (source: algebra; no reference numbers). */
import { applyQt, breadFromQR, householderQR, qrLeastSquares } from "../../../src/engine/linalg/qr";
import { cholesky, crossprod, matmul, symInverse, transpose } from "../../../src/engine/linalg/dense";
import { uniformStream } from "../../support/random";

const rng = uniformStream;

function randomMatrix(n: number, k: number, seed: number): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: n * k }, () => r() - 0.5);
}

describe("householderQR", () => {
  it("R'R equals X'X and the bread is its inverse", () => {
    const n = 40, k = 5;
    const X = randomMatrix(n, k, 1);
    const f = householderQR(X, n, k);
    expect(f.rank).toBe(5);
    const R = new Float64Array(k * k);
    for (let j = 0; j < k; j++) for (let i = 0; i <= j; i++) R[i + j * k] = f.qr[i + j * n];
    const RtR = matmul(transpose(R, k, k), k, k, R, k);
    const XtX = crossprod(X, n, k);
    for (let i = 0; i < k * k; i++) expect(Math.abs(RtR[i] - XtX[i])).toBeLessThan(1e-13);
    const B = breadFromQR(f);
    const I = matmul(B, k, k, XtX, k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expect(Math.abs(I[i + j * k] - (i === j ? 1 : 0))).toBeLessThan(1e-12);
    const inv = symInverse(XtX, k);
    for (let i = 0; i < k * k; i++) expect(Math.abs(inv[i] - B[i])).toBeLessThan(1e-11);
  });

  it("Q is orthogonal: Q'y keeps the norm", () => {
    const n = 30, k = 4;
    const X = randomMatrix(n, k, 2);
    const y = randomMatrix(n, 1, 3);
    const z = applyQt(householderQR(X, n, k), y);
    const ny = y.reduce((s, v) => s + v * v, 0);
    const nz = z.reduce((s, v) => s + v * v, 0);
    expect(Math.abs(ny - nz) / ny).toBeLessThan(1e-14);
  });

  it("drops the later column of a collinear set and keeps user order", () => {
    const n = 25;
    const base = randomMatrix(n, 3, 4);
    const X = new Float64Array(n * 4);
    X.set(base.subarray(0, n), 0); // a
    X.set(base.subarray(n, 2 * n), n); // b
    for (let i = 0; i < n; i++) X[2 * n + i] = 2 * base[i] - base[n + i]; // c = 2a - b
    X.set(base.subarray(2 * n, 3 * n), 3 * n); // d
    const f = householderQR(X, n, 4);
    expect(Array.from(f.kept)).toEqual([0, 1, 3]);
    expect(Array.from(f.dropped)).toEqual([2]);
  });

  it("least squares residuals are orthogonal to X", () => {
    const n = 50, k = 3;
    const X = randomMatrix(n, k, 5);
    const y = randomMatrix(n, 1, 6);
    const f = householderQR(X, n, k);
    const { resid } = qrLeastSquares(f, X, y, "compensated");
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += X[i + j * n] * resid[i];
      expect(Math.abs(s)).toBeLessThan(1e-14);
    }
  });

  it("cholesky reproduces a positive definite matrix", () => {
    const n = 20, k = 4;
    const A = crossprod(randomMatrix(n, k, 7), n, k);
    const L = cholesky(A, k);
    const LLt = matmul(L, k, k, transpose(L, k, k), k);
    for (let i = 0; i < k * k; i++) expect(Math.abs(LLt[i] - A[i])).toBeLessThan(1e-13);
  });
});

describe("tsqrR (tall-skinny QR)", () => {
  it("R'R equals A'A and leastSquaresFromR matches the full QR solution", () => {
    const { tsqrR, leastSquaresFromR } = require("../../../src/engine/linalg/tsqr");
    const n = 1000, k = 4;
    const X = randomMatrix(n, k, 8);
    const y = randomMatrix(n, 1, 9);
    const cols = [0, 1, 2, 3].map((j) => X.subarray(j * n, (j + 1) * n));
    const R: Float64Array = tsqrR([...cols, y], n, 64);
    const m = k + 1;
    const RtR = matmul(transpose(R, m, m), m, m, R, m);
    const A = new Float64Array(n * m);
    A.set(X);
    A.set(y, n * k);
    const AtA = crossprod(A, n, m);
    for (let i = 0; i < m * m; i++) expect(Math.abs(RtR[i] - AtA[i])).toBeLessThan(1e-11 * Math.abs(AtA[0]));
    const small = leastSquaresFromR(R, m, [1, 1, 1, 1], 1e-10);
    const full = qrLeastSquares(householderQR(X, n, k), X, y, "none");
    for (let j = 0; j < k; j++) expect(Math.abs(small.coef[j] - full.coef[j])).toBeLessThan(1e-13);
    const ssr = full.resid.reduce((s, v) => s + v * v, 0);
    expect(Math.abs(small.ssr - ssr) / ssr).toBeLessThan(1e-12);
  });
});
