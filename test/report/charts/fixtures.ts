/**
 * Inputs for the chart tests: real results on the shipped panel (data/nqp_panel.csv, NQP built with
 * the demo spec's entropy step) and small deterministic plain arrays for the kinds whose engines are
 * built elsewhere (spatial, SHAP, GeoShapley).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { Frame, frameFromCells, keyColumn, numericColumn } from "../../../src/engine/frame";
import { entropyIndex } from "../../../src/engine/indices/entropy";
import { heterogeneity } from "../../../src/engine/models/heterogeneity";
import { fitLinear } from "../../../src/engine/models/linear";
import { applyDerive } from "../../../src/report/run-spec";

const ROOT = join(__dirname, "..", "..", "..");

function parseCsv(text: string): (string | number | null)[][] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line, r) => line.split(",").map((v) => (r === 0 ? v : v === "" ? null : Number.isNaN(Number(v)) ? v : Number(v))));
}

let cached: Frame | null = null;
/** The shipped panel with NQP (entropy index of the demo spec). */
export function panel(): Frame {
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(join(ROOT, "data", "demo-spec.json"), "utf8"));
  cached = applyDerive(frameFromCells(parseCsv(readFileSync(join(ROOT, "data", "nqp_panel.csv"), "utf8"))), spec.derive.slice(0, 1));
  return cached;
}

export const CONTROLS = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];
export const baseSpec = (x: string[]) => ({ y: "UR", x, fe: ["city_id", "year"], cluster: ["city_id"] });

export function stepwise() {
  const f = panel();
  return [0, 2, 5].map((k) => fitLinear(f, baseSpec(["NQP", ...CONTROLS.slice(0, k)])));
}

export function huLine() {
  return heterogeneity(panel(), baseSpec(["NQP", ...CONTROLS]), { column: "hu_east" });
}

export function entropyOfPanel() {
  const names = ["gdp_pc", "avg_wage", "rd_fte", "ai_patents", "energy_intensity", "internet_per100"];
  const f = panel();
  return entropyIndex(names.map((n) => numericColumn(f, n)), names, { method: "minmax", directions: names.map((n) => (n === "energy_intensity" ? -1 : 1)) });
}

export function trendInput() {
  const f = panel();
  return { time: numericColumn(f, "year"), value: numericColumn(f, "NQP"), group: keyColumn(f, "hu_east") };
}

/** Cities of one year: lon, lat, NQP, names. */
export function cities(year = 2020) {
  const f = panel();
  const yr = numericColumn(f, "year");
  const rows = Array.from({ length: f.nrow }, (_, i) => i).filter((i) => yr[i] === year);
  const pick = (c: string) => Float64Array.from(rows, (i) => numericColumn(f, c)[i]);
  const names = keyColumn(f, "city_name");
  return { lon: pick("lon"), lat: pick("lat"), nqp: pick("NQP"), names: rows.map((i) => names[i]!) };
}

/** Deterministic pseudo-random numbers in [0, 1) (LCG). */
export function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export function moranInput(n = 60) {
  const r = lcg(7);
  const z = Array.from({ length: n }, () => (r() + r() + r() - 1.5) * 2);
  const wz = z.map((v) => 0.45 * v + (r() - 0.5));
  return { z, wz };
}

export function shapInput(n = 80) {
  const r = lcg(11);
  const names = ["NQP", "GDP", "FTE", "OPEN"];
  const values = names.map(() => Array.from({ length: n }, () => r()));
  const scale = [1.2, 0.6, 0.3, 0.1];
  const shap = values.map((v, j) => v.map((x) => scale[j] * (x - 0.5) + 0.05 * (r() - 0.5)));
  return { names, values, shap };
}

export const SQUARE = { type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Polygon", coordinates: [[[100, 25], [125, 25], [125, 45], [100, 45], [100, 25]]] } }] };
