/** =NQP.DESCRIBE(data, [sample]): thin wrapper over engine/stats/describe. */
import { describeColumns, validateDescribeSample } from "../../engine/stats/describe";
import { numericRange } from "../args";
import { withExcelErrors } from "../errors";
import { allNumbers, cellOut, scalarArg } from "../panel-args";

/**
 * Descriptive statistics table (the papers' Table 2): N, mean, SD (n - 1), min and max of each column.
 * @customfunction DESCRIBE
 * @param data Columns to describe, with a header row of variable names (without one they are named data1, data2, ...).
 * @param [sample] "pairwise" (default: each variable over its own non-empty rows) or "listwise" (only rows where every column is filled, e.g. the estimation sample).
 * @returns A table with a header row and one row per variable: variable, N, mean, SD, min, max.
 */
export function describe(data: any[][], sample?: string): any[][] {
  return withExcelErrors("DESCRIBE", () => {
    const rc = numericRange("data", data);
    const s = scalarArg(sample);
    const r = describeColumns(allNumbers("data", rc), rc.names, s === undefined ? "pairwise" : validateDescribeSample(String(s)));
    return [
      ["variable", "N", "mean", "SD", "min", "max"],
      ...r.names.map((name, j) => {
        const st = r.stats[j];
        return [name, st.n, cellOut(st.mean), cellOut(st.sd), cellOut(st.min), cellOut(st.max)];
      }),
    ];
  });
}
