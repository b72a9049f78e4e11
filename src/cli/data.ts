/**
 * Data files for the command line: .csv (RFC 4180: quoted fields, "" inside quotes, newlines inside
 * quotes, CRLF; encoding and delimiter detected by delimited.ts) and .xlsx (first worksheet, via ExcelJS) -> Frame (first row = headers).
 * Missing-value rules are the Frame's (blank, NA, N/A, #N/A, ".", Excel error values).
 * readDataFile reads delimited files in one streaming pass into typed columns (typed-csv.ts);
 * readDataRows keeps the rows of strings for the commands that want rows (spatial weights, --out).
 */
import { readFileSync, existsSync, statSync } from "fs";
import { extname, join, resolve } from "path";
import { Cell } from "../engine/frame/missing";
import { Frame, frameFromCells } from "../engine/frame/frame";
import { InputError } from "../engine/frame/errors";
import { parseDelimited } from "./delimited";
import { readDelimitedFrame } from "./typed-csv";
import { progressReporter } from "./read-progress";

export { parseCsv } from "./delimited";

/** An ExcelJS cell value as a plain cell: formulas give their result, rich text its text, errors their code. */
export function excelValueToCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("result" in o) return excelValueToCell(o.result);
    if ("error" in o) return String(o.error);
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("");
    if ("text" in o) return String(o.text);
    if ("formula" in o || "sharedFormula" in o) return null;
  }
  return String(v);
}

/**
 * First worksheet of an .xlsx as rows of cells (rows without values skipped, all padded to the widest
 * row), read with ExcelJS's streaming WorkbookReader: the sheet's XML is parsed as it is unzipped, so
 * no workbook model of every cell and style is built. "First" is the first sheet of the workbook's
 * order, as Workbook.worksheets[0] gives it.
 */
export async function readXlsxRows(path: string): Promise<Cell[][]> {
  // Loaded lazily: ExcelJS is large and only the .xlsx path needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore",
  });
  const model = reader as unknown as { model?: { sheets?: { id: number }[] }; stream?: { destroy?(): void } };
  try {
    for await (const ws of reader) {
      const first = model.model?.sheets?.[0]?.id;
      if (first !== undefined && (ws as unknown as { id: number }).id !== first) continue;
      const rows: Cell[][] = [];
      let width = 0;
      for await (const r of ws) {
        if (!r.hasValues) continue;
        const n = r.cellCount;
        const cells: Cell[] = new Array(n);
        for (let j = 1; j <= n; j++) cells[j - 1] = excelValueToCell(r.getCell(j).value);
        if (n > width) width = n;
        rows.push(cells);
      }
      for (const cells of rows) while (cells.length < width) cells.push(null);
      return rows;
    }
  } finally {
    model.stream?.destroy?.();
  }
  throw new InputError(`${path} has no worksheet.`);
}

/** A delimited file whose rows have more or fewer fields than the header is refused: its columns would shift silently. */
export function checkWidths(rows: string[][], file: string): string[][] {
  const width = rows[0]?.length ?? 0;
  const bad = rows.findIndex((r) => r.length !== width);
  if (bad > 0) {
    throw new InputError(
      `${file}: data row ${bad} has ${rows[bad].length} field(s) but the header has ${width}. Check for an unquoted delimiter in a value or a missing field.`,
    );
  }
  return rows;
}

/** Reads a .csv or .xlsx file (path relative to cwd) into rows of cells, header row first. */
export async function readDataRows(file: string, cwd = process.cwd()): Promise<Cell[][]> {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new InputError(`Data file not found: ${file}`);
  if (statSync(path).isDirectory()) throw new InputError(`--data names a directory, not a file: "${file}". Give a .csv or .xlsx file, e.g. ${join(file, "nqp_panel.csv")}.`);
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return checkWidths(parseDelimited(readFileSync(path), file, false), file);
  if (ext === ".tsv" || ext === ".txt") return checkWidths(parseDelimited(readFileSync(path), file, true), file);
  if (ext === ".xlsx") return readXlsxRows(path);
  throw new InputError(`Unsupported data file type "${ext}" (${file}): use .csv or .xlsx with a header row.`);
}

/** A data file as a Frame: delimited files straight into typed columns, .xlsx through its rows. */
async function readFrame(file: string, cwd: string): Promise<Frame> {
  const path = resolve(cwd, file);
  const ext = extname(path).toLowerCase();
  if ((ext === ".csv" || ext === ".tsv" || ext === ".txt") && existsSync(path) && !statSync(path).isDirectory()) {
    const progress = progressReporter(file, statSync(path).size);
    try {
      return readDelimitedFrame(path, file, ext !== ".csv", progress?.onBlock);
    } finally {
      progress?.close();
    }
  }
  const rows = await readDataRows(file, cwd);
  if (rows.length < 2) throw new InputError(`${file} needs a header row and at least one data row.`);
  return frameFromCells(rows);
}

/**
 * The last file read, handed out once more: main() reads --data to check the column flags, then the
 * command reads the same file; the second read takes this copy (if the file is unchanged) and clears it.
 */
let cached: { key: string; frame: Promise<Frame> } | undefined;

/** Reads a .csv or .xlsx file into a Frame. */
export async function readDataFile(file: string, cwd = process.cwd()): Promise<Frame> {
  const path = resolve(cwd, file);
  let key = "";
  try {
    const st = statSync(path);
    key = `${path}\0${st.mtimeMs}\0${st.size}`;
  } catch {
    // not found: readDataRows says so
  }
  if (key && cached?.key === key) {
    const hit = cached.frame;
    cached = undefined;
    return hit;
  }
  const frame = readFrame(file, cwd);
  cached = key ? { key, frame } : undefined;
  frame.catch(() => {
    if (cached?.frame === frame) cached = undefined;
  });
  return frame;
}
