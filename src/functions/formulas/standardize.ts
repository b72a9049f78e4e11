/** =NQP.STANDARDIZE(x, [method], [by]): thin wrapper over engine/indices/standardize. */
import { standardize as standardizeEngine, validateStandardizeMethod } from "../../engine/indices/standardize";
import { numericRange } from "../args";
import { withExcelErrors } from "../errors";
import { allNumbers, optionalGroups, scalarArg, spillColumns } from "../panel-args";

/**
 * Standardises each column: "zscore" (default, (x - mean)/sd with n - 1) or "minmax" ((x - min)/(max - min)), over all rows or within each group. Blanks stay blank.
 * @customfunction STANDARDIZE
 * @param x One or more columns; a header row is optional.
 * @param [method] "zscore" (default) or "minmax".
 * @param [by] Optional group column (e.g. year): standardise within each group.
 * @returns The standardised columns.
 */
export function standardize(x: any[][], method?: string, by?: any[][]): any[][] {
  return withExcelErrors("STANDARDIZE", () => {
    const xs = numericRange("x", x);
    const m = scalarArg(method);
    const how = m === undefined ? "zscore" : validateStandardizeMethod(String(m));
    const groups = optionalGroups("by", by, xs.hasHeader, xs.nrow);
    const out = allNumbers("x", xs).map((c) => standardizeEngine(c, how, groups).values);
    return spillColumns(out, xs.hasHeader ? xs.names.map((n) => `${n}_std`) : undefined);
  });
}
