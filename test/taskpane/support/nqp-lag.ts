/**
 * nqp_cities.csv + reference NQP/ER + L1_NQP (previous calendar-year NQP of the same city; reference README,
 * "Lags"), via the engine's lagByPanel: the cells the pane's IV jobs are tested on.
 */
import { Cell } from "../../../src/engine/frame";
import { lagByPanel } from "../../../src/engine/indices/lag";
import { nqpCitiesWithIndices } from "../../support/reference";

export function withLag(): Cell[][] {
  const cells = nqpCitiesWithIndices();
  const h = cells[0] as string[];
  const rows = cells.slice(1);
  const num = (r: Cell[], name: string) => (r[h.indexOf(name)] === "" ? NaN : Number(r[h.indexOf(name)]));
  const lag = lagByPanel(Float64Array.from(rows, (r) => num(r, "NQP")), rows.map((r) => String(r[h.indexOf("city_id")])), Float64Array.from(rows, (r) => num(r, "year")), 1);
  return [[...h, "L1_NQP"], ...rows.map((r, i) => [...r, Number.isNaN(lag.values[i]) ? "" : lag.values[i]])];
}
