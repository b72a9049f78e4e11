/**
 * Shared helpers for the spatial tests: the reference data (test/reference/data/nqp_cities.csv with the
 * reference ER and NQP joined, as test/reference/spatial/README.md assembles it) and a comparison that
 * uses relative error, or the absolute difference for |ref| < 1e-12 (the README's definition).
 */
import { join } from "path";
import { Frame, frameFromCells } from "../../../src/engine/frame";
import { nqpCitiesWithIndices, REFERENCE } from "../../support/reference";

export const SPATIAL = join(REFERENCE, "spatial", "expected");

export function readSpatial(name: string): any {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return JSON.parse(require("fs").readFileSync(join(SPATIAL, `${name}.json`), "utf8"));
}

/** A reference CSV of this set; fields may be double-quoted ("idw:1,500"). */
export function spatialCsv(name: string): { header: string[]; rows: string[][] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const text: string = require("fs").readFileSync(join(SPATIAL, name), "utf8").replace(/\r/g, "");
  const rows = text.split("\n").filter((l) => l.length > 0).map(splitQuoted);
  return { header: rows[0], rows: rows.slice(1) };
}

function splitQuoted(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === "," && !q) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function refErr(got: number, ref: number): number {
  if (Math.abs(ref) < 1e-12) return Math.abs(got - ref);
  return Math.abs(got - ref) / Math.abs(ref);
}

/** Expects |got - ref| within tol (README's relative/absolute rule); the message names the quantity. */
export function expectClose(got: number, ref: number, tol: number, what: string): void {
  const e = refErr(got, ref);
  if (!(e <= tol)) throw new Error(`${what}: got ${got}, reference ${ref}, error ${e} > ${tol}`);
}

let cities: Frame | null = null;
/** All rows 2012-2022 of nqp_cities.csv plus NQP and ER (blank for 2012). */
export function citiesFrame(): Frame {
  if (!cities) cities = frameFromCells(nqpCitiesWithIndices());
  return cities;
}

let panel: Frame | null = null;
/** The balanced model panel: 2013-2022 (284 x 10 rows). */
export function modelPanel(): Frame {
  if (!panel) {
    const all = nqpCitiesWithIndices();
    const yi = all[0].indexOf("year");
    panel = frameFromCells([all[0], ...all.slice(1).filter((r) => Number(r[yi]) >= 2013)]);
  }
  return panel;
}
