/**
 * Data files for the command line: .csv (RFC 4180: quoted fields, "" inside quotes, newlines inside
 * quotes, CRLF; encoding and delimiter detected by delimited.ts) and .xlsx (first worksheet, via ExcelJS) -> Frame (first row = headers).
 * Missing-value rules are the Frame's (blank, NA, N/A, #N/A, ".", Excel error values).
 */
import { readFileSync, existsSync, statSync } from "fs";
import { extname, join, resolve } from "path";
import { Cell } from "../engine/frame/missing";
import { Frame, frameFromCells } from "../engine/frame/frame";
import { InputError } from "../engine/frame/errors";
import { parseDelimited } from "./delimited";

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

/** First worksheet of an .xlsx as rows of cells (ragged rows padded by the Frame). */
export async function readXlsxRows(path: string): Promise<Cell[][]> {
  // Loaded lazily: ExcelJS is large and only the .xlsx path needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  if (!ws) throw new InputError(`${path} has no worksheet.`);
  const width = ws.columnCount;
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (r) => {
    const cells: Cell[] = new Array(width).fill(null);
    for (let j = 1; j <= width; j++) cells[j - 1] = excelValueToCell(r.getCell(j).value);
    rows.push(cells);
  });
  return rows;
}

/** A delimited file whose rows have more or fewer fields than the header is refused: its columns would shift silently. */
function checkWidths(rows: string[][], file: string): string[][] {
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
  const frame = readDataRows(file, cwd).then((rows) => {
    if (rows.length < 2) throw new InputError(`${file} needs a header row and at least one data row.`);
    return frameFromCells(rows);
  });
  cached = key ? { key, frame } : undefined;
  frame.catch(() => {
    if (cached?.frame === frame) cached = undefined;
  });
  return frame;
}
