// Hashes of trained models (trees + predictions) and SHAP on several configs, to check a rewrite is bit-for-bit.
import { createHash } from "crypto";
import { lcgData } from "../../bench/cases/boosting";
import { boostData, shapValues, shapInteractions, trainBooster } from "../../src/engine/trees";
function h(a: ArrayBufferView[]): string {
  const c = createHash("sha1");
  for (const x of a) c.update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  return c.digest("hex").slice(0, 12);
}
function data(n: number, m: number, missing: number) {
  const { x, y } = lcgData(n, m, 77);
  let s = 5;
  for (const col of x) for (let i = 0; i < n; i++) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; if (s / 4294967296 < missing) col[i] = NaN; }
  // a few ties / coarse features
  for (let i = 0; i < n; i++) x[1][i] = Math.round(x[1][i] * 20) / 20;
  return boostData({ name: "y", values: y }, x.map((values, j) => ({ name: `x${j}`, values })));
}
const only = process.argv[2];
const configs: [string, number, number, number, object][] = [
  ["exact_paper", 3124, 8, 0, { method: "exact", trees: 200, maxDepth: 4, eta: 0.05, subsample: 0.8, colsample: 0.8, seed: 1 }],
  ["exact_missing_gamma", 1500, 6, 0.1, { method: "exact", trees: 60, maxDepth: 5, eta: 0.3, subsample: 0.7, colsample: 0.8, seed: 3, gamma: 0.5, lambda: 2, minChildWeight: 3 }],
  ["hist_paper", 20000, 10, 0, { method: "hist", trees: 100, maxDepth: 4, eta: 0.05, subsample: 0.8, colsample: 0.8, seed: 1 }],
  ["hist_missing", 8000, 6, 0.1, { method: "hist", trees: 60, maxDepth: 6, eta: 0.3, subsample: 0.7, colsample: 0.7, seed: 4, maxBin: 64, gamma: 0.2, minChildWeight: 2 }],
  ["hist_u16", 5000, 4, 0.05, { method: "hist", trees: 30, maxDepth: 3, eta: 0.3, subsample: 1, colsample: 1, seed: 4, maxBin: 1000 }],
];
for (const [name, n, m, miss, spec] of configs) {
  if (only && !name.includes(only)) continue;
  const d = data(n, m, miss);
  const r = trainBooster(d, spec);
  const trees = r.model.trees.flatMap((t) => [t.left, t.right, t.feature, t.value, t.defaultLeft, t.baseWeight, t.gain, t.cover, t.deleted]);
  const rows = Int32Array.from({ length: 200 }, (_, i) => i);
  const phi = shapValues(r.model, d, { rows });
  const inter = shapInteractions(r.model, d, { rows: rows.subarray(0, 50) });
  console.log(name, "trees", h(trees), "pred", h([r.predictions]), "shap", h([phi]), "inter", h([inter]), "rmse", r.trainRmse[r.trainRmse.length - 1]);
}
