/**
 * The streaming .xlsx reader (readXlsxRows on ExcelJS's WorkbookReader) against ExcelJS's full
 * Workbook reader, which it replaced: same rows of cells for the first sheet in workbook order, with
 * numbers, text, shared strings, dates, booleans, formulas with results, error values, empty rows and
 * a data column without a header (padded, so the Frame names the unnamed column).
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { excelValueToCell, readDataFile, readXlsxRows } from "../../src/cli/data";
import { Cell } from "../../src/engine/frame";

async function fullReader(path: string): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  const width = ws.columnCount;
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (r) => {
    const cells: Cell[] = new Array(width).fill(null);
    for (let j = 1; j <= width; j++) cells[j - 1] = excelValueToCell(r.getCell(j).value);
    rows.push(cells);
  });
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), "nqp-xlsx-"));

test("same rows as the full reader, first sheet in workbook order", async () => {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("Data");
  a.addRow(["id", "year", "y", "when", "flag", "f"]);
  a.addRow(["A", 2001, 1.5, new Date(Date.UTC(2020, 0, 31)), true, { formula: "C2*2", result: 3 }]);
  a.addRow([]);
  a.addRow(["B", 2002, { error: "#N/A" }, null, false, { formula: "C4", result: "x" }]);
  a.getRow(5).getCell(1).value = "C";
  a.getRow(5).getCell(3).value = 2.25;
  const b = wb.addWorksheet("Other");
  b.addRow(["z"]);
  b.addRow([9]);
  const path = join(dir, "d.xlsx");
  await wb.xlsx.writeFile(path);
  const rows = await readXlsxRows(path);
  expect(rows).toEqual(await fullReader(path));
  expect(rows[0][0]).toBe("id");
  expect(rows[1][3]).toBe("2020-01-31");
});

test("a data column without a header is named in the error, as before", async () => {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("S");
  a.addRow(["x", "y"]);
  a.addRow([1, 2, 3]);
  const path = join(dir, "ragged.xlsx");
  await wb.xlsx.writeFile(path);
  expect(await readXlsxRows(path)).toEqual(await fullReader(path));
  await expect(readDataFile("ragged.xlsx", dir)).rejects.toThrow(/Column 3 has no name/);
});
