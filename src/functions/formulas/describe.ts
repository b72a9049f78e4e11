/** =NQP.DESCRIBE(data, [sample], [output]): thin wrapper over engine/stats/describe. */
import { InputError } from "../../engine/frame/errors";
import { correlationMatrix, describeColumns, validateDescribeSample, varianceInflation } from "../../engine/stats/describe";
import { numericRange } from "../args";
import { withExcelErrors } from "../errors";
import { allNumbers, cellOut, scalarArg } from "../panel-args";

/**
 * Descriptive statistics table (the papers' Table 2): N, mean, SD (n - 1), min and max of each column.
 * @customfunction DESCRIBE
 * @param data Columns to describe, with a header row of variable names (without one they are named data1, data2, ...).
 * @param [sample] "pairwise" (default: each variable over its own non-empty rows) or "listwise" (only rows where every column is filled, e.g. the estimation sample).
 * @param [output] "stats" (default), "corr" (Pearson correlations over the rows where every column is filled) or "vif" (variance inflation factor of each column given the others, pooled OLS with intercept, on those rows).
 * @returns A table with a header row and one row per variable: variable, N, mean, SD, min, max (or the correlation matrix, or variable and VIF).
 */
export function describe(data: any[][], sample?: string, output?: string): any[][] {
  return withExcelErrors("DESCRIBE", () => {
    const rc = numericRange("data", data);
    const cols = allNumbers("data", rc);
    const o = scalarArg(output);
    const how = o === undefined ? "stats" : String(o).trim().toLowerCase();
    if (how === "corr") {
      const { r } = correlationMatrix(cols);
      const k = cols.length;
      return [["", ...rc.names], ...rc.names.map((name, a) => [name, ...rc.names.map((_, b) => cellOut(r[a * k + b]))])];
    }
    if (how === "vif") {
      const { vif } = varianceInflation(cols, rc.names);
      return [["variable", "VIF"], ...rc.names.map((name, j) => [name, cellOut(vif[j])])];
    }
    if (how !== "stats") throw new InputError(`Argument output must be one of stats, corr, vif; got "${String(o)}".`);
    const s = scalarArg(sample);
    const r = describeColumns(cols, rc.names, s === undefined ? "pairwise" : validateDescribeSample(String(s)));
    return [
      ["variable", "N", "mean", "SD", "min", "max"],
      ...r.names.map((name, j) => {
        const st = r.stats[j];
        return [name, st.n, cellOut(st.mean), cellOut(st.sd), cellOut(st.min), cellOut(st.max)];
      }),
    ];
  });
}
