/**
 * Chunked reading of a data block (the selection, the current region of the active cell, or an Excel
 * table) whose first row holds the variable names.
 *
 * Excel on the web rejects a request whose payload exceeds 5 MB, so values are read in row chunks sized
 * from the bytes the previous chunks actually took (JSON length of their values): every request stays
 * under `maxRequestBytes` (default 4 MB) with a safety margin. If Excel still refuses a chunk as too
 * large (RequestPayloadSizeLimitExceeded), the chunk is halved and retried.
 * Reading yields between chunks: progress is reported and an AbortSignal cancels the read.
 */
import type { ExcelRunner } from "./context";
import type { Cell } from "../engine/frame/missing";

export type DataSource =
  | { readonly kind: "selection" }
  | { readonly kind: "region" }
  | { readonly kind: "table"; readonly name: string };

export interface ReadProgress {
  readonly rowsRead: number;
  readonly totalRows: number;
  readonly requests: number;
}

export interface RangeInfo {
  readonly sheet: string;
  /** Address of the whole block including the header row, e.g. "Data!A1:L3125". */
  readonly address: string;
  readonly header: readonly string[];
  /** Data rows below the header. */
  readonly nrow: number;
  readonly ncol: number;
}

export interface ReadOptions {
  /** Upper bound for the values payload of any single request, in bytes. Default 4,000,000. */
  readonly maxRequestBytes?: number;
  /** Called after every chunk. */
  readonly onProgress?: (p: ReadProgress) => void;
  /** Called with the block's shape and header before any data row is read. */
  readonly onInfo?: (info: RangeInfo) => void;
  /** Receives the data rows chunk by chunk (firstRow is 0-based below the header). When given, rows are not kept. */
  readonly onChunk?: (rows: Cell[][], firstRow: number) => void | Promise<void>;
  readonly signal?: AbortSignal;
}

export interface ReadResult extends RangeInfo {
  /** The data rows, unless `onChunk` consumed them. */
  readonly rows: Cell[][] | null;
  readonly requests: number;
  /** Largest values payload of a single request (JSON bytes), for diagnostics and tests. */
  readonly maxPayloadBytes: number;
}

export class ReadCancelled extends Error {
  constructor() {
    super("Reading the data was cancelled.");
    this.name = "ReadCancelled";
  }
}

export class DataRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataRangeError";
  }
}

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** Chunks aim at this share of the limit, leaving room for a chunk whose cells are longer than the last. */
const TARGET_SHARE = 0.6;
/** Bytes per cell assumed before anything has been measured (long numbers with a comma). */
const FIRST_GUESS_BYTES_PER_CELL = 24;
const FIRST_CHUNK_MAX_ROWS = 2000;

/** The JSON size of a block of values: what the request carries for them. */
export function payloadBytes(values: readonly (readonly unknown[])[]): number {
  return JSON.stringify(values).length;
}

function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  const msg = e instanceof Error ? e.message : String(e);
  return /PayloadSizeLimit|payload.*(large|limit)|RequestPayloadSizeLimitExceeded/i.test(code + " " + msg);
}

async function resolveRange(ctx: Excel.RequestContext, source: DataSource): Promise<Excel.Range> {
  if (source.kind === "table") {
    const table = ctx.workbook.tables.getItemOrNullObject(source.name);
    await ctx.sync();
    if (table.isNullObject === true) throw new DataRangeError(`There is no Excel table named "${source.name}". Pick another table or use the selection.`);
    return table.getRange();
  }
  if (source.kind === "region") return ctx.workbook.getActiveCell().getSurroundingRegion();
  const selected = ctx.workbook.getSelectedRange();
  selected.load("cellCount");
  await ctx.sync();
  // One cell selected: the user means the block around it.
  if (selected.cellCount === 1) return selected.getSurroundingRegion();
  // Whole columns selected: keep only the used part.
  const used = selected.getUsedRangeOrNullObject(true);
  await ctx.sync();
  if (used.isNullObject === true) throw new DataRangeError("The selection is empty. Select the data block including its header row.");
  return used;
}

function headerNames(row: readonly unknown[]): string[] {
  return row.map((h) => (h === null || h === undefined ? "" : String(h).trim()));
}

/** Reads the block named by `source`; see the file header for the chunking rules. */
export async function readDataRange(run: ExcelRunner, source: DataSource, opts: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const target = maxBytes * TARGET_SHARE;
  const check = () => {
    if (opts.signal?.aborted) throw new ReadCancelled();
  };
  check();
  return run(async (ctx) => {
    const range = await resolveRange(ctx, source);
    range.load(["address", "rowCount", "columnCount", "rowIndex", "columnIndex"]);
    const sheet = range.worksheet;
    sheet.load("name");
    await ctx.sync();
    if (range.rowCount < 2) {
      throw new DataRangeError(`The data block ${range.address} has ${range.rowCount} row(s): it needs a header row with variable names and at least one data row.`);
    }
    const ncol = range.columnCount;
    const nrow = range.rowCount - 1;
    const headerRange = sheet.getRangeByIndexes(range.rowIndex, range.columnIndex, 1, ncol);
    headerRange.load("values");
    await ctx.sync();
    let requests = 1;
    let maxPayload = payloadBytes(headerRange.values);
    const info: RangeInfo = { sheet: sheet.name, address: range.address, header: headerNames(headerRange.values[0]), nrow, ncol };
    opts.onInfo?.(info);
    const kept: Cell[][] | null = opts.onChunk ? null : [];
    let bytesPerRow = FIRST_GUESS_BYTES_PER_CELL * ncol;
    let read = 0;
    let first = true;
    while (read < nrow) {
      check();
      let rows = Math.max(1, Math.floor(target / bytesPerRow));
      if (first) rows = Math.min(rows, FIRST_CHUNK_MAX_ROWS);
      rows = Math.min(rows, nrow - read);
      let values: Cell[][];
      for (;;) {
        const chunk = sheet.getRangeByIndexes(range.rowIndex + 1 + read, range.columnIndex, rows, ncol);
        chunk.load("values");
        try {
          await ctx.sync();
          values = chunk.values as Cell[][];
          break;
        } catch (e) {
          if (!isPayloadTooLarge(e) || rows === 1) throw e;
          rows = Math.max(1, Math.floor(rows / 2));
        } finally {
          requests++;
        }
      }
      const bytes = payloadBytes(values);
      maxPayload = Math.max(maxPayload, bytes);
      // Learn from the widest rows seen so far (never shrink the estimate).
      bytesPerRow = Math.max(bytesPerRow * (first ? 0 : 1), bytes / rows, 2 * ncol);
      first = false;
      if (opts.onChunk) await opts.onChunk(values, read);
      else for (const row of values) kept!.push(row);
      read += rows;
      opts.onProgress?.({ rowsRead: read, totalRows: nrow, requests });
      // Let the UI (and a Cancel click) in between chunks.
      await new Promise((r) => setTimeout(r, 0));
    }
    return { ...info, rows: kept, requests, maxPayloadBytes: maxPayload };
  });
}

/** Names of the Excel tables in the workbook, for the data source picker. */
export async function listTables(run: ExcelRunner): Promise<string[]> {
  return run(async (ctx) => {
    const tables = ctx.workbook.tables;
    tables.load("items/name");
    await ctx.sync();
    return tables.items.map((t) => t.name);
  });
}
