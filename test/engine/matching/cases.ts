/**
 * The PSM reference cases of test/reference/psm (README there: psmatch2 4.0.12 / pstest 4.2.2
 * conventions) and the matching options each case's `spec.stata` line states.
 */
import { join } from "path";
import { Frame, frameFromCells } from "../../../src/engine/frame";
import { MatchOptions } from "../../../src/engine/matching";
import { nqpCitiesWithIndices, readCsvRows, REFERENCE } from "../../support/reference";

export const PSM_DIR = join(REFERENCE, "psm");
export const COVARIATES = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];

/** Method suffix of a case name -> psmatch2 options (as in the case's `spec.stata`). */
export const METHODS: Record<string, MatchOptions> = {
  nn1: { method: "nn", k: 1 },
  nn1_caliper005: { method: "nn", k: 1, caliper: 0.05 },
  nn3: { method: "nn", k: 3 },
  nn1_noreplacement: { method: "nn", k: 1, noReplacement: true },
  radius005: { method: "radius", caliper: 0.05 },
  kernel_epan006: { method: "kernel", kernel: "epan", bwidth: 0.06 },
  kernel_normal006: { method: "kernel", kernel: "normal", bwidth: 0.06 },
  nn1_common: { method: "nn", k: 1, common: true },
  kernel_epan006_common: { method: "kernel", kernel: "epan", bwidth: 0.06, common: true },
};

export const CS_CASES = Object.keys(METHODS).map((m) => `psm_cs2022_${m}`);
export const PANEL_METHODS = ["nn1", "nn1_caliper005", "nn3", "radius005", "kernel_epan006", "kernel_normal006"];

export function readPsmCase(name: string): any {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return JSON.parse(require("fs").readFileSync(join(PSM_DIR, "expected", `${name}.json`), "utf8"));
}

/** A per-row CSV of the case as objects keyed by header (empty string = missing). */
export function readPsmRows(file: string): Record<string, string>[] {
  const rows = readCsvRows(join(PSM_DIR, file));
  const h = rows[0];
  return rows.slice(1).map((r) => Object.fromEntries(h.map((k, j) => [k, r[j] ?? ""])));
}

let frame: Frame | null = null;
/** nqp_cities.csv with NQP and ER joined (test/support/reference.ts). */
export function nqpFrame(): Frame {
  return (frame ??= frameFromCells(nqpCitiesWithIndices()));
}

export function rowsWhere(f: Frame, col: string, keep: (v: number) => boolean): Int32Array {
  const v = f.columns.get(col)!.numbers;
  const out: number[] = [];
  for (let i = 0; i < f.nrow; i++) if (keep(v[i])) out.push(i);
  return Int32Array.from(out);
}

/** Frame row index of (city_id, year). */
export function rowIndex(f: Frame): Map<string, number> {
  const id = f.columns.get("city_id")!.text!;
  const yr = f.columns.get("year")!.numbers;
  const m = new Map<string, number>();
  for (let i = 0; i < f.nrow; i++) m.set(`${id[i]}|${yr[i]}`, i);
  return m;
}

/** |got - want| <= tol max(|want|, floor), the README's rule; throws with the place named. */
export function close(got: number, want: number, what: string, tol = 1e-8, floor = 1e-15): number {
  if (want === null || want === undefined) {
    if (!Number.isNaN(got)) throw new Error(`${what}: got ${got}, want missing`);
    return 0;
  }
  const err = Math.abs(got - want);
  if (!(err <= tol * Math.max(Math.abs(want), floor))) throw new Error(`${what}: got ${got}, want ${want} (abs err ${err.toExponential(2)})`);
  return err / Math.max(Math.abs(want), floor);
}

const PCT = new Set(["pct_bias", "pct_reduct_abs_bias", "mean_bias", "median_bias", "B", "pct_var_outside_F"]);

/** Compares every number of `want` found at the same path in `got` (p-values < 1e-300 absolutely). */
export function compareTree(got: any, want: any, path: string, maxErr: { v: number }): void {
  for (const [k, w] of Object.entries(want)) {
    const g = got?.[k];
    const here = `${path}.${k}`;
    if (Array.isArray(w)) w.forEach((x, j) => (maxErr.v = Math.max(maxErr.v, close(g[j], x as number, `${here}[${j}]`))));
    else if (w !== null && typeof w === "object") compareTree(g, w, here, maxErr);
    else if (typeof w === "number") {
      if (g === undefined) throw new Error(`${here}: missing in the result`);
      if (k === "p" && Math.abs(w) < 1e-300) {
        if (!(Math.abs(g - w) < 1e-300)) throw new Error(`${here}: got ${g}, want ${w}`);
      }
      else maxErr.v = Math.max(maxErr.v, close(g, w, here, 1e-8, PCT.has(k) ? 1 : 1e-15));
    }
  }
}

