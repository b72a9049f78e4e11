/**
 * Robustness battery: from one baseline spec, the variants papers always run. Each variant is plain
 * data (serialisable, shown in the output, re-runnable) and `prepareVariant` turns it into an
 * ordinary model spec plus the frame it runs on, with counts that say what changed.
 *
 * Steps (applied in the order listed; a variant may combine several):
 * - winsorize:        replace the listed variables by their winsorised values, cutoffs at lower/upper
 *                     fractions (Stata _pctile, engine/indices/winsor.ts) over ALL non-missing values of
 *                     the frame, as `winsor2 ..., cuts(1 99) replace` (not over the regression sample);
 * - period:           keep rows with from <= time <= to (either bound optional);
 * - dropGroups:       drop rows whose `column` equals one of `values` (e.g. the four municipalities);
 * - replaceOutcome:   another dependent variable;
 * - replaceRegressor: another key regressor (the key regressor is spec.x[0] unless `treat` is given);
 * - unitTrends:       unit-specific linear trends as extra regressors unit x (time - min time). With a
 *                     time FE in the spec the first unit's trend is left out (the trends sum to time,
 *                     which the time FE absorbs); the trend terms are listed in `hiddenTerms`. Note that
 *                     they count in K as regressors (reghdfe `absorb(id##c.t)` counts them as absorbed);
 * - lagRegressor:     the key regressor replaced by its k-period panel lag (engine/indices/lag.ts,
 *                     calendar-period rule: missing when the row t-k of the same unit is absent).
 */
import { Frame, keyColumn, numericColumn } from "../frame";
import { InputError } from "../frame/errors";
import { lagByPanel } from "../indices/lag";
import { winsorize, WinsorCutoffs } from "../indices/winsor";
import { baseRows, filterRows, requireColumn, SpecCore, withNumericColumn } from "./spec-frame";

export interface PanelKeys {
  /** Panel unit column (e.g. city_id). */
  readonly id: string;
  /** Numeric time column (e.g. year). */
  readonly time: string;
}

export type RobustnessStep =
  | { readonly kind: "winsorize"; readonly vars: readonly string[]; readonly lower?: number; readonly upper?: number }
  | { readonly kind: "period"; readonly from?: number; readonly to?: number }
  | { readonly kind: "dropGroups"; readonly column: string; readonly values: readonly string[] }
  | { readonly kind: "replaceOutcome"; readonly y: string }
  | { readonly kind: "replaceRegressor"; readonly x: string }
  | { readonly kind: "unitTrends" }
  | { readonly kind: "lagRegressor"; readonly lag?: number };

export const ROBUSTNESS_KINDS = ["winsorize", "period", "dropGroups", "replaceOutcome", "replaceRegressor", "unitTrends", "lagRegressor"] as const;

export interface RobustnessVariant {
  /** Column title, e.g. "Winsorised 1/99". Defaults to a description of the steps. */
  readonly label?: string;
  readonly steps: readonly RobustnessStep[];
}

export interface BaselineContext {
  readonly panel: PanelKeys;
  /** The key regressor (default spec.x[0]). */
  readonly treat?: string;
}

/** What a variant changed, in counts a table note or a test can check. */
export interface VariantChanges {
  /** Winsorising cutoffs per variable. */
  readonly winsor: Readonly<Record<string, WinsorCutoffs>>;
  /** Rows removed by the period restriction. */
  readonly rowsOutsidePeriod: number;
  /** Rows removed per dropped group value (value -> rows). */
  readonly rowsDroppedByGroup: Readonly<Record<string, number>>;
  /** Columns added to the frame (lags, trends). */
  readonly addedColumns: readonly string[];
}

export interface PreparedVariant<S extends SpecCore> {
  readonly label: string;
  readonly variant: RobustnessVariant;
  readonly frame: Frame;
  readonly spec: S;
  /** The key regressor of this variant's spec (after replacement or lagging). */
  readonly treat: string;
  /** Regressors added by the variant that tables should not show (unit trends). */
  readonly hiddenTerms: readonly string[];
  readonly changes: VariantChanges;
}

export function describeStep(s: RobustnessStep): string {
  switch (s.kind) {
    case "winsorize": {
      const lo = s.lower ?? 0.01;
      const hi = s.upper ?? 1 - lo;
      return `Winsorised ${+(lo * 100).toFixed(6)}/${+(hi * 100).toFixed(6)}: ${s.vars.join(", ")}`;
    }
    case "period":
      return `Period ${s.from ?? "start"}-${s.to ?? "end"}`;
    case "dropGroups":
      return `Excluding ${s.column} = ${s.values.join(", ")}`;
    case "replaceOutcome":
      return `Outcome ${s.y}`;
    case "replaceRegressor":
      return `Regressor ${s.x}`;
    case "unitTrends":
      return "Unit-specific linear trends";
    case "lagRegressor":
      return `Regressor lagged ${s.lag ?? 1} period${(s.lag ?? 1) === 1 ? "" : "s"}`;
  }
}

/** Fields of each step: name -> expected type ("names" = list of column names, "values" = list of values). */
const STEP_FIELDS: Readonly<Record<string, Readonly<Record<string, "string" | "number" | "names" | "values">>>> = {
  winsorize: { vars: "names", lower: "number", upper: "number" },
  period: { from: "number", to: "number" },
  dropGroups: { column: "string", values: "values" },
  replaceOutcome: { y: "string" },
  replaceRegressor: { x: "string" },
  unitTrends: {},
  lagRegressor: { lag: "number" },
};
const REQUIRED: Readonly<Record<string, readonly string[]>> = { winsorize: ["vars"], dropGroups: ["column", "values"], replaceOutcome: ["y"], replaceRegressor: ["x"] };

/**
 * Checks a step's fields before it runs (a spec file is user JSON): unknown fields (e.g. "k" for
 * "lag", which would otherwise be ignored and run the default), missing required ones, wrong types.
 */
export function validateStep(step: RobustnessStep): void {
  const raw = step as unknown as Record<string, unknown>;
  const kind = String(raw?.kind);
  const fields = STEP_FIELDS[kind];
  if (!fields) throw new InputError(`Unknown robustness step "${kind}". Allowed: ${ROBUSTNESS_KINDS.join(", ")}.`);
  const allowed = Object.keys(fields);
  const fieldList = allowed.length ? allowed.join(", ") : "none";
  for (const [k, v] of Object.entries(raw)) {
    if (k === "kind" || v === undefined) continue;
    const type = fields[k];
    if (!type) throw new InputError(`Robustness step "${kind}" has no field "${k}". Its fields: ${fieldList}.`);
    const ok =
      type === "string" ? typeof v === "string" :
      type === "number" ? typeof v === "number" && Number.isFinite(v) :
      type === "names" ? Array.isArray(v) && v.every((e) => typeof e === "string") :
      Array.isArray(v) && v.every((e) => typeof e === "string" || typeof e === "number");
    if (!ok) {
      const want = type === "string" ? "a column name" : type === "number" ? "a number" : type === "names" ? "a list of column names" : "a list of values";
      throw new InputError(`Robustness step "${kind}": "${k}" must be ${want}; got ${JSON.stringify(v)}.`);
    }
  }
  for (const k of REQUIRED[kind] ?? []) if (raw[k] === undefined) throw new InputError(`Robustness step "${kind}" needs "${k}".`);
}

function keyIndex(spec: SpecCore, treat: string): number {
  const j = spec.x.indexOf(treat);
  if (j < 0) throw new InputError(`The key regressor "${treat}" is not among the regressors (${spec.x.join(", ")}).`);
  return j;
}

/** Turns one variant of the baseline into an ordinary spec and the frame it runs on. */
export function prepareVariant<S extends SpecCore>(frame: Frame, baseline: S, ctx: BaselineContext, variant: RobustnessVariant): PreparedVariant<S> {
  if (!variant.steps || variant.steps.length === 0) throw new InputError("A robustness variant needs at least one step.");
  let f = frame;
  let spec: S = baseline;
  let treat = ctx.treat ?? baseline.x[0];
  keyIndex(baseline, treat);
  const hiddenTerms: string[] = [];
  const winsor: Record<string, WinsorCutoffs> = {};
  const rowsDroppedByGroup: Record<string, number> = {};
  const addedColumns: string[] = [];
  let rowsOutsidePeriod = 0;
  const setRows = (rows: Int32Array) => {
    spec = { ...spec, rows };
  };

  for (const step of variant.steps) {
    validateStep(step);
    switch (step.kind) {
      case "winsorize": {
        if (step.vars.length === 0) throw new InputError("Winsorising needs at least one variable.");
        for (const v of step.vars) {
          requireColumn(f, v, "variable to winsorise");
          const w = winsorize(numericColumn(f, v), { lower: step.lower, upper: step.upper });
          f = withNumericColumn(f, v, w.values);
          winsor[v] = w.cutoffs[0];
        }
        break;
      }
      case "period": {
        if (step.from === undefined && step.to === undefined) throw new InputError("A period restriction needs a start, an end or both.");
        if (step.from !== undefined && step.to !== undefined && step.from > step.to) {
          throw new InputError(`The period start ${step.from} is after its end ${step.to}.`);
        }
        requireColumn(f, ctx.panel.time, "time variable");
        const t = numericColumn(f, ctx.panel.time);
        const before = baseRows(f, spec.rows).length;
        const lo = step.from ?? -Infinity;
        const hi = step.to ?? Infinity;
        const rows = filterRows(f, spec.rows, (i) => t[i] >= lo && t[i] <= hi);
        if (rows.length === 0) throw new InputError(`No rows have ${ctx.panel.time} in ${step.from ?? "..."}-${step.to ?? "..."}.`);
        rowsOutsidePeriod += before - rows.length;
        setRows(rows);
        break;
      }
      case "dropGroups": {
        requireColumn(f, step.column, "column of the groups to drop");
        if (step.values.length === 0) throw new InputError(`List the values of "${step.column}" to drop.`);
        const k = keyColumn(f, step.column);
        const drop = new Set(step.values.map((v) => String(v).trim()));
        // Numeric key columns hold String(number): accept "1" for 1 and "1.0" for 1.
        const norm = (s: string | null) => (s === null ? null : /^[+-]?[\d.]+(e[+-]?\d+)?$/i.test(s) && Number.isFinite(Number(s)) ? String(Number(s)) : s);
        const dropNorm = new Set(Array.from(drop, (v) => norm(v) as string));
        const counts = new Map<string, number>();
        for (const v of drop) counts.set(norm(v) as string, 0);
        const rows = filterRows(f, spec.rows, (i) => {
          const key = norm(k[i]);
          if (key !== null && dropNorm.has(key)) {
            counts.set(key, counts.get(key)! + 1);
            return false;
          }
          return true;
        });
        const absent = Array.from(counts).filter(([, c]) => c === 0).map(([v]) => v);
        if (absent.length > 0) {
          throw new InputError(`Column "${step.column}" has no rows with the value(s) ${absent.join(", ")} to drop (check the spelling).`);
        }
        for (const [v, c] of counts) rowsDroppedByGroup[v] = (rowsDroppedByGroup[v] ?? 0) + c;
        setRows(rows);
        break;
      }
      case "replaceOutcome":
        requireColumn(f, step.y, "replacement outcome");
        spec = { ...spec, y: step.y };
        break;
      case "replaceRegressor": {
        requireColumn(f, step.x, "replacement regressor");
        const x = spec.x.slice();
        x[keyIndex(spec, treat)] = step.x;
        spec = { ...spec, x };
        treat = step.x;
        break;
      }
      case "lagRegressor": {
        const lag = step.lag ?? 1;
        if (!Number.isInteger(lag) || lag < 1) throw new InputError(`The lag must be a whole number of periods of at least 1; got ${lag}.`);
        requireColumn(f, ctx.panel.id, "panel id");
        requireColumn(f, ctx.panel.time, "time variable");
        const name = `L${lag}_${treat}`;
        const lagged = lagByPanel(numericColumn(f, treat), keyColumn(f, ctx.panel.id), numericColumn(f, ctx.panel.time), lag);
        f = withNumericColumn(f, name, lagged.values);
        addedColumns.push(name);
        const x = spec.x.slice();
        x[keyIndex(spec, treat)] = name;
        spec = { ...spec, x };
        treat = name;
        break;
      }
      case "unitTrends": {
        requireColumn(f, ctx.panel.id, "panel id");
        requireColumn(f, ctx.panel.time, "time variable");
        const ids = keyColumn(f, ctx.panel.id);
        const t = numericColumn(f, ctx.panel.time);
        const rows = baseRows(f, spec.rows);
        let tmin = Infinity;
        for (const i of rows) if (t[i] < tmin) tmin = t[i];
        const levels = Array.from(new Set(Array.from(rows, (i) => ids[i]))).filter((v): v is string => v !== null);
        levels.sort();
        const timeAbsorbed = (spec.fe ?? []).includes(ctx.panel.time);
        const use = timeAbsorbed ? levels.slice(1) : levels;
        const names: string[] = [];
        for (const lvl of use) {
          const name = `trend_${ctx.panel.id}_${lvl}`;
          const v = new Float64Array(f.nrow);
          for (let i = 0; i < f.nrow; i++) v[i] = ids[i] === null || Number.isNaN(t[i]) ? NaN : ids[i] === lvl ? t[i] - tmin : 0;
          f = withNumericColumn(f, name, v);
          names.push(name);
        }
        addedColumns.push(...names);
        hiddenTerms.push(...names);
        spec = { ...spec, x: [...spec.x, ...names] };
        break;
      }
      default: {
        const k = (step as { kind?: unknown }).kind;
        throw new InputError(`Unknown robustness step "${String(k)}". Allowed: ${ROBUSTNESS_KINDS.join(", ")}.`);
      }
    }
  }
  return {
    label: variant.label ?? variant.steps.map(describeStep).join("; "),
    variant,
    frame: f,
    spec,
    treat,
    hiddenTerms,
    changes: { winsor, rowsOutsidePeriod, rowsDroppedByGroup, addedColumns },
  };
}
