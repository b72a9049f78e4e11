/**
 * Robustness "drop groups" through the pane's job protocol (in-process engine host): by chosen values of a
 * group column (province in P01..P04, or some city ids) and by a 0/1 flag column (municipality).
 * Data: nqp_cities.csv + reference NQP/ER (test/support/reference.ts). Expected: the dropped column must
 * equal the baseline fixed-effects model run on the data WITHOUT those rows (filtered here, loaded into a
 * second engine), so the dropped groups are absent from the sample; 1e-10 relative. The baseline column
 * is nqp_table3_col6 (1e-8, as in jobs-regression.test.ts). Row counts come from the data file.
 */
import { Cell } from "../../src/engine/frame";
import { EngineClient, inProcessPort } from "../../src/taskpane/worker/client";
import type { JobOutput, RegressionCore, RobustnessSpec } from "../../src/taskpane/worker/protocol";
import { nqpCitiesWithIndices, readCase, relErr } from "../support/reference";

const CORE: RegressionCore = { y: "ER", x: ["NQP"], controls: ["GDP", "FTE", "BOOK", "OPEN", "FEF"], fe: ["city_id", "year"], cluster: ["city_id"], vcov: "cluster" };
const OPTIONS = { paren: "t" as const, decimals: 3 };
const CELLS = nqpCitiesWithIndices();
const H = CELLS[0] as string[];

async function engineOn(cells: Cell[][]): Promise<EngineClient> {
  const c = new EngineClient(inProcessPort());
  c.beginLoad(cells[0], cells.length - 1);
  for (let i = 1; i < cells.length; i += 1000) c.appendRows(cells.slice(i, i + 1000));
  await c.endLoad();
  return c;
}

function cell(out: JobOutput, role: string, key: string, j: number): number {
  const row = out.table.rows.find((r) => r.role === role && r.key === key);
  const c = row?.cells[j];
  if (!c || c.kind !== "number") throw new Error(`no number in ${role} ${key}, column ${j}`);
  return c.value;
}

/** The same model on the data without the rows `drop` picks: coefficient of NQP, its t and N. */
async function withoutRows(drop: (r: Cell[]) => boolean): Promise<{ coef: number; t: number; n: number; removed: number }> {
  const kept = [CELLS[0], ...CELLS.slice(1).filter((r) => !drop(r))];
  const c = await engineOn(kept);
  const out = await c.run({ kind: "fe", ...CORE, columns: "all" }, OPTIONS).result;
  const i = out.table.rows.findIndex((r) => r.role === "estimate" && r.key === "NQP");
  const t = out.table.rows[i + 1].cells[1];
  return { coef: cell(out, "estimate", "NQP", 1), t: t.kind === "number" ? t.value : NaN, n: cell(out, "stat", "n", 1), removed: CELLS.length - kept.length };
}

function expectColumn(out: JobOutput, j: number, ref: { coef: number; t: number; n: number }) {
  expect(relErr(cell(out, "estimate", "NQP", j), ref.coef)).toBeLessThan(1e-10);
  const i = out.table.rows.findIndex((r) => r.role === "estimate" && r.key === "NQP");
  const t = out.table.rows[i + 1].cells[j];
  expect(t.kind === "number" && relErr(t.value, ref.t)).toBeLessThan(1e-10);
  expect(cell(out, "stat", "n", j)).toBe(ref.n);
}

let client: EngineClient;
beforeAll(async () => {
  client = await engineOn(CELLS);
});

const PROVINCES = ["P01", "P02", "P03", "P04"];

test("province in P01..P04 (chosen values): those rows are out of the sample, counted in the note", async () => {
  const spec: RobustnessSpec = { kind: "robustness", ...CORE, checks: ["drop_groups"], dropRule: "values", dropBy: "province", dropValues: ["P01", " P02", "P03", "P04", "P01"] };
  const out = await client.run(spec, OPTIONS).result;
  expect(relErr(cell(out, "estimate", "NQP", 1), readCase("nqp_table3_col6").results.coef.NQP)).toBeLessThan(1e-8);
  const pi = H.indexOf("province");
  const ref = await withoutRows((r) => PROVINCES.includes(String(r[pi])));
  expectColumn(out, 2, ref);
  const each = PROVINCES.map((p) => `${p}: ${CELLS.slice(1).filter((r) => r[pi] === p).length}`).join(", ");
  const nBase = cell(out, "stat", "n", 1);
  const note = `"Without 4 province values" drops the ${ref.removed} data rows with province = P01, P02, P03, P04 (${each}); N ${nBase} -> ${ref.n}.`;
  expect(out.table.notes).toContain(note);
  expect(out.summary).toContain(note);
});

test("a 0/1 flag column (municipality = 1) drops the same rows as their provinces here", async () => {
  const out = await client.run({ kind: "robustness", ...CORE, checks: ["drop_groups"], dropRule: "flag", dropBy: "municipality" }, OPTIONS).result;
  const mi = H.indexOf("municipality");
  const ref = await withoutRows((r) => Number(r[mi]) === 1);
  expectColumn(out, 2, ref);
  expect(out.table.notes.some((n) => n.startsWith(`"Without municipalities" drops the ${ref.removed} data rows with municipality = 1;`))).toBe(true);
  // Specs from before the rule existed (no rule, no values) still mean municipality = 1.
  const legacy = await client.run({ kind: "robustness", ...CORE, checks: ["drop_groups"], dropBy: "city_id" }, OPTIONS).result;
  expectColumn(legacy, 2, ref);
});

test("some city ids by value", async () => {
  const ci = H.indexOf("city_id");
  const ids = ["C001", "C010", "C100"];
  const out = await client.run({ kind: "robustness", ...CORE, checks: ["drop_groups"], dropRule: "values", dropBy: "city_id", dropValues: ids }, OPTIONS).result;
  const ref = await withoutRows((r) => ids.includes(String(r[ci])));
  expectColumn(out, 2, ref);
  expect(out.table.rows.some((r) => r.cells.some((c) => c.kind === "text" && c.text === "Without C001, C010, C100"))).toBe(true);
});

test("errors say what to fix: no column, no values, not a flag, a value that is not there", async () => {
  const base: RobustnessSpec = { kind: "robustness", ...CORE, checks: ["drop_groups"], dropRule: "values" };
  await expect(client.run(base, OPTIONS).result).rejects.toThrow(/needs a column to drop by/);
  await expect(client.run({ ...base, dropBy: "province", dropValues: [" "] }, OPTIONS).result).rejects.toThrow(/List the values of "province" to drop/);
  await expect(client.run({ ...base, dropRule: "flag", dropBy: "year" }, OPTIONS).result).rejects.toThrow(/"year" is not a 0\/1 flag: data row 1 holds 2012/);
  await expect(client.run({ ...base, dropRule: "flag", dropBy: "province" }, OPTIONS).result).rejects.toThrow(/flag column "province" must be numeric/);
  await expect(client.run({ ...base, dropBy: "province", dropValues: ["P01", "P99"] }, OPTIONS).result).rejects.toThrow(/no rows with the value\(s\) P99 to drop/);
});
