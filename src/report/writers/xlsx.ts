/**
 * xlsx rendering with ExcelJS (the command line and the demo): each table on its own worksheet as
 * laid out by ../grid.ts: numbers as numeric cells with number formats (stars and brackets inside the
 * format), rules as cell borders (heavy = medium line, thin = thin line), merged group headers,
 * column widths from the content, a print area around the table, gridlines hidden.
 */
import ExcelJS from "exceljs";
import { SheetGrid, TABLE_FONT, blockAddress, layoutTable } from "../grid";
import { Table } from "../table";
import { SPEC_SHEET, SpecRecord, specSheetRows } from "../spec-record";
import { uniqueSheetName, validSheetName } from "../sheet-names";

const BORDER: Record<"heavy" | "thin", ExcelJS.BorderStyle> = { heavy: "medium", thin: "thin" };

/** Writes the grid on a fresh worksheet of `wb` and returns it. */
export function addGridSheet(wb: ExcelJS.Workbook, name: string, grid: SheetGrid): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(validSheetName(name), { views: [{ showGridLines: false }] });
  for (let r = 0; r < grid.nrow; r++) {
    const row = ws.getRow(r + 1);
    for (let c = 0; c < grid.ncol; c++) {
      const v = grid.values[r][c];
      const cell = row.getCell(c + 1);
      cell.font = { ...TABLE_FONT, bold: grid.bold[r][c] };
      if (v === "") continue;
      cell.value = v;
      cell.numFmt = grid.formats[r][c];
      cell.alignment = { horizontal: grid.align[r][c], vertical: "middle" };
    }
  }
  for (const m of grid.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + 1, m.col + m.cols);
  for (const rule of grid.rules) {
    for (let c = rule.col; c < rule.col + rule.cols; c++) {
      const cell = ws.getCell(rule.row + 1, c + 1);
      cell.border = { ...(cell.border ?? {}), [rule.edge]: { style: BORDER[rule.weight] } };
    }
  }
  grid.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  ws.pageSetup.printArea = blockAddress(0, 0, grid.nrow, grid.ncol);
  ws.pageSetup.orientation = "portrait";
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
  return ws;
}

export interface SheetTable {
  readonly sheet: string;
  readonly table: Table;
  /** The spec that produced the table (recorded in the hidden spec sheet, for re-running). */
  readonly spec?: unknown;
}

/** A workbook with one sheet per table and, when any table has a spec, the hidden spec sheet. */
export function tablesWorkbook(tables: readonly SheetTable[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "NQP add-in";
  const used = new Set<string>();
  const records: SpecRecord[] = [];
  const written = new Date().toISOString();
  for (const t of tables) {
    const name = uniqueSheetName(t.sheet, used);
    used.add(name);
    const grid = layoutTable(t.table);
    addGridSheet(wb, name, grid);
    if (t.spec !== undefined) records.push({ sheetName: name, sheetId: "", written, title: t.table.title, range: blockAddress(0, 0, grid.nrow, grid.ncol), spec: t.spec });
  }
  if (records.length) {
    const ws = wb.addWorksheet(SPEC_SHEET, { state: "veryHidden" });
    for (const row of specSheetRows(records)) ws.addRow(row);
  }
  return wb;
}

export async function writeTablesXlsx(path: string, tables: readonly SheetTable[]): Promise<void> {
  await tablesWorkbook(tables).xlsx.writeFile(path);
}
