/**
 * Worksheet names for written tables, shared by the Office.js writer and the xlsx writer: valid for
 * Excel (at most 31 characters, none of : \ / ? * [ ], no leading/trailing apostrophe, not the spec
 * sheet's name) and unique within a workbook, compared case-insensitively as Excel does:
 * "Table 3", "Table 3 (2)", "Table 3 (3)", ...
 */
import { SPEC_SHEET } from "./spec-record";

export const MAX_SHEET_NAME = 31;

/** A valid Excel sheet name from `name` ("Table" when nothing usable is left). */
export function validSheetName(name: string): string {
  const s = name.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").slice(0, MAX_SHEET_NAME).trim();
  return s && s.toLowerCase() !== SPEC_SHEET ? s : "Table";
}

/** The k-th candidate for a valid base name: "Table 3" (k = 1), "Table 3 (2)", ... within 31 characters. */
export function candidateName(base: string, k: number): string {
  if (k === 1) return base;
  const suffix = ` (${k})`;
  return base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
}

/** First candidate for `name` not in `taken` (case-insensitive). */
export function uniqueSheetName(name: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  const b = validSheetName(name);
  for (let k = 1; ; k++) {
    const c = candidateName(b, k);
    if (!lower.has(c.toLowerCase())) return c;
  }
}
