/** =NQP.RESILIENCE(value, id, time, [national], [method]): thin wrapper over engine/indices/resilience. */
import { InputError } from "../../engine/frame/errors";
import { martinResilience, validateResilienceMethod } from "../../engine/indices/resilience";
import { isOmitted, keyRange, numericRange, requireSameLength } from "../args";
import { withExcelErrors } from "../errors";
import { keysOf, numbersOf, scalarArg, spillColumns, timeNumbers } from "../panel-args";

/**
 * Martin-Sunley economic resilience: growth of value within each id against national growth, (g - G)/|G| ("sensitivity") or g - G ("difference"). The first period of each id, gaps in time and G = 0 give a blank. Rows may be in any order; results follow the input rows.
 * @customfunction RESILIENCE
 * @param value Column of the level whose growth is measured (e.g. GDP per capita); a header cell is optional.
 * @param id Column of unit ids (e.g. city codes), same rows as value.
 * @param time Column of periods (calendar years), same rows as value; the previous period is time - 1.
 * @param [national] Column of the national level for each row's period (e.g. national GDP per capita); omitted: growth of the total of value over the ids present in both periods.
 * @param [method] "sensitivity" (default, (g - G)/|G|) or "difference" (g - G).
 * @param [output] "values" (default: one column) or "details" (columns g, G, ER and the reason a row has no value: first_period, gap, missing_value, zero_base, negative_base, national_undefined, national_zero, missing_key).
 * @returns One resilience value per row (blank where undefined), or the details table.
 */
export function resilience(value: any[][], id: any[][], time: any[][], national?: any[][], method?: string, output?: string): any[][] {
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
      time: timeNumbers("time", t),
      national: nat ? numbersOf("national", nat, 0) : undefined,
      method: m === undefined ? undefined : validateResilienceMethod(String(m)),
    });
    const o = scalarArg(output);
    const how = o === undefined ? "values" : String(o).trim().toLowerCase();
    if (how === "values") return spillColumns([r.values], v.hasHeader ? ["ER"] : undefined);
    if (how !== "details") throw new InputError(`Argument output must be one of values, details; got "${String(o)}".`);
    const rows = spillColumns([r.g, r.G, r.values], ["g", "G", "ER"]);
    rows[0].push("reason");
    for (let i = 0; i < r.reasons.length; i++) rows[i + 1].push(r.reasons[i] ?? "");
    return v.hasHeader ? rows : rows.slice(1);
  });
}
