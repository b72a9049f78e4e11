/**
 * What the task pane asks of the workbook, as one interface: read the data block (chunked), list
 * tables, write a result table to a NEW sheet, list the runs recorded with the add-in's tables, and
 * refresh one of those tables in place (Re-run); write computed columns (index scores) to a NEW sheet. Components receive it through React context
 * (src/taskpane/services.tsx); `createOfficeWorkbook` implements it on Office.js, tests use fakes.
 */
import type { DataSource, ReadOptions, ReadResult } from "./range-reader";
import type { ExcelRunner } from "./context";
import { listTables, readDataRange } from "./range-reader";
import { readSpecs } from "./spec-store";
import { rewriteTableSheet, writeTableToNewSheet } from "./table-writer";
import { writeColumnsToNewSheet, WriteColumnsRequest } from "./columns-writer";
import type { Table } from "../report/table";
import type { Chart } from "../report/charts/chart";
import { writeChartToNewSheet } from "./chart-writer";

/** A run recorded with an output sheet: enough to re-run it. */
export interface RunRecord {
  /** The add-in's output sheet holding the table. */
  readonly sheet: string;
  readonly title: string;
  /** ISO time of the last write. */
  readonly when: string;
  /** The block the add-in wrote on the sheet, e.g. "A1:G30" ("" for records of older versions: the whole sheet). */
  readonly range?: string;
  /** The job spec (src/taskpane/worker/protocol.ts JobSpec) and table options, as stored. */
  readonly spec: unknown;
  readonly options: unknown;
  /** Where the data came from. */
  readonly source: DataSource;
}

export interface WriteRequest {
  readonly table: Table;
  readonly spec: unknown;
  readonly options: unknown;
  readonly source: DataSource;
  /** Extra columns (index scores) written under the table with their row labels. */
  readonly columns?: readonly { readonly name: string; readonly values: ArrayLike<number> }[];
}

export interface PaneWorkbook {
  listTables(): Promise<string[]>;
  readData(source: DataSource, opts: ReadOptions): Promise<ReadResult>;
  /** Writes to a new sheet (never an existing one); returns the sheet's name. */
  writeTable(req: WriteRequest): Promise<string>;
  listRuns(): Promise<RunRecord[]>;
  /** Rewrites the table on `sheet`, which must be an add-in output sheet (checked by the spec store). */
  rewriteTable(sheet: string, req: WriteRequest): Promise<void>;
  /** Writes a data block (header + columns, chunked) to a new sheet; returns the sheet's name. Not recorded as a run. */
  writeColumns(req: WriteColumnsRequest): Promise<string>;
  /** Draws a native chart with its data on a new sheet (src/excel/chart-writer.ts); returns the sheet's name. */
  writeChart(chart: Chart): Promise<string>;
}


/** What the pane stores as the spec of each output sheet (SpecRecord.spec). */
interface PaneSpec {
  readonly pane: 1;
  readonly job: unknown;
  readonly options: unknown;
  readonly source: DataSource;
}

function isPaneSpec(x: unknown): x is PaneSpec {
  return typeof x === "object" && x !== null && (x as PaneSpec).pane === 1 && typeof (x as PaneSpec).source === "object";
}

/** The pane's workbook on Office.js (through `run`, see ./context.ts). */
export function createOfficeWorkbook(run: ExcelRunner): PaneWorkbook {
  const specOf = (req: WriteRequest): PaneSpec => ({ pane: 1, job: req.spec, options: req.options, source: req.source });
  return {
    listTables: () => listTables(run),
    readData: (source, opts) => readDataRange(run, source, opts),
    writeTable: async (req) => (await writeTableToNewSheet(run, req.table, { spec: specOf(req) })).sheetName,
    rewriteTable: async (sheet, req) => {
      await rewriteTableSheet(run, sheet, req.table, { spec: specOf(req) });
    },
    writeColumns: async (req) => (await writeColumnsToNewSheet(run, req)).sheetName,
    writeChart: async (chart) => (await writeChartToNewSheet(run, chart)).sheetName,
    listRuns: async () =>
      (await readSpecs(run)).flatMap((r) =>
        isPaneSpec(r.spec) ? [{ sheet: r.sheetName, title: r.title, when: r.written, range: r.range ?? "", spec: r.spec.job, options: r.spec.options, source: r.spec.source }] : [],
      ),
  };
}
