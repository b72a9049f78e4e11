/**
 * Office.js table writer and spec store against office-addin-mock objects (fake-office-workbook.ts).
 * The table is built from synthetic results (test/report/synthetic.ts): layout only.
 */
import { FakeWorkbook } from "./fake-office-workbook";
import { rewriteTableSheet, uniqueSheetName, validSheetName, writeTableToNewSheet } from "../../src/excel/table-writer";
import { readSpecs } from "../../src/excel/spec-store";
import { buildRegressionTable } from "../../src/report/regression-table";
import { layoutTable } from "../../src/report/grid";
import { SPEC_SHEET } from "../../src/report/spec-record";
import { stepwiseColumns } from "../report/synthetic";

const table = buildRegressionTable({
  title: "Table 3",
  columns: stepwiseColumns().map((result) => ({ result })),
  feRows: { city_id: "City FE", year: "Year FE" },
});
const grid = layoutTable(table);
const userRows = [["city_id", "year", "ER"], ["C001", 2013, 0.5]];

describe("sheet names", () => {
  test("unique, case-insensitive, valid, at most 31 characters", () => {
    expect(uniqueSheetName("Table 3", ["Data"])).toBe("Table 3");
    expect(uniqueSheetName("Table 3", ["table 3"])).toBe("Table 3 (2)");
    expect(uniqueSheetName("Table 3", ["Table 3", "Table 3 (2)"])).toBe("Table 3 (3)");
    expect(validSheetName("IV: first/second [stage]?")).toBe("IV first second stage");
    const long = "A very long table title that goes on and on";
    const u = uniqueSheetName(long, [validSheetName(long)]);
    expect(u.length).toBeLessThanOrEqual(31);
    expect(u.endsWith(" (2)")).toBe(true);
    expect(validSheetName(SPEC_SHEET)).toBe("Table");
  });
});

describe("writeTableToNewSheet", () => {
  test("creates a new sheet, writes numbers with formats, never touches the existing sheet, bounded syncs", async () => {
    const wb = new FakeWorkbook([{ name: "Data", rows: userRows }]);
    const data = wb.find("Data")!;
    const res = await writeTableToNewSheet(wb.run, table, { spec: { model: "baseline" } });
    expect(res.sheetName).toBe("Table 3");
    expect(res.sheetId).toMatch(/^\{SHEET-\d+\}$/);
    expect(res.address).toBe(`A1:D${grid.nrow}`);
    // 1 (names + spec store) + 1 chunk + 1 (formats + spec record)
    expect(res.syncs).toBe(3);
    expect(wb.syncs).toBe(3);
    expect(data.rangeRequests).toBe(0);
    expect(data.values()).toEqual(userRows);

    const out = wb.find("Table 3")!;
    const est = grid.tableRow + table.rows.findIndex((r) => r.role === "estimate" && r.key === "NQP");
    expect(out.at(est, 0)).toEqual({ value: "NQP", format: "@" });
    expect(out.at(est, 1)!.value).toBe(stepwiseColumns()[0].coef[0]);
    expect(out.at(est, 1)!.format).toBe('0.000"***"');
    expect(out.at(est + 1, 1)!.format).toBe('"("0.00")";"(-"0.00")"');
    expect(typeof out.at(est + 1, 1)!.value).toBe("number");
    expect(out.at(grid.tableRow, 1)).toEqual({ value: "(1)", format: "@" });
    expect(out.at(0, 0)!.value).toBe("Table 3");
    // rules: heavy top of the header, thin under it, heavy under the last row
    const rules = out.borders.map((b) => `${b.row}:${b.edge}:${b.weight}:${b.style}:${b.cols}`);
    expect(rules).toEqual([
      `${grid.tableRow}:EdgeTop:Medium:Continuous:4`,
      `${grid.tableRow + 1}:EdgeBottom:Thin:Continuous:4`,
      `${grid.tableRow + table.rows.length - 1}:EdgeBottom:Medium:Continuous:4`,
    ]);
    expect(out.merges).toEqual([]);
    expect(grid.noteRows.map((r) => out.at(r, 0)!.value).join(" ")).toBe(table.notes.join(" "));
    expect(wb.active).toBe("Table 3");
  });

  test("run twice: the second table gets a new unique name; the first is untouched", async () => {
    const wb = new FakeWorkbook([{ name: "Data", rows: userRows }]);
    await writeTableToNewSheet(wb.run, table, { spec: { n: 1 } });
    const first = wb.find("Table 3")!;
    const before = first.rangeRequests;
    const snapshot = JSON.stringify(first.values());
    const res = await writeTableToNewSheet(wb.run, table, { spec: { n: 2 } });
    expect(res.sheetName).toBe("Table 3 (2)");
    expect(first.rangeRequests).toBe(before);
    expect(JSON.stringify(first.values())).toBe(snapshot);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Data", "Table 3", SPEC_SHEET, "Table 3 (2)"]);
  });

  test("chunks: one sync per chunk of rows", async () => {
    const wb = new FakeWorkbook();
    const res = await writeTableToNewSheet(wb.run, table, { chunkRows: 5 });
    expect(res.syncs).toBe(2 + Math.ceil(grid.nrow / 5));
    const out = wb.find("Table 3")!;
    expect(out.values().length).toBe(grid.nrow);
    expect(wb.find(SPEC_SHEET)).toBeUndefined();
  });

  test("the spec is recorded on the very hidden spec sheet, one row per output, readable back", async () => {
    const wb = new FakeWorkbook();
    const when = () => new Date("2026-01-02T03:04:05Z");
    const a = await writeTableToNewSheet(wb.run, table, { spec: { y: "ER", x: ["NQP"] }, now: when });
    const b = await writeTableToNewSheet(wb.run, table, { sheetName: "IV", spec: { iv: true }, now: when });
    const specSheet = wb.find(SPEC_SHEET)!;
    expect(specSheet.visibility).toBe("VeryHidden");
    const recs = await readSpecs(wb.run);
    expect(recs.map((r) => [r.sheetName, r.sheetId, r.title, r.written, r.spec])).toEqual([
      ["Table 3", a.sheetId, "Table 3", "2026-01-02T03:04:05.000Z", { y: "ER", x: ["NQP"] }],
      ["IV", b.sheetId, "Table 3", "2026-01-02T03:04:05.000Z", { iv: true }],
    ]);
  });
});

describe("rewriteTableSheet", () => {
  test("refreshes an add-in sheet in place and updates its record", async () => {
    const wb = new FakeWorkbook([{ name: "Data", rows: userRows }]);
    const first = await writeTableToNewSheet(wb.run, table, { spec: { v: 1 } });
    const smaller = buildRegressionTable({ title: "Table 3 again", columns: [{ result: stepwiseColumns()[0] }] });
    const res = await rewriteTableSheet(wb.run, "Table 3", smaller, { spec: { v: 2 } });
    expect(res.sheetId).toBe(first.sheetId);
    const out = wb.find("Table 3")!;
    expect(out.at(0, 0)!.value).toBe("Table 3 again");
    expect(out.values()[0].length).toBe(2);
    const recs = await readSpecs(wb.run);
    expect(recs).toHaveLength(1);
    expect(recs[0].spec).toEqual({ v: 2 });
    expect(wb.sheets).toHaveLength(3);
  });

  test("refuses a sheet the add-in did not write, and touches nothing", async () => {
    const wb = new FakeWorkbook([{ name: "Data", rows: userRows }]);
    await writeTableToNewSheet(wb.run, table, { spec: {} });
    const data = wb.find("Data")!;
    await expect(rewriteTableSheet(wb.run, "Data", table)).rejects.toThrow(/not written by the NQP add-in/);
    await expect(rewriteTableSheet(wb.run, "Nope", table)).rejects.toThrow(/no sheet named "Nope"/);
    expect(data.values()).toEqual(userRows);
    expect(data.rangeRequests).toBe(0);
  });
});
