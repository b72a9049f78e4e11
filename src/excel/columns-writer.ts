/**
 * Office.js columns writer: a plain data block (header row + one column per variable) on a NEW sheet
 * with a unique name, e.g. the index scores the task pane computed, row-aligned with the loaded data.
 * Numbers stay numbers; NaN and null are written as blank cells. A note (what the blank rows are) goes
 * in the column after one empty column, so the data block stays its own current region.
 *
 * Syncs are bounded: 1 (free sheet name, probed as the table writer does) + one per chunk of at most `cellsPerRequest` cells + 1
 * (header format, activate), so 1e5+ rows stay far below Excel's 5 MB request limit.
 */
import type { ExcelRunner } from "./context";
import { counted, freeSheetName } from "./table-writer";

export type ColumnValues = ArrayLike<number> | readonly (string | number | null)[];

export interface DataColumn {
  readonly name: string;
  readonly values: ColumnValues;
}

export interface WriteColumnsRequest {
  /** Wanted sheet name; made valid and unique (never an existing sheet). */
  readonly sheetName: string;
  readonly columns: readonly DataColumn[];
  /** Lines written beside the block (e.g. how many rows are blank and why). */
  readonly notes?: readonly string[];
  /** Cells per write request (default 20,000, about 0.5 MB of JSON). */
  readonly cellsPerRequest?: number;
}

export interface WrittenColumns {
  readonly sheetName: string;
  readonly rows: number;
  /** context.sync() calls made. */
  readonly syncs: number;
}

export class ColumnsWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ColumnsWriteError";
  }
}

type Out = string | number | null;

function cellOf(v: string | number | null | undefined): Out {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return v;
}

function rowsOf(columns: readonly DataColumn[], r0: number, n: number): Out[][] {
  const out: Out[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Out[] = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) row[j] = cellOf(columns[j].values[r0 + i] as string | number | null);
    out[i] = row;
  }
  return out;
}

/** Writes `req.columns` to a new sheet; see the file header for the sync budget. */
export async function writeColumnsToNewSheet(run: ExcelRunner, req: WriteColumnsRequest): Promise<WrittenColumns> {
  const ncol = req.columns.length;
  if (ncol === 0) throw new ColumnsWriteError("There are no columns to write.");
  const nrow = req.columns[0].values.length;
  const bad = req.columns.find((c) => c.values.length !== nrow);
  if (bad) throw new ColumnsWriteError(`Column "${bad.name}" has ${bad.values.length} rows but "${req.columns[0].name}" has ${nrow}; the columns must be row-aligned.`);
  const cells = req.cellsPerRequest ?? 20000;
  if (!Number.isInteger(cells) || cells < 1) throw new ColumnsWriteError(`cellsPerRequest must be a positive whole number, got ${cells}.`);
  const chunk = Math.max(1, Math.floor(cells / ncol));
  return run(async (ctx) => {
    const { sync, count } = counted(ctx);
    const name = await freeSheetName(ctx, req.sheetName, sync);
    const sheet = ctx.workbook.worksheets.add(name);
    sheet.getRangeByIndexes(0, 0, 1, ncol).values = [req.columns.map((c) => c.name)];
    const notes = req.notes ?? [];
    if (notes.length) sheet.getRangeByIndexes(0, ncol + 1, notes.length + 1, 1).values = [["Note"], ...notes.map((t) => [t])];
    for (let r0 = 0; r0 < nrow; r0 += chunk) {
      const n = Math.min(chunk, nrow - r0);
      sheet.getRangeByIndexes(1 + r0, 0, n, ncol).values = rowsOf(req.columns, r0, n);
      await sync();
    }
    sheet.getRangeByIndexes(0, 0, 1, ncol).format.font.bold = true;
    if (notes.length) sheet.getRangeByIndexes(0, ncol + 1, 1, 1).format.font.bold = true;
    sheet.activate();
    await sync();
    return { sheetName: name, rows: nrow, syncs: count() };
  });
}
