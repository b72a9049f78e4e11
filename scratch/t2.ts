import { generalEigenvalues, symmetricEigenvalues } from "../src/engine/spatial/eigen";
const n = 284;
const A = new Float64Array(n * n);
for (let i = 0; i < n; i++) for (let k = 0; k < 5; k++) A[i * n + ((i * 7 + k * 13 + 1) % n)] = 0.2;
for (let r = 0; r < 3; r++) { let t = Date.now(); generalEigenvalues(A, n); console.log("gen", Date.now() - t); }
const S = new Float64Array(n * n);
for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) S[i * n + j] = 1 / (1 + Math.abs(i - j));
for (let r = 0; r < 3; r++) { let t = Date.now(); symmetricEigenvalues(S, n); console.log("sym", Date.now() - t); }
