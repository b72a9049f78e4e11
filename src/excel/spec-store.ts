/**
 * Spec store: which sheets the add-in wrote and the spec that produced each, kept in the very hidden
 * worksheet "_nqp_specs" of the workbook (layout and encoding: ../report/spec-record.ts). A hidden
 * sheet was chosen over custom XML parts or document settings because it travels with the file, is
 * readable by the command line's ExcelJS (files written by `nqp table` carry the same sheet), needs
 * only ExcelApi 1.1-1.7 calls, and can be inspected by a user who unhides it.
 *
 * Reads and writes are queued on a request context without syncing, so the table writer keeps its
 * sync count bounded: `queueSpecRead` before a sync, `.result()` after it, `queueSpecWrite` before the
 * next sync.
 */
import type { ExcelRunner } from "./context";
import { SPEC_SHEET, SpecRecord, decodeSpecRows, encodeSpecRow, isLegacySpecHeader, isSpecHeader, specSheetRows } from "../report/spec-record";

export interface SpecSnapshot {
  /** Whether the spec sheet exists. */
  readonly exists: boolean;
  readonly records: readonly SpecRecord[];
  /** Rows currently used on the spec sheet (header included); 0 when it does not exist. */
  readonly usedRows: number;
  /** Widest row in cells, so a rewrite can blank leftover JSON chunks. */
  readonly usedCols: number;
  /** A sheet named "_nqp_specs" with content but without the add-in's header (its marker): never written. */
  readonly foreign?: boolean;
  /** Written by an older version (no range column): the next write rewrites it in the current layout. */
  readonly legacy?: boolean;
}

/** The message for a "_nqp_specs" sheet the add-in did not make. */
export function foreignSpecSheetMessage(): string {
  return `The workbook has a sheet named "${SPEC_SHEET}" that the NQP add-in did not make (its first row is not the add-in's header), ` +
    `so nothing was written: the add-in keeps its run records on that sheet. Rename that sheet and try again.`;
}

export interface PendingSpecRead {
  /** Call after the sync that follows `queueSpecRead`. */
  result(): SpecSnapshot;
}

export function queueSpecRead(ctx: Excel.RequestContext): PendingSpecRead {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(SPEC_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(["values", "rowCount", "columnCount"]);
  return {
    result(): SpecSnapshot {
      if (sheet.isNullObject) return { exists: false, records: [], usedRows: 0, usedCols: 0 };
      if (used.isNullObject) return { exists: true, records: [], usedRows: 0, usedCols: 0 };
      const header = used.values[0];
      if (!isSpecHeader(header)) return { exists: true, records: [], usedRows: used.rowCount, usedCols: used.columnCount, foreign: true };
      return { exists: true, records: decodeSpecRows(used.values), usedRows: used.rowCount, usedCols: used.columnCount, legacy: isLegacySpecHeader(header) };
    },
  };
}

/** The record of the sheet with this id (preferred: survives renames) or, failing that, this name. */
export function findRecord(snap: SpecSnapshot, sheetId: string, sheetName: string): SpecRecord | undefined {
  return (sheetId ? snap.records.find((r) => r.sheetId === sheetId) : undefined) ?? snap.records.find((r) => r.sheetName.toLowerCase() === sheetName.toLowerCase());
}

/**
 * Whether the sheet (id, name) is an add-in output: a record with its id, or a record with its name
 * and no id (written by the command line). A user's sheet that merely reuses the name of a deleted
 * output sheet has another id and does not count.
 */
export function isAddinSheet(snap: SpecSnapshot, sheetId: string, sheetName: string): SpecRecord | undefined {
  const r = findRecord(snap, sheetId, sheetName);
  if (!r) return undefined;
  if (r.sheetId && sheetId && r.sheetId !== sheetId) return undefined;
  return r;
}

function writeRow(sheet: Excel.Worksheet, row: number, cells: readonly string[], blankTo: number): void {
  const width = Math.max(cells.length, blankTo);
  const padded = [...cells, ...new Array<string>(width - cells.length).fill("")];
  const range = sheet.getRangeByIndexes(row, 0, 1, width);
  range.numberFormat = [padded.map(() => "@")];
  range.values = [padded];
}

/**
 * Queues writing `record`: replaces the row of the same sheet (by id, else name) or appends one;
 * creates the very hidden spec sheet with its header when missing. No sync.
 */
export function queueSpecWrite(ctx: Excel.RequestContext, snap: SpecSnapshot, record: SpecRecord): void {
  if (snap.foreign) throw new Error(foreignSpecSheetMessage());
  const sheets = ctx.workbook.worksheets;
  const cells = encodeSpecRow(record);
  if (snap.legacy) {
    // Older layout: rewrite every row in the current one (header with the range column).
    const others = snap.records.filter((r) => r !== findRecord(snap, record.sheetId, record.sheetName));
    const rows = specSheetRows([...others, record]);
    const sheet = sheets.getItem(SPEC_SHEET);
    for (let i = 0; i < Math.max(rows.length, snap.usedRows); i++) writeRow(sheet, i, rows[i] ?? [], snap.usedCols + 1);
    return;
  }
  if (!snap.exists) {
    const sheet = sheets.add(SPEC_SHEET);
    specSheetRows([record]).forEach((row, i) => writeRow(sheet, i, row, 0));
    sheet.visibility = "VeryHidden";
    return;
  }
  const sheet = sheets.getItem(SPEC_SHEET);
  const old = findRecord(snap, record.sheetId, record.sheetName);
  if (old) {
    writeRow(sheet, old.row ?? snap.records.indexOf(old) + 1, cells, snap.usedCols);
    return;
  }
  if (snap.usedRows === 0) {
    specSheetRows([record]).forEach((row, i) => writeRow(sheet, i, row, 0));
    return;
  }
  writeRow(sheet, snap.usedRows, cells, 0);
}

/** Every recorded output (for the task pane's list of runs). One sync. */
export async function readSpecs(run: ExcelRunner): Promise<SpecRecord[]> {
  return run(async (ctx) => {
    const pending = queueSpecRead(ctx);
    await ctx.sync();
    return [...pending.result().records];
  });
}
