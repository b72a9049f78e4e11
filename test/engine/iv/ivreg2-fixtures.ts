/**
 * Reader for the Stata ivreg2 fixtures in ../shared/reference/stata-ivreg2 (restatr/ivreg2r output; see
 * that folder's README): datasets in data/, one-row diagnostics, coef, vcov and e(first) tables in fixtures/.
 * Blank fields are Stata's "not posted" and come back as NaN.
 */
import { join } from "path";
import { REFERENCE, readCsvRows } from "../../support/reference";

export const IVREG2_DIR = join(REFERENCE, "stata-ivreg2");

function num(s: string | undefined): number {
  if (s === undefined || s.trim() === "" || s.trim() === ".") return NaN;
  return Number(s);
}

/** data/<file> as named numeric columns (blank = NaN). */
export function readIvData(file: string): Record<string, Float64Array> {
  const rows = readCsvRows(join(IVREG2_DIR, "data", file));
  const h = rows[0].map((s) => s.replace(/^"|"$/g, ""));
  const out: Record<string, Float64Array> = {};
  h.forEach((name, j) => {
    out[name] = Float64Array.from(rows.slice(1), (r) => num(r[j]));
  });
  return out;
}

/** A one-row diagnostics file as name -> value. */
export function readDiagnostics(file: string): Record<string, number> {
  const rows = readCsvRows(join(IVREG2_DIR, "fixtures", file));
  const out: Record<string, number> = {};
  rows[0].forEach((k, j) => (out[k] = num(rows[1][j])));
  return out;
}

/** term -> { estimate, std_error } in file order. */
export function readCoef(file: string): { term: string; estimate: number; se: number }[] {
  const rows = readCsvRows(join(IVREG2_DIR, "fixtures", file));
  return rows.slice(1).map((r) => ({ term: r[0], estimate: num(r[1]), se: num(r[2]) }));
}

/** Square matrix (row-major by file order) without the term column. */
export function readVcov(file: string): number[][] {
  const rows = readCsvRows(join(IVREG2_DIR, "fixtures", file));
  const hasTerm = rows[0][0] === "term";
  return rows.slice(1).map((r) => r.slice(hasTerm ? 1 : 0).map(num));
}

/** e(first): statistic -> one value per endogenous regressor (column order of the file). */
export function readFirstStage(file: string): { endog: string[]; stats: Record<string, number[]> } {
  const rows = readCsvRows(join(IVREG2_DIR, "fixtures", file));
  const stats: Record<string, number[]> = {};
  for (const r of rows.slice(1)) stats[r[0]] = r.slice(1).map(num);
  return { endog: rows[0].slice(1), stats };
}
