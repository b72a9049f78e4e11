/**
 * Issue 11, overwrites in Excel (fake Office workbook on office-addin-mock): Re-run clears only the block
 * the add-in wrote (recorded in _nqp_specs) and never covers a user's cell; a "_nqp_specs" sheet the
 * add-in did not make (no header marker) is never written into.
 */
import { FakeWorkbook } from "./fake-office-workbook";
import { parseBlockAddress, rewriteTableSheet, writeTableToNewSheet } from "../../src/excel/table-writer";
import { readSpecs } from "../../src/excel/spec-store";
import { buildRegressionTable } from "../../src/report/regression-table";
import { layoutTable } from "../../src/report/grid";
import { LEGACY_SPEC_HEADER, SPEC_SHEET } from "../../src/report/spec-record";
import { stepwiseColumns } from "../report/synthetic";

const big = buildRegressionTable({ title: "Table 3", columns: stepwiseColumns().map((result) => ({ result })) });
const small = buildRegressionTable({ title: "Table 3", columns: [{ result: stepwiseColumns()[0] }] });
const userRows = [["city_id", "year", "ER"], ["C001", 2013, 0.5]];

test("the written range is recorded, and Re-run keeps what the user typed outside it", async () => {
  const wb = new FakeWorkbook([{ name: "Data", rows: userRows }]);
  const first = await writeTableToNewSheet(wb.run, big, { spec: { v: 1 } });
  expect((await readSpecs(wb.run))[0].range).toBe(first.address);
  const out = wb.find("Table 3")!;
  const g = layoutTable(big);
  out.cells.set(`${g.nrow + 3},0`, { value: "my note", format: "General" });
  out.cells.set(`0,${g.ncol + 2}`, { value: 42, format: "General" });
  await rewriteTableSheet(wb.run, "Table 3", small, { spec: { v: 2 } });
  expect(out.at(g.nrow + 3, 0)!.value).toBe("my note");
  expect(out.at(0, g.ncol + 2)!.value).toBe(42);
  expect(out.at(0, 0)!.value).toBe("Table 3");
  // The old table's wider columns are gone; the record now holds the smaller block.
  const gs = layoutTable(small);
  expect(out.at(gs.tableRow, gs.ncol)).toBeUndefined();
  expect((await readSpecs(wb.run))[0].range).toBe(`A1:${String.fromCharCode(64 + gs.ncol)}${gs.nrow}`);
});

test("Re-run refuses (touching nothing) when the new, larger table would cover a user's cell", async () => {
  const wb = new FakeWorkbook();
  await writeTableToNewSheet(wb.run, small, { spec: { v: 1 } });
  const out = wb.find("Table 3")!;
  const gs = layoutTable(small);
  out.cells.set(`1,${gs.ncol}`, { value: "typed", format: "General" });
  const before = out.values();
  await expect(rewriteTableSheet(wb.run, "Table 3", big)).rejects.toThrow(
    new RegExp(`would write over cell ${String.fromCharCode(65 + gs.ncol)}2 of "Table 3", which the add-in did not write`),
  );
  expect(out.values()).toEqual(before);
});

test('a "_nqp_specs" sheet the add-in did not make is never written into, and no table sheet is added', async () => {
  const mine = [["my", "own", "notes"], ["keep", "these", 1]];
  const wb = new FakeWorkbook([{ name: SPEC_SHEET, rows: mine }]);
  await expect(writeTableToNewSheet(wb.run, big, { spec: { v: 1 } })).rejects.toThrow(/sheet named "_nqp_specs" that the NQP add-in did not make/);
  expect(wb.find(SPEC_SHEET)!.values()).toEqual(mine);
  expect(wb.find("Table 3")).toBeUndefined();
  expect(await readSpecs(wb.run)).toEqual([]);
});

test("a spec sheet of the older layout (no range column) is read and rewritten in the current one", async () => {
  const legacy = [[...LEGACY_SPEC_HEADER], ["Old", "", "2025-01-01T00:00:00.000Z", "Old table", JSON.stringify({ v: 0 })]];
  const wb = new FakeWorkbook([{ name: SPEC_SHEET, rows: legacy }, { name: "Old", rows: [["x"]] }]);
  expect((await readSpecs(wb.run)).map((r) => [r.sheetName, r.range, r.spec])).toEqual([["Old", "", { v: 0 }]]);
  await writeTableToNewSheet(wb.run, small, { spec: { v: 1 } });
  const recs = await readSpecs(wb.run);
  expect(recs.map((r) => [r.sheetName, r.spec])).toEqual([["Old", { v: 0 }], ["Table 3", { v: 1 }]]);
  expect(recs[1].range).toMatch(/^A1:/);
});

test("parseBlockAddress", () => {
  expect(parseBlockAddress("A1:G30")).toEqual({ row: 0, col: 0, rows: 30, cols: 7 });
  expect(parseBlockAddress("$AA$2")).toEqual({ row: 1, col: 26, rows: 1, cols: 1 });
  expect(parseBlockAddress("nonsense")).toBeNull();
});
