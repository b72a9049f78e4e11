/**
 * The pane's regression jobs through the engine protocol (in-process host), checked against the shared
 * reference cases: the stepwise FE columns = nqp_table3_col1..col6 (NQP coefficient, CR1 t), IV second
 * stage = nqp_iv_lag1, mediation Sobel z = nqp_mediation_DI (common sample). 1e-8 relative.
 * Data: nqpCitiesWithIndices() (nqp_cities.csv + reference NQP/ER); L1_NQP = previous calendar-year NQP
 * of the same city (reference README, "Lags"), via the engine's lagByPanel.
 */
import { withLag } from "./support/nqp-lag";
import { EngineClient, inProcessPort } from "../../src/taskpane/worker/client";
import type { JobOutput, RegressionCore } from "../../src/taskpane/worker/protocol";
import type { TableRow } from "../../src/report/table";
import { readCase, relErr } from "../support/reference";

const CONTROLS = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];
const CORE: RegressionCore = { y: "ER", x: ["NQP"], controls: CONTROLS, fe: ["city_id", "year"], cluster: ["city_id"], vcov: "cluster" };


let client: EngineClient;
beforeAll(async () => {
  client = new EngineClient(inProcessPort());
  const cells = withLag();
  client.beginLoad(cells[0], cells.length - 1);
  for (let i = 1; i < cells.length; i += 1000) client.appendRows(cells.slice(i, i + 1000));
  await client.endLoad();
});

const OPTIONS = { paren: "t" as const, decimals: 3 };

function estimateRow(out: JobOutput, term: string): TableRow {
  const i = out.table.rows.findIndex((r) => r.role === "estimate" && r.key === term);
  expect(i).toBeGreaterThanOrEqual(0);
  return out.table.rows[i];
}
function parenRow(out: JobOutput, term: string): TableRow {
  const i = out.table.rows.findIndex((r) => r.role === "estimate" && r.key === term);
  return out.table.rows[i + 1];
}
const value = (r: TableRow, j: number) => {
  const c = r.cells[j];
  if (c.kind !== "number") throw new Error(`cell ${j} of ${r.key} is ${c.kind}`);
  return c.value;
};

test("FE stepwise columns reproduce nqp_table3_col1..col6 (NQP coefficient and CR1 t)", async () => {
  const out = await client.run({ kind: "fe", ...CORE, columns: "stepwise" }, OPTIONS).result;
  const est = estimateRow(out, "NQP");
  const t = parenRow(out, "NQP");
  for (let k = 1; k <= 6; k++) {
    const ref = readCase(`nqp_table3_col${k}`).results;
    expect(relErr(value(est, k), ref.coef.NQP)).toBeLessThan(1e-8);
    expect(relErr(value(t, k), ref.t.cr1.NQP)).toBeLessThan(1e-8);
  }
  expect(out.table.ncol).toBe(7);
});

test("IV second stage reproduces nqp_iv_lag1 (NQP instrumented by L1_NQP)", async () => {
  const ref = readCase("nqp_iv_lag1").results;
  const out = await client.run({ kind: "iv", ...CORE, instruments: ["L1_NQP"] }, OPTIONS).result;
  const est = estimateRow(out, "NQP");
  const secondCol = out.table.rows[0].cells.length - 1;
  expect(relErr(value(est, secondCol), ref.second_stage.coef.NQP)).toBeLessThan(1e-8);
  expect(out.table.rows.some((r) => r.key === "kp_f")).toBe(true);
});

test("mediation reproduces the Sobel z of nqp_mediation_DI (common sample)", async () => {
  const ref = readCase("nqp_mediation_DI").results.common_sample.sobel;
  const out = await client.run({ kind: "mediation", ...CORE, mediator: "DI", bootstrap: 0 }, OPTIONS).result;
  const row = out.table.rows.find((r) => r.key === "sobel")!;
  expect(row).toBeDefined();
  const z = row.cells.find((c) => c.kind === "number") as { value: number };
  expect(relErr(z.value, ref.z)).toBeLessThan(1e-8);
});

test("heterogeneity splits by each value of hu_east: one column per group", async () => {
  const out = await client.run({ kind: "heterogeneity", ...CORE, by: "hu_east", split: "groups" }, OPTIONS).result;
  const est = estimateRow(out, "NQP");
  for (const [j, g] of [[1, "0"], [2, "1"]] as const) {
    const ref = readCase(`nqp_split_hu_east_${g}`).results;
    expect(relErr(value(est, j), ref.coef.NQP)).toBeLessThan(1e-8);
  }
});

test("robustness battery: baseline column = nqp_table3_col6, winsorised column = nqp_winsor baseline", async () => {
  const out = await client.run({ kind: "robustness", ...CORE, checks: ["winsorize", "lag_x"] }, OPTIONS).result;
  const est = estimateRow(out, "NQP");
  expect(relErr(value(est, 1), readCase("nqp_table3_col6").results.coef.NQP)).toBeLessThan(1e-8);
  expect(relErr(value(est, 2), readCase("nqp_winsor").results.baseline_winsorized.coef.NQP)).toBeLessThan(1e-8);
  expect(out.table.ncol).toBe(4);
});

test("a text column chosen as regressor: the error names it, its rows and the fix", async () => {
  const run = client.run({ kind: "fe", ...CORE, controls: ["city_name"], columns: "all" }, OPTIONS);
  await expect(run.result).rejects.toThrow(/control "city_name" must be numeric, but 3124 of its 3124 rows hold text \(first at data row 1: "Liuhe"\)\. Choose a numeric variable/);
});
