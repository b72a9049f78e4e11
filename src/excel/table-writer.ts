/**
 * Office.js table writer: renders a report Table (laid out by ../report/grid.ts, the same placement
 * as the xlsx file writer) onto a NEW worksheet with a unique name ("Table 3", "Table 3 (2)", ...),
 * never touching an existing sheet; numbers stay numbers with number formats; rules are borders;
 * columns autofit; gridlines off; nothing frozen. The spec that produced the table is recorded in the
 * spec store (./spec-store.ts) so the task pane can re-run it.
 *
 * Syncs are bounded: 1 (free names + spec store) + one per chunk of `chunkRows` rows + 1 (formats,
 * spec record). `rewriteTableSheet` refreshes a sheet in place, only when the spec store says the add-in
 * wrote it (Re-run in the task pane).
 */
import type { ExcelRunner } from "./context";
import { GridRule, SheetGrid, TABLE_FONT, blockAddress, layoutTable } from "../report/grid";
import { Table } from "../report/table";
import { candidateName, validSheetName } from "../report/sheet-names";
import { SpecSnapshot, foreignSpecSheetMessage, isAddinSheet, queueSpecRead, queueSpecWrite } from "./spec-store";

export { uniqueSheetName, validSheetName } from "../report/sheet-names";

export class TableWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TableWriteError";
  }
}

export interface WriteTableOptions {
  /** Wanted sheet name (default: the table title); made unique and valid. */
  readonly sheetName?: string;
  /** Recorded in the spec store (any JSON value). */
  readonly spec?: unknown;
  /** Rows per write request (default 500). */
  readonly chunkRows?: number;
  /** Activate the new sheet (default true). */
  readonly activate?: boolean;
  /** Clock for the record (tests). */
  readonly now?: () => Date;
}

export interface WrittenTable {
  readonly sheetName: string;
  readonly sheetId: string;
  /** Address of the written block, e.g. "A1:G30". */
  readonly address: string;
  /** context.sync() calls made. */
  readonly syncs: number;
}

const CANDIDATES_PER_SYNC = 25;
const DEFAULT_CHUNK_ROWS = 500;

/** ctx.sync() with a count of the calls (the writers report their sync budget). */
export function counted(ctx: Excel.RequestContext): { sync: () => Promise<void>; count: () => number } {
  let n = 0;
  return {
    sync: async () => {
      n++;
      await ctx.sync();
    },
    count: () => n,
  };
}

/** The first free name among `base`, `base (2)`, ... probed 25 per sync; `beforeFirstSync` queues more work on that sync. */
export async function freeSheetName(ctx: Excel.RequestContext, base: string, sync: () => Promise<void>, beforeFirstSync: () => void = () => undefined): Promise<string> {
  const b = validSheetName(base);
  for (let start = 1; ; start += CANDIDATES_PER_SYNC) {
    const names = Array.from({ length: CANDIDATES_PER_SYNC }, (_, i) => candidateName(b, start + i));
    const probes = names.map((n) => ctx.workbook.worksheets.getItemOrNullObject(n));
    if (start === 1) beforeFirstSync();
    await sync();
    const free = probes.findIndex((p) => p.isNullObject);
    if (free >= 0) return names[free];
  }
}

/** Queues values and number formats of grid rows [r0, r0 + n) (formats first, so text stays text). */
function queueValues(sheet: Excel.Worksheet, grid: SheetGrid, r0: number, n: number): void {
  const range = sheet.getRangeByIndexes(r0, 0, n, grid.ncol);
  range.numberFormat = grid.formats.slice(r0, r0 + n);
  range.values = grid.values.slice(r0, r0 + n);
}

const EDGE: Record<GridRule["edge"], Excel.BorderIndex> = { top: "EdgeTop" as Excel.BorderIndex, bottom: "EdgeBottom" as Excel.BorderIndex };
const WEIGHT: Record<GridRule["weight"], Excel.BorderWeight> = { heavy: "Medium" as Excel.BorderWeight, thin: "Thin" as Excel.BorderWeight };

/** Queues fonts, alignment, merges, rules, widths and heights. */
function queueFormats(sheet: Excel.Worksheet, grid: SheetGrid, tableRows: number): void {
  const all = sheet.getRangeByIndexes(0, 0, grid.nrow, grid.ncol);
  all.format.font.name = TABLE_FONT.name;
  all.format.font.size = TABLE_FONT.size;
  all.format.verticalAlignment = "Center" as Excel.VerticalAlignment;
  sheet.getRangeByIndexes(grid.titleRow, 0, grid.tableRow - grid.titleRow, 1).format.font.bold = true;
  sheet.getRangeByIndexes(grid.tableRow, 0, tableRows, 1).format.horizontalAlignment = "Left" as Excel.HorizontalAlignment;
  if (grid.ncol > 1) sheet.getRangeByIndexes(grid.tableRow, 1, tableRows, grid.ncol - 1).format.horizontalAlignment = "Center" as Excel.HorizontalAlignment;
  for (const m of grid.merges) sheet.getRangeByIndexes(m.row, m.col, 1, m.cols).merge(false);
  for (const rule of grid.rules) {
    const border = sheet.getRangeByIndexes(rule.row, rule.col, 1, rule.cols).format.borders.getItem(EDGE[rule.edge]);
    border.style = "Continuous" as Excel.BorderLineStyle;
    border.weight = WEIGHT[rule.weight];
  }
  // Autofit on the table rows only: the title and note lines overflow to the right by design.
  sheet.getRangeByIndexes(grid.tableRow, 0, tableRows, grid.ncol).format.autofitColumns();
  sheet.showGridlines = false;
}

async function writeGrid(sheet: Excel.Worksheet, grid: SheetGrid, tableRows: number, chunk: number, sync: () => Promise<void>): Promise<void> {
  for (let r0 = 0; r0 < grid.nrow; r0 += chunk) {
    queueValues(sheet, grid, r0, Math.min(chunk, grid.nrow - r0));
    await sync();
  }
  queueFormats(sheet, grid, tableRows);
}

function chunkOf(opts: WriteTableOptions): number {
  const c = opts.chunkRows ?? DEFAULT_CHUNK_ROWS;
  if (!Number.isInteger(c) || c < 1) throw new TableWriteError(`chunkRows must be a positive whole number, got ${c}.`);
  return c;
}

function address(grid: SheetGrid): string {
  return blockAddress(0, 0, grid.nrow, grid.ncol);
}

/** Writes `table` to a new sheet with a unique name; see the file header for the sync budget. */
export async function writeTableToNewSheet(run: ExcelRunner, table: Table, opts: WriteTableOptions = {}): Promise<WrittenTable> {
  const grid = layoutTable(table);
  const chunk = chunkOf(opts);
  return run(async (ctx) => {
    const { sync, count } = counted(ctx);
    let pending: ReturnType<typeof queueSpecRead> | null = null;
    const name = await freeSheetName(ctx, opts.sheetName ?? table.title, sync, () => {
      if (opts.spec !== undefined) pending = queueSpecRead(ctx);
    });
    const snap: SpecSnapshot | null = pending ? (pending as ReturnType<typeof queueSpecRead>).result() : null;
    // Checked before anything is written: a user's own "_nqp_specs" sheet is never written into.
    if (snap?.foreign) throw new TableWriteError(foreignSpecSheetMessage());
    const sheet = ctx.workbook.worksheets.add(name);
    sheet.load(["id", "name"]);
    await writeGrid(sheet, grid, table.rows.length, chunk, sync);
    if (snap) {
      queueSpecWrite(ctx, snap, { sheetName: sheet.name, sheetId: sheet.id, written: (opts.now ?? (() => new Date()))().toISOString(), title: table.title, range: address(grid), spec: opts.spec });
    }
    if (opts.activate !== false) sheet.activate();
    await sync();
    return { sheetName: sheet.name, sheetId: sheet.id, address: address(grid), syncs: count() };
  });
}

/** "A1:G30" (or "B2") as 0-based row, col, rows, cols; null when it is not such an address. */
export function parseBlockAddress(a: string): { row: number; col: number; rows: number; cols: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(a.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((v, ch) => v * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? col(m[3]) : c0;
  return { row: Math.min(r0, r1), col: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

/**
 * Re-run: writes `table` on `sheetName` in place, only if the spec store records the sheet as an add-in
 * output (by worksheet id; by name for files written by the command line). Only the block the add-in
 * wrote (the record's range) is cleared, so what a user typed elsewhere on the sheet stays; when the new
 * table is larger and would cover a non-empty cell outside that block, nothing is written and the error
 * names the cell. Records of older versions have no range: the whole sheet is cleared, as before (the task
 * pane asks first). Updates the record.
 */
export async function rewriteTableSheet(run: ExcelRunner, sheetName: string, table: Table, opts: Omit<WriteTableOptions, "sheetName" | "activate"> = {}): Promise<WrittenTable> {
  const grid = layoutTable(table);
  const chunk = chunkOf(opts);
  return run(async (ctx) => {
    const { sync, count } = counted(ctx);
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(sheetName);
    sheet.load(["id", "name"]);
    const pending = queueSpecRead(ctx);
    const usedCells = sheet.getUsedRangeOrNullObject(true);
    usedCells.load(["values", "rowIndex", "columnIndex"]);
    await sync();
    if (sheet.isNullObject) throw new TableWriteError(`There is no sheet named "${sheetName}" to re-run.`);
    const snap = pending.result();
    if (snap.foreign) throw new TableWriteError(foreignSpecSheetMessage());
    const record = isAddinSheet(snap, sheet.id, sheet.name);
    if (!record) {
      throw new TableWriteError(`Sheet "${sheetName}" was not written by the NQP add-in, so it is left untouched. Run the model again to get a new sheet.`);
    }
    const old = record.range ? parseBlockAddress(record.range) : null;
    if (old && !usedCells.isNullObject) {
      const r0 = usedCells.rowIndex ?? 0;
      const c0 = usedCells.columnIndex ?? 0;
      const inOld = (r: number, c: number) => r >= old.row && r < old.row + old.rows && c >= old.col && c < old.col + old.cols;
      usedCells.values.forEach((row, i) => row.forEach((v, j) => {
        const r = r0 + i;
        const c = c0 + j;
        if (v !== "" && v !== null && r < grid.nrow && c < grid.ncol && !inOld(r, c)) {
          throw new TableWriteError(
            `Re-run would write over cell ${blockAddress(r, c, 1, 1)} of "${sheet.name}", which the add-in did not write (its table was ${record.range}); ` +
              `nothing was changed. Move that cell's content, or run the model again to get a new sheet.`,
          );
        }
      }));
    }
    const target = old ? sheet.getRangeByIndexes(old.row, old.col, old.rows, old.cols) : sheet.getRange();
    target.unmerge();
    target.clear("All" as Excel.ClearApplyTo);
    await writeGrid(sheet, grid, table.rows.length, chunk, sync);
    queueSpecWrite(ctx, snap, {
      sheetName: sheet.name,
      sheetId: sheet.id,
      written: (opts.now ?? (() => new Date()))().toISOString(),
      title: table.title,
      range: address(grid),
      spec: opts.spec === undefined ? record.spec : opts.spec,
    });
    await sync();
    return { sheetName: sheet.name, sheetId: sheet.id, address: address(grid), syncs: count() };
  });
}
