/**
 * One layout for the pane and the workbook (issue 19 item 6): the pane's IV and mediation tables are the
 * tables `nqp table` / the demo build from the same model (src/report/run-spec.ts runTable), cell for cell,
 * with City/Year labels. Data: nqp_cities.csv + reference NQP/ER; L1_NQP by the engine's lagByPanel.
 */
import { frameFromCells } from "../../src/engine/frame";
import { withLag } from "./support/nqp-lag";
import { runTable } from "../../src/report/run-spec";
import { validateSpecFile } from "../../src/report/spec";
import { EngineClient, inProcessPort } from "../../src/taskpane/worker/client";
import type { RegressionCore } from "../../src/taskpane/worker/protocol";

const CONTROLS = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];
const CORE: RegressionCore = { y: "ER", x: ["NQP"], controls: CONTROLS, fe: ["city_id", "year"], cluster: ["city_id"], vcov: "cluster" };
const OPTIONS = { paren: "t" as const, decimals: 3 };
const LABELS = { city_id: "City", year: "Year" };


const cells = withLag();
let client: EngineClient;
beforeAll(async () => {
  client = new EngineClient(inProcessPort());
  client.beginLoad(cells[0], cells.length - 1);
  for (let i = 1; i < cells.length; i += 1000) client.appendRows(cells.slice(i, i + 1000));
  await client.endLoad();
});

const model = { y: "ER", x: CONTROLS, fe: ["city_id", "year"], cluster: ["city_id"] };

test("IV: the pane's table equals the workbook's (first stage from the IV fit, KP rows, City FE, notes)", async () => {
  const pane = (await client.run({ kind: "iv", ...CORE, instruments: ["L1_NQP"] }, OPTIONS).result).table;
  const spec = validateSpecFile({ kind: "iv", title: "IV-2SLS estimates", labels: LABELS, model: { ...model, endog: ["NQP"], instruments: ["L1_NQP"] } }).tables[0];
  const book = await runTable(frameFromCells(cells), spec);
  expect(pane.rows).toEqual(book.rows);
  expect(pane.notes).toEqual(book.notes);
  expect(pane.rows.map((r) => r.cells[0]).filter((c) => c.kind === "text").map((c) => (c as { text: string }).text)).toEqual(
    expect.arrayContaining(["L1_NQP", "NQP", "Controls", "City FE", "Year FE", "KP rk Wald F", "KP rk LM"]),
  );
});

test("mediation: the pane's table equals the workbook's (a*b, SE, share mediated, a-path sample note)", async () => {
  const pane = (await client.run({ kind: "mediation", ...CORE, mediator: "DI", bootstrap: 0 }, OPTIONS).result).table;
  const spec = validateSpecFile({ kind: "mediation", title: "Mechanism: DI", labels: LABELS, terms: ["NQP", "DI"], model: { ...model, treat: "NQP", mediator: "DI" } }).tables[0];
  const book = await runTable(frameFromCells(cells), spec);
  expect(pane.rows).toEqual(book.rows);
  expect(pane.notes).toEqual(book.notes);
  expect(pane.notes.some((n) => n.startsWith("Column (2) uses the 2840 rows"))).toBe(true);
});
