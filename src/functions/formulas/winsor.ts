/** =NQP.WINSOR(x, [p], [by]): thin wrapper over engine/indices/winsor. */
import { InputError } from "../../engine/frame/errors";
import { winsorize } from "../../engine/indices/winsor";
import { numericRange } from "../args";
import { withExcelErrors } from "../errors";
import { allNumbers, optionalGroups, scalarArg, spillColumns } from "../panel-args";

/** p as a fraction: below 0.5 a fraction (0.01), from 0.5 up a percent (1 = 1%). */
export function winsorFraction(arg: unknown): number {
  const v = scalarArg(arg);
  if (v === undefined) return 0.01;
  const p = typeof v === "number" ? v : Number(String(v).trim().replace(/%$/, "")) / (String(v).trim().endsWith("%") ? 100 : 1);
  if (!Number.isFinite(p) || p <= 0 || p >= 50) {
    throw new InputError(`Argument p must be the lower tail share, e.g. 0.01 (or 1 for 1%); got "${String(v)}".`, "num");
  }
  return p < 0.5 ? p : p / 100;
}

/**
 * Winsorises each column at the p and 1 - p percentiles (Stata _pctile definition, as winsor2 ..., cuts(1 99)): values beyond the cutoffs are replaced by them. Cutoffs use all non-missing values of the column, or of each group.
 * @customfunction WINSOR
 * @param x One or more columns; a header row is optional.
 * @param [p] Lower tail share: 0.01 (default, i.e. 1% and 99%); a value of 0.5 or more is read as a percent (1 = 1%).
 * @param [by] Optional group column (e.g. year): cutoffs within each group.
 * @returns The winsorised columns.
 */
export function winsor(x: any[][], p?: any, by?: any[][]): any[][] {
  return withExcelErrors("WINSOR", () => {
    const xs = numericRange("x", x);
    const q = winsorFraction(p);
    const groups = optionalGroups("by", by, xs.hasHeader, xs.nrow);
    const out = allNumbers("x", xs).map((c) => winsorize(c, { lower: q, upper: 1 - q, by: groups }).values);
    return spillColumns(out, xs.hasHeader ? xs.names.map((n) => `${n}_w`) : undefined);
  });
}
