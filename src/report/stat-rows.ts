/**
 * The statistic-row registry: rows under the estimates (N, R-squared, KP statistics, Sobel z, ...),
 * keyed by name. Each entry says how to read its value from a model column and how to print it; a
 * statistic may have a second line (the p-value in [brackets], a critical value in {braces}).
 * Any other key names a diagnostic record (Diagnostic.name) and prints its statistic and [p].
 */
import { InputError } from "../engine/frame";
import { Diagnostic } from "../engine/stats/diagnostic";
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

const R2 = fixed(4);
const STAT = fixed(2);
const P_BRACKET: NumberFormat = bracketed(3, "square");
export const P_NOTE = "p-values in square brackets";

function scalar(key: string, label: string, get: (c: ModelColumn) => number, format: NumberFormat): StatRowDef {
  return { key, label, value: (c) => ({ main: num(get(c), format) }) };
}

function diagCells(d: Diagnostic | undefined, second: ((d: Diagnostic) => TableCell) | null): StatValue | null {
  if (!d) return null;
  if (d.inapplicable) return { main: { kind: "text", text: "n.a." } };
  return { main: num(d.statistic, STAT), second: second ? second(d) : undefined };
}

function pLine(d: Diagnostic): TableCell {
  return num(d.p, P_BRACKET);
}

function diagnosticRow(key: string, label: string, withP: boolean): StatRowDef {
  return {
    key,
    label,
    secondNote: withP ? P_NOTE : undefined,
    value: (c) => diagCells(findDiagnostic(c, key), withP ? pLine : null),
  };
}

function extraLine(name: string, bracket: Bracket): (d: Diagnostic) => TableCell {
  return (d) => num(d.extra?.[name] ?? NaN, bracketed(3, bracket));
}

/** A row of a named scalar of the column (ModelColumn.values[key]); absent where the column has none. */
function valueRow(key: string, label: string, format: NumberFormat, second?: { key: string; format: NumberFormat }): StatRowDef {
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

const DEFS: readonly StatRowDef[] = [
  scalar("n", "N", (c) => c.result.n, INTEGER),
  scalar("r2", "R-squared", (c) => c.result.r2, R2),
  scalar("r2_within", "Within R-squared", (c) => c.result.r2Within, R2),
  scalar("r2_adj", "Adjusted R-squared", (c) => c.result.r2Adj, R2),
  scalar("clusters", "Clusters", (c) => (c.result.nClusters.length ? c.result.nClusters[0] : NaN), INTEGER),
  scalar("rmse", "Root MSE", (c) => c.result.rmse, fixed(4)),
  scalar("psm_matched", "Matched observations", (c) => c.values?.psm_matched ?? NaN, INTEGER),
  {
    key: "kp_f",
    label: "KP rk Wald F",
    secondNote: "Stock-Yogo 10% maximal IV size critical values in braces",
    value: (c) => diagCells(findDiagnostic(c, "kp_f"), extraLine("stock_yogo_10", "brace")),
  },
  diagnosticRow("kp_lm", "KP rk LM", true),
  {
    key: "cd_f",
    label: "Cragg-Donald Wald F",
    value: (c) => diagCells(findDiagnostic(c, "cd_f"), null),
  },
  diagnosticRow("first_f", "First-stage F", true),
  diagnosticRow("hansen_j", "Hansen J", true),
  diagnosticRow("sobel", "Sobel z", true),
  // Mediation: the indirect effect with its delta-method SE in parentheses, its bootstrap SE and
  // percentile interval, and the share of the total effect it carries (values of the mediation column).
  valueRow("indirect", "Indirect effect a*b", fixed(3), { key: "indirect_se", format: bracketed(3, "paren") }),
  valueRow("indirect_boot_se", "Bootstrap SE of a*b", fixed(3)),
  valueRow("indirect_ci_low", "Bootstrap CI of a*b, lower", fixed(3)),
  valueRow("indirect_ci_high", "Bootstrap CI of a*b, upper", fixed(3)),
  valueRow("share_mediated", "Share mediated (a*b/c)", fixed(3)),
  diagnosticRow("f_model", "F", true),
  {
    // Heterogeneity: the test that the key coefficient differs from the base group ("diff_<level>").
    key: "group_diff",
    label: "Group difference",
    secondNote: P_NOTE,
    value: (c) => diagCells([...(c.diagnostics ?? []), ...c.result.diagnostics].find((d) => d.name.startsWith("diff_")), pLine),
  },
];

const REGISTRY: ReadonlyMap<string, StatRowDef> = new Map(DEFS.map((d) => [d.key, d]));

export const STAT_ROW_KEYS: readonly string[] = DEFS.map((d) => d.key);

/**
 * The row definition for `key`. Keys outside the registry are looked up as diagnostic names in the
 * columns (statistic with [p]); a key that is neither is an error listing the registered keys.
 */
export function statRow(key: string, columns: readonly ModelColumn[] = [], label?: string): StatRowDef {
  const def = REGISTRY.get(key);
  if (def) return label ? { ...def, label } : def;
  for (const c of columns) {
    const d = findDiagnostic(c, key);
    if (d) return diagnosticRow(key, label ?? d.label, Number.isFinite(d.p));
  }
  throw new InputError(`Unknown statistic row "${key}". Allowed: ${STAT_ROW_KEYS.join(", ")}, or the name of a diagnostic of a column.`);
}

/** Label row then, if any column has one, the second line; cells aligned with the columns. */
export function statRowCells(def: StatRowDef, columns: readonly ModelColumn[]): { main: TableCell[]; second: TableCell[] | null } {
  const vals = columns.map((c) => def.value(c));
  const main = vals.map((v) => v?.main ?? EMPTY);
  const hasSecond = vals.some((v) => v?.second && v.second.kind !== "empty");
  return { main, second: hasSecond ? vals.map((v) => v?.second ?? EMPTY) : null };
}
