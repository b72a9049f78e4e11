/**
 * The design of the gp reference set (test/reference/gp/expected/city2022_input.csv): training rows
 * (role train, file order), holdout rows, the background rows, the fixed hyperparameters of the
 * gp_ard and ggpr_jt cases.
 */
import { join } from "path";
import { GpData } from "../../../src/engine/gp/model";
import { readFileSync } from "fs";
import { readCsvRows, REFERENCE } from "../../support/reference";

export const GP_DIR = join(REFERENCE, "gp");
export const FEATURES = ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"];

export interface City2022 {
  readonly train: GpData;
  readonly holdout: GpData;
  readonly trainIds: string[];
  readonly holdoutIds: string[];
  /** Indices (into train) of the background rows. */
  readonly background: number[];
}

let cache: City2022 | null = null;

export function city2022(): City2022 {
  if (cache) return cache;
  const rows = readCsvRows(join(GP_DIR, "expected", "city2022_input.csv"));
  const h = rows[0];
  const col = (name: string) => h.indexOf(name);
  const cols = [...FEATURES, "lat", "lon"].map(col);
  const build = (rs: string[][]): GpData => ({
    features: FEATURES,
    n: rs.length,
    y: Float64Array.from(rs, (r) => Number(r[col("y")])),
    X: Float64Array.from(rs.flatMap((r) => cols.map((c) => Number(r[c])))),
  });
  const tr = rows.slice(1).filter((r) => r[col("role")] === "train");
  const ho = rows.slice(1).filter((r) => r[col("role")] === "holdout");
  const background: number[] = [];
  tr.forEach((r, i) => {
    if (r[col("background")] === "1") background.push(i);
  });
  cache = { train: build(tr), holdout: build(ho), trainIds: tr.map((r) => r[0]), holdoutIds: ho.map((r) => r[0]), background };
  return cache;
}

/** The gp_ard fixed hyperparameters (city2022_gp_fixed results.hyperparameters). */
export function gpArdFixed(): Record<string, number> {
  return readGp("city2022_gp_fixed").results.hyperparameters;
}

/** The ggpr_jt fixed hyperparameters flattened to the CLI names (P_<feature>, length_scale, w, alpha). */
export function ggprFixed(): Record<string, number> {
  const h = readGp("city2022_ggpr_jt_fixed").results.hyperparameters;
  const out: Record<string, number> = {};
  for (const f of FEATURES) out[`P_${f}`] = h.P[f];
  out.length_scale = h.length_scale;
  out.w = h.w;
  out.alpha = h.alpha;
  return out;
}

export function readGp(name: string): any {
  return JSON.parse(readFileSync(join(GP_DIR, "expected", `${name}.json`), "utf8"));
}

/** Columns of city2022_points.csv / city2022_geoshapley_rows.csv as {header -> column index} plus rows. */
export function readGpCsv(name: string): { header: string[]; rows: string[][] } {
  const rows = readCsvRows(join(GP_DIR, "expected", name));
  return { header: rows[0], rows: rows.slice(1) };
}
