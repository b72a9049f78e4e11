/**
 * The neutral table model: what a publication table holds, with no renderer in mind. Builders
 * (regression-table.ts, descriptives-table.ts, iv-table.ts, mediation-table.ts) produce it from result
 * records; writers (writers/text, writers/markdown, writers/xlsx, ../excel/table-writer) only render it.
 *
 * Shape: `rows` is the body including the header rows (the first `headerRows` rows); every row has
 * exactly `ncol` cells counting spans (a cell with span 2 stands for itself and the next position,
 * which holds an `empty` cell). Column 0 holds the row labels. Rules sit between rows.
 */
import { NumberFormat } from "./formats";

export type TableCell =
  | { readonly kind: "empty" }
  | { readonly kind: "text"; readonly text: string; readonly span?: number }
  | { readonly kind: "number"; readonly value: number; readonly format: NumberFormat };

/** What a row is, so writers can style it (e.g. indent the parenthesis line) and tests can find it. */
export type RowRole = "header" | "estimate" | "paren" | "indicator" | "stat" | "stat2" | "data";

export interface TableRow {
  readonly role: RowRole;
  /** The key of the row: term name, indicator label, statistic key, variable name. */
  readonly key: string;
  readonly cells: readonly TableCell[];
}

export type RuleWeight = "heavy" | "thin";

/** A horizontal rule under row `after` of `rows` (-1 = above the first row). */
export interface Rule {
  readonly after: number;
  readonly weight: RuleWeight;
}

export interface Table {
  readonly title: string;
  readonly ncol: number;
  readonly headerRows: number;
  readonly rows: readonly TableRow[];
  readonly rules: readonly Rule[];
  /** Lines under the table: what the parentheses hold, the star levels, the clustering. */
  readonly notes: readonly string[];
}

export const EMPTY: TableCell = { kind: "empty" };

export function text(t: string, span?: number): TableCell {
  return span && span > 1 ? { kind: "text", text: t, span } : { kind: "text", text: t };
}

/** A number cell, or an empty cell when the value is not finite (nothing to show). */
export function num(value: number, format: NumberFormat): TableCell {
  return Number.isFinite(value) ? { kind: "number", value, format } : EMPTY;
}

/** Three-line style: heavy rule above the header, thin rule under it, heavy rule at the bottom. */
export function threeLineRules(headerRows: number, nrows: number): Rule[] {
  return [
    { after: -1, weight: "heavy" },
    { after: headerRows - 1, weight: "thin" },
    { after: nrows - 1, weight: "heavy" },
  ];
}

/** Assembles a table with the three-line rules and checks every row's width. */
export function makeTable(title: string, header: readonly TableRow[], body: readonly TableRow[], notes: readonly string[]): Table {
  const rows = [...header, ...body];
  const ncol = rows.length ? rowWidth(rows[0]) : 0;
  rows.forEach((r, i) => {
    const w = rowWidth(r);
    if (w !== ncol) throw new Error(`table row ${i} ("${r.key}") has width ${w}, expected ${ncol}`);
  });
  return { title, ncol, headerRows: header.length, rows, rules: threeLineRules(header.length, rows.length), notes };
}

function rowWidth(r: TableRow): number {
  return r.cells.length;
}

/** Text a cell shows (numbers through their format). */
export function cellText(c: TableCell, formatNumber: (v: number, f: NumberFormat) => string): string {
  if (c.kind === "empty") return "";
  if (c.kind === "text") return c.text;
  return formatNumber(c.value, c.format);
}
