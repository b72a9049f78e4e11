/** =NQP.LAG(x, id, time, [k]): thin wrapper over engine/indices/lag. */
import { InputError } from "../../engine/frame/errors";
import { lagByPanel } from "../../engine/indices/lag";
import { keyRange, numericRange, requireSameLength } from "../args";
import { withExcelErrors } from "../errors";
import { allNumbers, keysOf, scalarArg, spillColumns, timeNumbers } from "../panel-args";

/**
 * Panel lag (k > 0) or lead (k < 0) of x within each id by calendar period: the value of the same id at time - k, blank where that row is absent (first periods, gaps) or empty. Rows may be in any order.
 * @customfunction LAG
 * @param x One or more columns to lag; a header row is optional.
 * @param id Column of unit ids, same rows as x.
 * @param time Column of periods (e.g. years), same rows as x.
 * @param [k] Number of periods: 1 (default) is the previous period, 2 two periods back, -1 the next period.
 * @returns The lagged columns, in the input row order.
 */
export function lag(x: any[][], id: any[][], time: any[][], k?: number): any[][] {
  return withExcelErrors("LAG", () => {
    const xs = numericRange("x", x);
    const ids = keyRange("id", id, xs.hasHeader);
    const t = keyRange("time", time, xs.hasHeader);
    requireSameLength([
      { name: "x", nrow: xs.nrow },
      { name: "id", nrow: ids.nrow },
      { name: "time", nrow: t.nrow },
    ]);
    const kv = scalarArg(k);
    const periods = kv === undefined ? 1 : Number(kv);
    if (!Number.isInteger(periods)) throw new InputError(`Argument k must be a whole number of periods; got "${String(kv)}".`, "num");
    const keys = keysOf(ids);
    const times = timeNumbers("time", t);
    const lagged = allNumbers("x", xs).map((c) => lagByPanel(c, keys, times, periods).values);
    const label = periods >= 0 ? `L${periods}_` : `F${-periods}_`;
    return spillColumns(lagged, xs.hasHeader ? xs.names.map((n) => label + n) : undefined);
  });
}
