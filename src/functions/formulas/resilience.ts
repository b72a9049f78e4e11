/** =NQP.RESILIENCE(value, id, time, [national], [method]): thin wrapper over engine/indices/resilience. */
import { martinResilience, validateResilienceMethod } from "../../engine/indices/resilience";
import { isOmitted, keyRange, numericRange, requireSameLength } from "../args";
import { withExcelErrors } from "../errors";
import { keysOf, numbersOf, scalarArg, spillColumns } from "../panel-args";

/**
 * Martin-Sunley economic resilience: growth of value within each id against national growth, (g - G)/|G| ("sensitivity") or g - G ("difference"). The first period of each id, gaps in time and G = 0 give a blank. Rows may be in any order; results follow the input rows.
 * @customfunction RESILIENCE
 * @param value Column of the level whose growth is measured (e.g. GDP per capita); a header cell is optional.
 * @param id Column of unit ids (e.g. city codes), same rows as value.
 * @param time Column of periods (calendar years), same rows as value; the previous period is time - 1.
 * @param [national] Column of the national level for each row's period (e.g. national GDP per capita); omitted: growth of the total of value over the ids present in both periods.
 * @param [method] "sensitivity" (default, (g - G)/|G|) or "difference" (g - G).
 * @returns One resilience value per row (blank where undefined).
 */
export function resilience(value: any[][], id: any[][], time: any[][], national?: any[][], method?: string): any[][] {
  return withExcelErrors("RESILIENCE", () => {
    const v = numericRange("value", value);
    const ids = keyRange("id", id, v.hasHeader);
    const t = keyRange("time", time, v.hasHeader);
    const nat = isOmitted(national) ? undefined : keyRange("national", national, v.hasHeader);
    requireSameLength([
      { name: "value", nrow: v.nrow },
      { name: "id", nrow: ids.nrow },
      { name: "time", nrow: t.nrow },
      ...(nat ? [{ name: "national", nrow: nat.nrow }] : []),
    ]);
    const m = scalarArg(method);
    const r = martinResilience({
      value: numbersOf("value", v, 0),
      id: keysOf(ids),
      time: numbersOf("time", t, 0),
      national: nat ? numbersOf("national", nat, 0) : undefined,
      method: m === undefined ? undefined : validateResilienceMethod(String(m)),
    });
    return spillColumns([r.values], v.hasHeader ? ["ER"] : undefined);
  });
}
