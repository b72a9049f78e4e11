/**
 * Office.js columns writer (index scores on a new sheet) against office-addin-mock objects
 * (fake-office-workbook.ts: load/sync discipline) and the in-memory workbook (test/e2e/memory-excel.ts,
 * which logs every request's payload). Synthetic columns: layout only.
 */
import { MemoryWorkbook } from "../e2e/memory-excel";
import { FakeWorkbook } from "./fake-office-workbook";
import { writeColumnsToNewSheet } from "../../src/excel/columns-writer";

test("new sheet with a unique name, header + rows, blanks for NaN/null, note beside the block", async () => {
  const wb = new MemoryWorkbook([{ name: "Data", rows: [["a"], [1]] }, { name: "ER scores", rows: [["old"]] }]);
  const res = await writeColumnsToNewSheet(wb.run, {
    sheetName: "ER scores",
    columns: [
      { name: "city_id", values: ["C001", "C001", null] },
      { name: "ER", values: Float64Array.from([NaN, 0.25, -1.5]) },
    ],
    notes: ["1 of 3 rows have no ER: 1 first period of the unit."],
  });
  expect(res.sheetName).toBe("ER scores (2)");
  expect(wb.block("ER scores")).toEqual([["old"]]);
  expect(wb.block("ER scores (2)")).toEqual([
    ["city_id", "ER", "", "Note"],
    ["C001", "", "", "1 of 3 rows have no ER: 1 first period of the unit."],
    ["C001", 0.25, "", ""],
    ["", -1.5, "", ""],
  ]);
  expect(wb.activeSheet).toBe("ER scores (2)");
  // names + one chunk + formats
  expect(res.syncs).toBe(3);
});

test("150,000 rows: bounded syncs, every request under 1 MB", async () => {
  const n = 150000;
  const wb = new MemoryWorkbook([{ name: "Data", rows: [["a"]] }]);
  const id = Array.from({ length: n }, (_, i) => `C${String(i % 1000).padStart(4, "0")}`);
  const year = Float64Array.from({ length: n }, (_, i) => 2000 + Math.floor(i / 1000));
  const score = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? NaN : Math.sin(i)));
  const before = wb.requests.length;
  const res = await writeColumnsToNewSheet(wb.run, { sheetName: "NQP scores", columns: [{ name: "id", values: id }, { name: "year", values: year }, { name: "NQP", values: score }] });
  const chunk = Math.floor(20000 / 3);
  expect(res.syncs).toBe(2 + Math.ceil(n / chunk));
  const requests = wb.requests.slice(before);
  expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThan(1024 * 1024);
  const block = wb.block("NQP scores", 0, 0, n + 1, 3);
  expect(block[n]).toEqual([id[n - 1], year[n - 1], Number.isNaN(score[n - 1]) ? "" : score[n - 1]]);
  expect(block[1 + 7]).toEqual([id[7], year[7], ""]);
});

test("columns of different lengths are refused", async () => {
  const wb = new MemoryWorkbook([{ name: "Data", rows: [["a"]] }]);
  await expect(writeColumnsToNewSheet(wb.run, { sheetName: "x", columns: [{ name: "a", values: [1, 2] }, { name: "b", values: [1] }] })).rejects.toThrow(/row-aligned/);
});

test("office-addin-mock: writes through load/sync, existing sheets untouched", async () => {
  const rows = [["city_id", "year", "ER"], ["C001", 2013, 0.5]];
  const wb = new FakeWorkbook([{ name: "Data", rows }, { name: "NQP scores", rows: [["x"]] }]);
  const res = await writeColumnsToNewSheet(wb.run, {
    sheetName: "NQP scores",
    columns: [
      { name: "city_id", values: ["C001", "C002"] },
      { name: "NQP", values: Float64Array.from([0.125, NaN]) },
      { name: "NQP_A", values: Float64Array.from([Infinity, 0.5]) },
    ],
    notes: ["1 of 2 rows are blank: 1 lack an indicator value."],
    cellsPerRequest: 3,
  });
  expect(res).toEqual({ sheetName: "NQP scores (2)", rows: 2, syncs: 1 + 2 + 1 });
  expect(wb.syncs).toBe(res.syncs);
  expect(wb.find("Data")!.rangeRequests).toBe(0);
  expect(wb.find("Data")!.values()).toEqual(rows);
  expect(wb.find("NQP scores")!.values()).toEqual([["x"]]);
  expect(wb.find("NQP scores (2)")!.values()).toEqual([
    ["city_id", "NQP", "NQP_A", "", "Note"],
    ["C001", 0.125, "", "", "1 of 2 rows are blank: 1 lack an indicator value."],
    ["C002", "", 0.5, "", ""],
  ]);
  // NaN and Infinity go out as null (Office.js: leave the cell as it is, i.e. blank on a new sheet).
  expect(wb.find("NQP scores (2)")!.at(1, 2)!.value).toBeNull();
  expect(wb.active).toBe("NQP scores (2)");
});
