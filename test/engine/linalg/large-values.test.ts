/**
 * Issue 11: the factorisations on columns near 1e308 (squares overflow). TSQR gave -Infinity/NaN; it now
 * factors at a power-of-two scale: R of [s a, b] equals R of [a, b] with row/column 0 times s. The
 * Householder QR and its least squares already scale their norms: checked against the unit-scale problem.
 * The semi-normal path declines such data (the QR answers instead).
 */
import { householderQR, qrLeastSquares } from "../../../src/engine/linalg/qr";
import { seminormalLeastSquares } from "../../../src/engine/linalg/seminormal";
import { tsqrR } from "../../../src/engine/linalg/tsqr";
import { relErr } from "../../support/reference";

const n = 3000;
const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
const b = Float64Array.from({ length: n }, (_, i) => Math.cos(3 * i) + 0.1);
const y = Float64Array.from({ length: n }, (_, i) => 0.5 * a[i] + 0.25 * b[i] + 0.01 * Math.sin(7 * i));
const S = 2.5e306;

test("tsqrR on [1e306-scale column, unit column, 1e306-scale y] = R of the unit problem rescaled", () => {
  const R = tsqrR([a.map((v) => v * S), b, y.map((v) => v * S)], n);
  const U = tsqrR([a, b, y], n);
  const scale = [S, 1, S];
  let worst = 0;
  for (let j = 0; j < 3; j++) {
    for (let i = 0; i <= j; i++) {
      // R of A D is R D: entry (i, j) scales with column j only.
      expect(Number.isFinite(R[i + j * 3])).toBe(true);
      worst = Math.max(worst, relErr(R[i + j * 3], U[i + j * 3] * scale[j]));
    }
  }
  expect(worst).toBeLessThan(1e-13);
});

test("Householder least squares on 1e306-scale columns matches the unit problem; semi-normal declines", () => {
  const X = new Float64Array(2 * n);
  X.set(a.map((v) => v * S), 0);
  X.set(b.map((v) => v * S), n);
  const ys = y.map((v) => v * S);
  const big = qrLeastSquares(householderQR(X, n, 2), X, ys).coef;
  const U = new Float64Array(2 * n);
  U.set(a, 0);
  U.set(b, n);
  const unit = qrLeastSquares(householderQR(U, n, 2), U, y).coef;
  expect(Math.max(relErr(big[0], unit[0]), relErr(big[1], unit[1]))).toBeLessThan(1e-13);
  expect(seminormalLeastSquares(X, ys, n, 2, { tol: 1e-10, refNorms: [1, 1] })).toBeNull();
});
