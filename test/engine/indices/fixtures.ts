/**
 * Shared loaders for the index tests: nqp_cities.csv as a Frame, the reference case specs,
 * and the per-row reference CSVs keyed by (city_id, year). All from test/reference.
 */
import { join } from "path";
import { Frame, frameFromCells } from "../../../src/engine/frame";
import { REFERENCE, readCase, readCsvRows } from "../../support/reference";

let cities: Frame | null = null;

export function citiesFrame(): Frame {
  if (!cities) cities = frameFromCells(readCsvRows(join(REFERENCE, "data", "nqp_cities.csv")));
  return cities;
}

/** Indicators and negative ones, as listed in case nqp_entropy's spec. */
export function entropySpec(): { indicators: string[]; negative: string[] } {
  const c = readCase("nqp_entropy");
  return { indicators: c.spec.indicators, negative: c.spec.negative_attribute };
}

/** A reference per-row CSV column as numbers (empty = NaN), in file order, with its keys. */
export function referenceColumn(file: string, column: string): { keys: string[]; values: Float64Array } {
  const rows = readCsvRows(join(REFERENCE, "expected", file));
  const j = rows[0].indexOf(column);
  if (j < 0) throw new Error(`${file} has no column ${column}`);
  const body = rows.slice(1);
  return {
    keys: body.map((r) => `${r[0]}|${r[1]}`),
    values: Float64Array.from(body, (r) => (r[j] === "" ? NaN : Number(r[j]))),
  };
}

/** Max relative error over two arrays; NaN positions must match (returns Infinity otherwise). */
export function maxRelErr(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const b = expected[i];
    if (Number.isNaN(b) || Number.isNaN(a)) {
      if (!(Number.isNaN(a) && Number.isNaN(b))) return Infinity;
      continue;
    }
    if (a === b) continue;
    worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));
  }
  return worst;
}
