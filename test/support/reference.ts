/**
 * Access to the reference cases vendored in test/reference (a copy of the project's shared oracle sets,
 * refreshed by scripts/refresh-reference.mjs; see test/reference/PROVENANCE.md and each set's README).
 * Every expected number a test uses comes from these files; the case name is the source.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { Cell } from "../../src/engine/frame";

export const REFERENCE = join(__dirname, "../reference");

export function readCase(name: string): any {
  return JSON.parse(readFileSync(join(REFERENCE, "expected", `${name}.json`), "utf8"));
}

/** Parses a simple CSV (no quoted commas in the reference files) into rows of strings. */
export function readCsvRows(path: string): string[][] {
  const text = readFileSync(path, "utf8").replace(/\r/g, "");
  return text.split("\n").filter((l) => l.length > 0).map((l) => l.split(","));
}

let nqpCache: Cell[][] | null = null;

/**
 * nqp_cities.csv with the reference NQP (minmax_zero score) and ER columns appended, joined on
 * (city_id, year) from expected/nqp_entropy_scores.csv and expected/nqp_martin_er.csv.
 */
export function nqpCitiesWithIndices(): Cell[][] {
  if (nqpCache) return nqpCache;
  const rows = readCsvRows(join(REFERENCE, "data", "nqp_cities.csv"));
  const scores = readCsvRows(join(REFERENCE, "expected", "nqp_entropy_scores.csv"));
  const er = readCsvRows(join(REFERENCE, "expected", "nqp_martin_er.csv"));
  const col = (header: string[], name: string) => {
    const j = header.indexOf(name);
    if (j < 0) throw new Error(`reference file lacks column ${name}`);
    return j;
  };
  const key = (id: string, year: string) => `${id}|${year}`;
  const nqp = new Map<string, string>();
  const sj = col(scores[0], "NQP_minmax_zero");
  for (const r of scores.slice(1)) nqp.set(key(r[0], r[1]), r[sj]);
  const erMap = new Map<string, string>();
  const ej = col(er[0], "ER");
  for (const r of er.slice(1)) erMap.set(key(r[0], r[1]), r[ej]);
  const h = rows[0];
  const ci = col(h, "city_id");
  const yi = col(h, "year");
  nqpCache = [[...h, "NQP", "ER"], ...rows.slice(1).map((r) => [...r, nqp.get(key(r[ci], r[yi])) ?? "", erMap.get(key(r[ci], r[yi])) ?? ""])];
  return nqpCache;
}

/** Relative difference |a - b| / max(|b|, tiny), for comparing with reference values. */
export function relErr(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}
