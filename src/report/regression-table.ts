/**
 * Regression table: one column per model, numbered (1), (2)...; the dependent variable under the
 * number; each term on two lines (estimate with stars, then t or SE in parentheses); indicator rows
 * (Controls, City FE, Year FE: Y/N); the constant; statistic rows from the registry; notes.
 * In Chinese (options.language "zh") the layout of paper 002's Table 3: 变量; the terms; 控制变量,
 * then the time FE row before the unit FE row (年份固定效应, 城市固定效应: 是/否); 常数项; N, R²; one
 * "注：1. ...；2. ..." note.
 */
import { InputError } from "../engine/frame";
import { Lang, t } from "../i18n/catalogue";
import { tableMessages as m } from "../i18n/messages/tables";
import { ModelColumn } from "./column";
import { bracketed, fixed, starsFor } from "./formats";
import { zhPanelWord } from "./labels";
import { noteLines, parenNote, starNote } from "./notes";
import { TableOptions, tableOptions } from "./options";
import { statRow, statRowCells } from "./stat-rows";
import { EMPTY, Table, TableCell, TableRow, makeTable, num, text } from "./table";

export const CONSTANT = "_cons";
export const CONTROLS_ROW = "Controls";

export interface RegressionTableSpec {
  readonly title: string;
  readonly columns: readonly ModelColumn[];
  /** Terms shown, in this order (default: every term of every column, first appearance, minus controls and the constant). */
  readonly terms?: readonly string[];
  /** Terms not shown one by one; a "Controls" row says Y where a column has any of them. */
  readonly controls?: readonly string[];
  /** Variable labels by name (names stay the keys); "_cons" defaults to "Constant". */
  readonly labels?: Readonly<Record<string, string>>;
  /** Indicator rows from the absorbed fixed effects: FE variable -> row label (e.g. city_id -> "City FE"). */
  readonly feRows?: Readonly<Record<string, string>>;
  /** Show the constant row when a column reports "_cons" (default true). */
  readonly constant?: boolean;
  /** Statistic rows by registry key (default: N and the R-squared chosen in the options). */
  readonly stats?: readonly string[];
  readonly statLabels?: Readonly<Record<string, string>>;
  readonly options?: Partial<TableOptions>;
  /** Extra note lines after the generated ones. */
  readonly notes?: readonly string[];
}

export function defaultStats(r2: TableOptions["r2"]): string[] {
  const out = ["n"];
  if (r2 === "overall" || r2 === "both") out.push("r2");
  if (r2 === "within" || r2 === "both") out.push("r2_within");
  return out;
}

export function labeller(labels: Readonly<Record<string, string>> | undefined, lang: Lang = "en"): (name: string) => string {
  return (name) => labels?.[name] ?? (name === CONSTANT ? t(m.constant, undefined, lang) : name);
}

/** Header rows: optional group row (merged over equal neighbours), numbers, dependent variables, optional subtitles. */
export function modelHeader(columns: readonly ModelColumn[], label: (n: string) => string, lang: Lang = "en"): TableRow[] {
  const rows: TableRow[] = [];
  if (columns.some((c) => c.group)) {
    const cells: TableCell[] = [EMPTY];
    for (let j = 0; j < columns.length; ) {
      let k = j + 1;
      while (k < columns.length && columns[k].group === columns[j].group) k++;
      cells.push(columns[j].group ? text(columns[j].group!, k - j) : EMPTY);
      for (let e = j + 1; e < k; e++) cells.push(EMPTY);
      j = k;
    }
    rows.push({ role: "header", key: "group", cells });
  }
  rows.push({ role: "header", key: "number", cells: [text(t(m.variables, undefined, lang)), ...columns.map((_, j) => text(`(${j + 1})`))] });
  rows.push({ role: "header", key: "depvar", cells: [EMPTY, ...columns.map((c) => text(c.depLabel ?? label(c.result.depVar)))] });
  if (columns.some((c) => c.subtitle)) {
    rows.push({ role: "header", key: "subtitle", cells: [EMPTY, ...columns.map((c) => (c.subtitle ? text(c.subtitle) : EMPTY))] });
  }
  return rows;
}

/** The two lines of a term: estimate with stars; t or SE in parentheses. */
export function termRows(term: string, columns: readonly ModelColumn[], label: string, o: TableOptions): TableRow[] {
  const est: TableCell[] = [text(label)];
  const par: TableCell[] = [EMPTY];
  const parFmt = bracketed(o.parenDecimals, "paren");
  for (const c of columns) {
    const r = c.result;
    const i = r.terms.indexOf(term);
    if (i < 0) {
      est.push(r.omitted.includes(term) ? text(t(m.omitted, undefined, o.language)) : EMPTY);
      par.push(EMPTY);
      continue;
    }
    est.push(num(r.coef[i], fixed(o.decimals, "", starsFor(r.p[i], o.starLevels))));
    par.push(num(o.paren === "se" ? r.se[i] : r.stat[i], parFmt));
  }
  return [
    { role: "estimate", key: term, cells: est },
    { role: "paren", key: term, cells: par },
  ];
}

/** Statistic rows (with second lines) for registry keys; returns rows and the notes their second lines need. */
export function statRows(keys: readonly string[], columns: readonly ModelColumn[], labels?: Readonly<Record<string, string>>, lang: Lang = "en"): { rows: TableRow[]; notes: string[] } {
  const rows: TableRow[] = [];
  const notes: string[] = [];
  for (const key of keys) {
    const def = statRow(key, columns, labels?.[key], lang);
    const { main, second } = statRowCells(def, columns, lang);
    rows.push({ role: "stat", key, cells: [text(def.label), ...main] });
    if (second) {
      rows.push({ role: "stat2", key, cells: [EMPTY, ...second] });
      if (def.secondNote && !notes.includes(def.secondNote)) notes.push(def.secondNote);
    }
  }
  return { rows, notes };
}

function yn(v: boolean | string | undefined, lang: Lang): TableCell {
  if (v === undefined) return EMPTY;
  if (typeof v === "boolean") return text(t(v ? m.yes : m.no, undefined, lang));
  return text(v);
}

/** A time fixed effect by its name (year, time, period...): printed first in Chinese tables (paper 002). */
export function isTimeName(name: string): boolean {
  return /^(year|years|yr|time|t|period|date|month|quarter|年|年份|时间)$/i.test(name.replace(/[_\s]*(id|code)$/i, "").trim());
}

/** FE rows in print order: as given (en); time FE first (zh, paper 002's Table 3). */
function feRowOrder(feRows: Readonly<Record<string, string>>, lang: Lang): [string, string][] {
  const rows = Object.entries(feRows);
  if (lang === "en") return rows;
  return [...rows.filter(([fe]) => isTimeName(fe)), ...rows.filter(([fe]) => !isTimeName(fe))];
}

function indicatorRows(spec: RegressionTableSpec, controls: readonly string[], lang: Lang): TableRow[] {
  const cols = spec.columns;
  const rows: TableRow[] = [];
  if (controls.length) {
    rows.push({ role: "indicator", key: CONTROLS_ROW, cells: [text(t(m.controls, undefined, lang)), ...cols.map((c) => yn(controls.some((x) => c.result.terms.includes(x)), lang))] });
  }
  for (const [fe, lab] of feRowOrder(spec.feRows ?? {}, lang)) {
    rows.push({ role: "indicator", key: lab, cells: [text(lab), ...cols.map((c) => yn(c.result.fixedEffects.some((f) => f.name === fe), lang))] });
  }
  const seen = new Set(rows.map((r) => r.key));
  for (const c of cols) {
    for (const k of Object.keys(c.indicators ?? {})) {
      if (seen.has(k)) continue;
      seen.add(k);
      rows.push({ role: "indicator", key: k, cells: [text(k), ...cols.map((cc) => yn(cc.indicators?.[k], lang))] });
    }
  }
  return rows;
}

function defaultTerms(columns: readonly ModelColumn[], hidden: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const c of columns) for (const t of [...c.result.terms, ...c.result.omitted]) if (!hidden.has(t) && !out.includes(t)) out.push(t);
  return out;
}

export function buildRegressionTable(spec: RegressionTableSpec): Table {
  if (!spec.columns.length) throw new InputError("A regression table needs at least one model column.");
  const o = tableOptions(spec.options);
  const lang = o.language;
  const label = labeller(spec.labels, lang);
  const controls = spec.controls ?? [];
  const hidden = new Set([...controls, CONSTANT]);
  const terms = spec.terms ? spec.terms.filter((t) => t !== CONSTANT) : defaultTerms(spec.columns, hidden);
  for (const t of terms) {
    if (!spec.columns.some((c) => c.result.terms.includes(t) || c.result.omitted.includes(t))) {
      throw new InputError(`Term "${t}" is in none of the table's models. Terms available: ${defaultTerms(spec.columns, new Set()).join(", ")}.`);
    }
  }
  const body: TableRow[] = [];
  for (const t of terms) body.push(...termRows(t, spec.columns, label(t), o));
  body.push(...indicatorRows(spec, controls, lang));
  if (spec.constant !== false && spec.columns.some((c) => c.result.terms.includes(CONSTANT))) {
    body.push(...termRows(CONSTANT, spec.columns, label(CONSTANT), o));
  }
  const stats = statRows(spec.stats ?? defaultStats(o.r2), spec.columns, spec.statLabels, lang);
  body.push(...stats.rows);
  // Cluster variables without a label: their Chinese word in a Chinese note (city_id -> 城市层面).
  const clusterLabel = lang === "zh" ? (n: string) => spec.labels?.[n] ?? zhPanelWord(n) ?? n : label;
  const paren = parenNote(spec.columns.map((c) => c.result), o.paren, clusterLabel, lang);
  const notes =
    lang === "en"
      ? [paren, `${starNote(o.starLevels)}.`, ...stats.notes.map((n) => `${n[0].toUpperCase()}${n.slice(1)}.`), ...(spec.notes ?? [])]
      : noteLines([paren, starNote(o.starLevels, lang), ...stats.notes, ...(spec.notes ?? [])], lang);
  return makeTable(spec.title, modelHeader(spec.columns, label, lang), body, notes);
}

