/**
 * Where a written table's spec lives in a workbook: a (very) hidden worksheet "_nqp_specs" with one
 * row per add-in output sheet: sheet name, worksheet id (Office.js id, stable across renames; empty in
 * files written by the command line), ISO time written, table title, the address of the block the add-in
 * wrote ("A1:G30": Re-run clears only that), then the spec as JSON split into cells of at most 30,000
 * characters (Excel's cell limit is 32,767). Row 1 is the header, which is also the marker that the add-in
 * made the sheet (`isSpecHeader`): a user's sheet that happens to be named "_nqp_specs" is never written.
 * Sheets written before the range column have the header without "range"; they are still read. Pure encoding/decoding here; the
 * Office.js store is ../excel/spec-store.ts, the file writer is writers/xlsx.ts.
 */

export const SPEC_SHEET = "_nqp_specs";
export const SPEC_HEADER = ["sheet", "id", "written", "title", "range", "spec"] as const;
/** The header before the range column was added. */
export const LEGACY_SPEC_HEADER = ["sheet", "id", "written", "title", "spec"] as const;
export const SPEC_CHUNK = 30000;

export interface SpecRecord {
  readonly sheetName: string;
  readonly sheetId: string;
  /** ISO time of the last write. */
  readonly written: string;
  readonly title: string;
  /** Address of the block the add-in wrote, e.g. "A1:G30" ("" when unknown: records of older versions). */
  readonly range?: string;
  /** Whatever re-runs the table (a JSON-serialisable value). */
  readonly spec: unknown;
  /** 0-based row on the spec sheet (set when decoded). */
  readonly row?: number;
}

export function encodeSpecRow(r: SpecRecord): string[] {
  const json = JSON.stringify(r.spec);
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += SPEC_CHUNK) parts.push(json.slice(i, i + SPEC_CHUNK));
  return [r.sheetName, r.sheetId, r.written, r.title, r.range ?? "", ...(parts.length ? parts : ["null"])];
}

/** Whether a first row is the spec sheet's header (current or legacy layout): the add-in's marker. */
export function isSpecHeader(row: readonly unknown[] | undefined): boolean {
  if (!row) return false;
  const cells = row.map((v) => String(v ?? "").trim().toLowerCase());
  const is = (h: readonly string[]) => h.every((name, j) => cells[j] === name);
  return is(SPEC_HEADER) || is(LEGACY_SPEC_HEADER);
}

/** Whether the header is the legacy layout (no range column). */
export function isLegacySpecHeader(row: readonly unknown[] | undefined): boolean {
  return !!row && String(row[4] ?? "").trim().toLowerCase() === "spec";
}

/** Rows of the spec sheet, header first. */
export function specSheetRows(records: readonly SpecRecord[]): string[][] {
  return [[...SPEC_HEADER], ...records.map(encodeSpecRow)];
}

/** Records from the spec sheet's values (header row skipped; blank rows and unreadable specs ignored). */
export function decodeSpecRows(values: readonly (readonly unknown[])[]): SpecRecord[] {
  const out: SpecRecord[] = [];
  if (!isSpecHeader(values[0])) return out;
  const legacy = isLegacySpecHeader(values[0]);
  const FIXED = legacy ? 4 : 5;
  for (let i = 1; i < values.length; i++) {
    const row = values[i];
    const name = String(row[0] ?? "");
    if (!name) continue;
    const json = row.slice(FIXED).map((v) => (v === null || v === undefined ? "" : String(v))).join("");
    try {
      out.push({ sheetName: name, sheetId: String(row[1] ?? ""), written: String(row[2] ?? ""), title: String(row[3] ?? ""), range: legacy ? "" : String(row[4] ?? ""), spec: JSON.parse(json), row: i });
    } catch {
      // A hand-edited or truncated row: not an add-in record any more.
    }
  }
  return out;
}
