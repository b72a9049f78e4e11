/** =NQP.LQ(part, total, region_part, region_total): thin wrapper over engine/indices/lq. */
import { locationQuotient } from "../../engine/indices/lq";
import { numericRange } from "../args";
import { withExcelErrors } from "../errors";
import { numbersOf, spillColumns } from "../panel-args";

/**
 * Location quotient (agglomeration): (part / total) / (region_part / region_total), e.g. a city's share of employment in an industry relative to the national share. Blank where an input is empty or a denominator is 0.
 * @customfunction LQ
 * @param part Column of the unit's amount in the sector (e.g. industry employment).
 * @param total Column (or one cell) of the unit's total (e.g. total employment).
 * @param region_part Column (or one cell) of the reference region's amount in the sector (e.g. national industry employment).
 * @param region_total Column (or one cell) of the reference region's total.
 * @returns One location quotient per row.
 */
export function lq(part: any[][], total: any[][], region_part: any[][], region_total: any[][]): any[][] {
  return withExcelErrors("LQ", () => {
    const args = { part, total, region_part, region_total };
    const cols = Object.entries(args).map(([name, a]) => numbersOf(name, numericRange(name, a), 0));
    const header = numericRange("part", part).hasHeader ? ["LQ"] : undefined;
    return spillColumns([locationQuotient(cols[0], cols[1], cols[2], cols[3]).values], header);
  });
}
