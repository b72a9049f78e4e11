/**
 * The statistic-row registry: rows under the estimates (N, R-squared, KP statistics, Sobel z, ...),
 * keyed by name. Each entry says how to read its value from a model column and how to print it; a
 * statistic may have a second line (the p-value in [brackets], a critical value in {braces}).
 * Any other key names a diagnostic record (Diagnostic.name) and prints its statistic and [p].
 */
import { InputError } from "../engine/frame";
import { Diagnostic } from "../engine/stats/diagnostic";
import { Lang, Message, t } from "../i18n/catalogue";
import { tableMessages as m } from "../i18n/messages/tables";
import { ModelColumn, findDiagnostic } from "./column";
import { Bracket, INTEGER, NumberFormat, bracketed, fixed } from "./formats";
import { EMPTY, TableCell, num } from "./table";

export interface StatValue {
  readonly main: TableCell;
  /** Second line under the value, e.g. the p-value in brackets. */
  readonly second?: TableCell;
}

export interface StatRowDef {
  readonly key: string;
  readonly label: string;
  /** What the second line holds, for the notes (e.g. "p-values in brackets"); absent when none. */
  readonly secondNote?: string;
  value(col: ModelColumn): StatValue | null;
}

/** A registry entry: its label and second-line note in both languages. */
interface StatRowEntry {
  readonly key: string;
  readonly label: Message;
  readonly secondNote?: Message;
  value(col: ModelColumn): StatValue | null;
}

const R2 = fixed(4);
const STAT = fixed(2);
const P_BRACKET: NumberFormat = bracketed(3, "square");
export const P_NOTE = m.pNote.en;

function scalar(key: string, label: Message, get: (c: ModelColumn) => number, format: NumberFormat): StatRowEntry {
  return { key, label, value: (c) => ({ main: num(get(c), format) }) };
}

/** "n.a." of an inapplicable diagnostic: a marker the builder words in the table's language. */
export const NOT_APPLICABLE = "n.a.";

function diagCells(d: Diagnostic | undefined, second: ((d: Diagnostic) => TableCell) | null): StatValue | null {
  if (!d) return null;
  if (d.inapplicable) return { main: { kind: "text", text: NOT_APPLICABLE } };
  return { main: num(d.statistic, STAT), second: second ? second(d) : undefined };
}

function pLine(d: Diagnostic): TableCell {
  return num(d.p, P_BRACKET);
}

function diagnosticRow(key: string, label: Message, withP: boolean): StatRowEntry {
  return {
    key,
    label,
    secondNote: withP ? m.pNote : undefined,
    value: (c) => diagCells(findDiagnostic(c, key), withP ? pLine : null),
  };
}

function extraLine(name: string, bracket: Bracket): (d: Diagnostic) => TableCell {
  return (d) => num(d.extra?.[name] ?? NaN, bracketed(3, bracket));
}

/** A row of a named scalar of the column (ModelColumn.values[key]); absent where the column has none. */
function valueRow(key: string, label: Message, format: NumberFormat, second?: { key: string; format: NumberFormat }): StatRowEntry {
  return {
    key,
    label,
    value: (c) => {
      const v = c.values?.[key];
      if (v === undefined) return null;
      const s = second && c.values?.[second.key];
      return { main: num(v, format), second: second && s !== undefined ? num(s, second.format) : undefined };
    },
  };
}

const DEFS: readonly StatRowEntry[] = [
  scalar("n", m.statN, (c) => c.result.n, INTEGER),
  scalar("r2", m.statR2, (c) => c.result.r2, R2),
  scalar("r2_within", m.statR2Within, (c) => c.result.r2Within, R2),
  scalar("r2_adj", m.statR2Adj, (c) => c.result.r2Adj, R2),
  scalar("clusters", m.statClusters, (c) => (c.result.nClusters.length ? c.result.nClusters[0] : NaN), INTEGER),
  scalar("rmse", m.statRmse, (c) => c.result.rmse, fixed(4)),
  scalar("psm_matched", m.statPsmMatched, (c) => c.values?.psm_matched ?? NaN, INTEGER),
  {
    key: "kp_f",
    label: m.statKpF,
    secondNote: m.stockYogoNote,
    value: (c) => diagCells(findDiagnostic(c, "kp_f"), extraLine("stock_yogo_10", "brace")),
  },
  diagnosticRow("kp_lm", m.statKpLm, true),
  {
    key: "cd_f",
    label: m.statCdF,
    value: (c) => diagCells(findDiagnostic(c, "cd_f"), null),
  },
  diagnosticRow("first_f", m.statFirstF, true),
  diagnosticRow("hansen_j", m.statHansenJ, true),
  diagnosticRow("sobel", m.statSobel, true),
  // Mediation: the indirect effect with its delta-method SE in parentheses, its bootstrap SE and
  // percentile interval, and the share of the total effect it carries (values of the mediation column).
  valueRow("indirect", m.statIndirect, fixed(3), { key: "indirect_se", format: bracketed(3, "paren") }),
  valueRow("indirect_boot_se", m.statIndirectBootSe, fixed(3)),
  valueRow("indirect_ci_low", m.statIndirectCiLow, fixed(3)),
  valueRow("indirect_ci_high", m.statIndirectCiHigh, fixed(3)),
  valueRow("share_mediated", m.statShareMediated, fixed(3)),
  diagnosticRow("f_model", m.statF, true),
  // Spatial models: the log-likelihood (no p-value).
  diagnosticRow("loglik", m.statLoglik, false),
  {
    // Heterogeneity: the test that the key coefficient differs from the base group ("diff_<level>").
    key: "group_diff",
    label: m.statGroupDiff,
    secondNote: m.pNote,
    value: (c) => diagCells([...(c.diagnostics ?? []), ...c.result.diagnostics].find((d) => d.name.startsWith("diff_")), pLine),
  },
];

const REGISTRY: ReadonlyMap<string, StatRowEntry> = new Map(DEFS.map((d) => [d.key, d]));

export const STAT_ROW_KEYS: readonly string[] = DEFS.map((d) => d.key);

/**
 * The row definition for `key`. Keys outside the registry are looked up as diagnostic names in the
 * columns (statistic with [p]); a key that is neither is an error listing the registered keys.
 */
export function statRow(key: string, columns: readonly ModelColumn[] = [], label?: string, lang: Lang = "en"): StatRowDef {
  const def = REGISTRY.get(key);
  const words = (e: StatRowEntry, given?: string): StatRowDef => ({
    key: e.key,
    label: given ?? t(e.label, undefined, lang),
    secondNote: e.secondNote && t(e.secondNote, undefined, lang),
    value: e.value,
  });
  if (def) return words(def, label);
  for (const c of columns) {
    const d = findDiagnostic(c, key);
    // A diagnostic's own label (engine wording) unless the caller gives one.
    if (d) return words(diagnosticRow(key, { en: d.label, zh: d.label }, Number.isFinite(d.p)), label);
  }
  throw new InputError(`Unknown statistic row "${key}". Allowed: ${STAT_ROW_KEYS.join(", ")}, or the name of a diagnostic of a column.`);
}

/** Label row then, if any column has one, the second line; cells aligned with the columns. */
export function statRowCells(def: StatRowDef, columns: readonly ModelColumn[], lang: Lang = "en"): { main: TableCell[]; second: TableCell[] | null } {
  const vals = columns.map((c) => def.value(c));
  const na = t(m.notApplicable, undefined, lang);
  const main = vals.map((v): TableCell => (v?.main.kind === "text" && v.main.text === NOT_APPLICABLE ? { kind: "text", text: na } : v?.main ?? EMPTY));
  const hasSecond = vals.some((v) => v?.second && v.second.kind !== "empty");
  return { main, second: hasSecond ? vals.map((v) => v?.second ?? EMPTY) : null };
}
