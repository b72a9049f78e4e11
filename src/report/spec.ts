/**
 * Table specs: plain JSON that says which models to run and how to show them. A spec file for
 * `nqp table` (and the demo, data/demo-spec.json) holds derived columns to build first (entropy index,
 * resilience, lags) and a list of tables. The same spec object is recorded with each written table
 * (spec store), so a table can be re-run. `validateSpecFile` checks the shape once; messages list the
 * allowed values.
 */
import { PSM_TABLE_FIELDS, PsmTableSpec, validatePsmTableSpec } from "./psm-table";
import { InputError } from "../engine/frame";
import type { RobustnessVariant } from "../engine/models/robustness";
import { VCOV_TYPES, type VcovType } from "../engine/models/result";
import { LANGS, type Lang } from "../i18n/catalogue";
import { tableOptions, type TableOptions } from "./options";
import { SPATIAL_MODEL_FIELDS, SPATIAL_TABLE_FIELDS, SpatialTableFields, validateSpatialSpec } from "./spatial-spec";

/** Rows kept for a model: every condition must hold (values compared as text or numbers). */
export interface RowFilter {
  readonly column: string;
  readonly in?: readonly (string | number)[];
  readonly min?: number;
  readonly max?: number;
}

/** One model column of a regression table: the linear model, its sample and its header. */
export interface ModelColumnSpec extends LinearModelSpec {
  readonly where?: readonly RowFilter[];
  readonly depLabel?: string;
  readonly group?: string;
  readonly subtitle?: string;
  readonly indicators?: Readonly<Record<string, boolean | string>>;
}

/** What every table kind shares. */
export interface TableSpecBase {
  readonly title: string;
  /** Sheet name (default: the title). */
  readonly sheet?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly options?: Partial<TableOptions>;
  readonly notes?: readonly string[];
  /** Table language, "en" or "zh" (the same as options.language; options win). */
  readonly language?: Lang;
}

/** Layout fields of regression-style tables. */
export interface RegressionLayout {
  readonly terms?: readonly string[];
  readonly controls?: readonly string[];
  readonly feRows?: Readonly<Record<string, string>>;
  readonly stats?: readonly string[];
  readonly statLabels?: Readonly<Record<string, string>>;
  readonly constant?: boolean;
}

export interface LinearModelSpec {
  readonly y: string;
  readonly x: readonly string[];
  readonly fe?: readonly string[];
  readonly cluster?: readonly string[];
  readonly vcov?: VcovType;
}

export type TableSpec =
  | (TableSpecBase & RegressionLayout & { readonly kind: "regression"; readonly models: readonly ModelColumnSpec[] })
  | (TableSpecBase & {
      readonly kind: "descriptives";
      readonly variables: readonly string[];
      readonly roles?: Readonly<Record<string, string>>;
      readonly sample?: "pairwise" | "listwise";
      readonly decimals?: number;
    })
  | (TableSpecBase & RegressionLayout & {
      readonly kind: "iv";
      readonly model: LinearModelSpec & { readonly endog: readonly string[]; readonly instruments: readonly string[] };
      readonly diagnosticsColumn?: "first" | "second";
    })
  | (TableSpecBase & RegressionLayout & {
      readonly kind: "mediation";
      readonly model: LinearModelSpec & { readonly treat: string; readonly mediator: string };
      /** Cluster bootstrap of a*b (resamples the first cluster variable): replications, seed, level (0.95). */
      readonly bootstrap?: MediationBootstrapSpec;
    })
  | (TableSpecBase & RegressionLayout & {
      readonly kind: "heterogeneity";
      readonly model: LinearModelSpec;
      /** One split per group of columns: a group column or a quantile split of a variable. */
      readonly splits: readonly {
        readonly label: string;
        readonly column?: string;
        readonly variable?: string;
        readonly quantile?: number;
        /** Column subtitles by group level, e.g. { "0": "Western", "1": "Eastern" }. */
        readonly levelLabels?: Readonly<Record<string, string>>;
      }[];
    })
  | (TableSpecBase & RegressionLayout & {
      readonly kind: "robustness";
      readonly model: LinearModelSpec;
      readonly panel: { readonly id: string; readonly time: string };
      readonly variants: readonly RobustnessVariant[];
    })
  | PsmTableSpec
  | (TableSpecBase & {
      /** Boosted trees + TreeSHAP importance (report/boosting-table.ts); rows without y are left out and noted. */
      readonly kind: "boosting";
      readonly y: string;
      readonly x: readonly string[];
      readonly boost?: { readonly trees?: number; readonly depth?: number; readonly eta?: number; readonly subsample?: number; readonly colsample?: number; readonly seed?: number; readonly method?: "exact" | "hist" };
    })
  | (TableSpecBase & RegressionLayout & SpatialTableFields);


export interface MediationBootstrapSpec {
  readonly reps: number;
  readonly seed: number;
  readonly level?: number;
}

export type TableKind = TableSpec["kind"];
export const TABLE_KINDS: readonly TableKind[] = ["regression", "descriptives", "iv", "mediation", "heterogeneity", "robustness", "psm", "boosting", "spatial"];

/** Columns built before the tables run. */
export type DeriveStep =
  | { readonly kind: "entropy"; readonly name: string; readonly indicators: readonly string[]; readonly negative?: readonly string[] }
  | { readonly kind: "resilience"; readonly name: string; readonly value: string; readonly national?: string; readonly id: string; readonly time: string }
  | { readonly kind: "lag"; readonly name: string; readonly of: string; readonly id: string; readonly time: string; readonly k?: number };

export const DERIVE_KINDS = ["entropy", "resilience", "lag"] as const;

export interface SpecFile {
  /** Language of every table without its own ("en" or "zh"; default "en"). */
  readonly language?: Lang;
  readonly derive?: readonly DeriveStep[];
  readonly tables: readonly TableSpec[];
}

/** Edit distance at most 2 (a typo such as "tabels" or "table"). */
function closeTo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] <= 2;
}

function need(cond: unknown, msg: string): void {
  if (!cond) throw new InputError(msg);
}

function strList(v: unknown): boolean {
  return Array.isArray(v) && v.every((s) => typeof s === "string");
}

/** Checks a parsed spec file (one table spec alone is accepted too) and returns it as a SpecFile. */
export function validateSpecFile(raw: unknown): SpecFile {
  need(raw && typeof raw === "object", "The spec must be a JSON object with a \"tables\" list (or one table with a \"kind\").");
  const obj = raw as Record<string, unknown>;
  if (!("tables" in obj) && !("kind" in obj)) {
    const keys = Object.keys(obj);
    const near = keys.find((k) => k !== "derive" && closeTo(k.toLowerCase(), "tables"));
    throw new InputError(
      `The spec has no "tables" key${keys.length ? ` (its keys: ${keys.join(", ")})` : ""}${near ? `; did you mean "tables" for "${near}"?` : ""}. ` +
        `Give {"tables": [{"kind": "regression", ...}, ...]} (optionally with "derive"), or one table object with a "kind".`,
    );
  }
  const file: SpecFile = "tables" in obj ? (obj as unknown as SpecFile) : { tables: [obj as unknown as TableSpec] };
  need(Array.isArray(file.tables) && file.tables.length > 0, "The spec's \"tables\" must be a non-empty list.");
  if ("tables" in obj) {
    knownFields(obj, FILE_FIELDS, "The spec file");
    languageField(file.language, "The spec file's \"language\"");
  }
  for (const [i, d] of (file.derive ?? []).entries()) {
    need((DERIVE_KINDS as readonly string[]).includes(d?.kind), `derive[${i}]: unknown kind "${String(d?.kind)}". Allowed: ${DERIVE_KINDS.join(", ")}.`);
    need(typeof d.name === "string" && d.name, `derive[${i}] (${d.kind}) needs a "name" for the new column.`);
    if (d.kind === "entropy") need(strList(d.indicators) && d.indicators.length >= 2, `derive[${i}] (entropy) needs "indicators": a list of at least two column names.`);
    knownFields(d, DERIVE_FIELDS[d.kind], `derive[${i}] (${d.kind})`);
    const fields = d.kind === "lag" ? ["of", "id", "time"] : d.kind === "resilience" ? ["value", "id", "time"] : [];
    for (const k of fields) need(typeof (d as unknown as Record<string, unknown>)[k] === "string", `derive[${i}] (${d.kind}) needs "${k}" (a column name).`);
    if (d.kind === "lag") need(d.k === undefined || typeof d.k === "number", `derive[${i}] (lag) "k" must be a number, e.g. 1; got ${JSON.stringify(d.k)}.`);
  }
  file.tables.forEach((t, i) => validateTableSpec(t, `tables[${i}]`));
  return file;
}

const FILE_FIELDS = ["tables", "derive", "language"];
const BASE_FIELDS = ["kind", "title", "sheet", "labels", "options", "notes", "language"];
const LAYOUT_FIELDS = ["terms", "controls", "feRows", "stats", "statLabels", "constant"];
const TABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  regression: ["models", ...LAYOUT_FIELDS],
  descriptives: ["variables", "roles", "sample", "decimals"],
  iv: ["model", "diagnosticsColumn", ...LAYOUT_FIELDS],
  mediation: ["model", "bootstrap", ...LAYOUT_FIELDS],
  heterogeneity: ["model", "splits", ...LAYOUT_FIELDS],
  robustness: ["model", "panel", "variants", ...LAYOUT_FIELDS],
  psm: [...PSM_TABLE_FIELDS, ...LAYOUT_FIELDS],
  boosting: ["y", "x", "boost"],
  spatial: [...SPATIAL_TABLE_FIELDS, ...LAYOUT_FIELDS],
};
const LINEAR_FIELDS = ["y", "x", "fe", "cluster", "vcov"];
const MODEL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  regression: [...LINEAR_FIELDS, "where", "depLabel", "group", "subtitle", "indicators"],
  iv: [...LINEAR_FIELDS, "endog", "instruments"],
  mediation: [...LINEAR_FIELDS, "treat", "mediator"],
  heterogeneity: LINEAR_FIELDS,
  robustness: LINEAR_FIELDS,
  psm: LINEAR_FIELDS,
  spatial: SPATIAL_MODEL_FIELDS,
};
const DERIVE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  entropy: ["kind", "name", "indicators", "negative"],
  resilience: ["kind", "name", "value", "national", "id", "time"],
  lag: ["kind", "name", "of", "id", "time", "k"],
};
const OPTION_FIELDS: readonly (keyof TableOptions)[] = ["paren", "decimals", "parenDecimals", "starLevels", "r2", "language"];

/** A table language: "en" or "zh"; anything else is refused here, naming where it was. */
function languageField(v: unknown, w: string): void {
  need(v === undefined || (typeof v === "string" && (LANGS as readonly string[]).includes(v)), `${w} must be one of ${LANGS.map((l) => `"${l}"`).join(", ")} (English, Chinese); got ${JSON.stringify(v)}.`);
}
const SPLIT_FIELDS = ["label", "column", "variable", "quantile", "levelLabels"];

/** A misspelt field (e.g. "clusters" for "cluster") would be ignored and change the results silently. */
function knownFields(obj: object, allowed: readonly string[], w: string): void {
  for (const k of Object.keys(obj)) need(allowed.includes(k), `${w} has no field "${k}". Its fields: ${allowed.join(", ")}.`);
}

/** A sample restriction: a list of {column, in: [values]} and/or {column, min, max} (both inclusive). */
function validateWhere(raw: unknown, w: string): void {
  const form = `a list of conditions such as [{"column": "year", "min": 2012, "max": 2019}, {"column": "province", "in": ["P01", "P02"]}]`;
  need(Array.isArray(raw), `${w} must be ${form}; got ${JSON.stringify(raw)}.`);
  (raw as unknown[]).forEach((f, j) => {
    const c = f as Partial<Record<keyof RowFilter, unknown>> | null;
    need(c && typeof c === "object" && typeof c.column === "string", `${w}[${j}] needs "column" (a column name); the form is ${form}.`);
    need(c!.in !== undefined || c!.min !== undefined || c!.max !== undefined, `${w}[${j}] needs "in" (a list of values) or "min"/"max" (numbers).`);
    need(c!.in === undefined || (Array.isArray(c!.in) && c!.in.every((v) => typeof v === "string" || typeof v === "number")), `${w}[${j}].in must be a list of values.`);
    for (const k of ["min", "max"] as const) need(c![k] === undefined || (typeof c![k] === "number" && Number.isFinite(c![k])), `${w}[${j}].${k} must be a number.`);
  });
}

export function validateTableSpec(t: TableSpec, where = "table"): void {
  need(t && typeof t === "object", `${where} must be an object.`);
  need((TABLE_KINDS as readonly string[]).includes(t.kind), `${where}: unknown kind "${String((t as { kind?: unknown }).kind)}". Allowed: ${TABLE_KINDS.join(", ")}.`);
  need(typeof t.title === "string" && t.title.trim(), `${where} needs a "title".`);
  knownFields(t, [...BASE_FIELDS, ...TABLE_FIELDS[t.kind]], where);
  const layout = t as unknown as Partial<Record<string, unknown>>;
  for (const k of ["terms", "controls", "stats", "notes", "variables"]) {
    need(layout[k] === undefined || strList(layout[k]), `${where}.${k} must be a list of names, e.g. ["a", "b"]; got ${JSON.stringify(layout[k])}.`);
  }
  for (const k of ["labels", "feRows", "statLabels", "roles", "options"]) {
    const v = layout[k];
    need(v === undefined || (v !== null && typeof v === "object" && !Array.isArray(v)), `${where}.${k} must be an object such as {"name": "text"}; got ${JSON.stringify(v)}.`);
  }
  const model = (m: LinearModelSpec | undefined, w: string) => {
    need(m && typeof m.y === "string" && strList(m.x), `${w} needs "y" (a column name) and "x" (a list of column names).`);
    knownFields(m!, MODEL_FIELDS[t.kind], w);
    for (const k of ["fe", "cluster"] as const) need(m![k] === undefined || strList(m![k]), `${w}.${k} must be a list of column names, e.g. ["city_id", "year"].`);
    need(m!.vcov === undefined || (VCOV_TYPES as readonly string[]).includes(m!.vcov), `${w}.vcov must be one of ${VCOV_TYPES.join(", ")}; got ${JSON.stringify(m!.vcov)}.`);
    const rw = (m as { where?: unknown }).where;
    if (rw !== undefined) validateWhere(rw, `${w}.where`);
  };
  if (t.options) knownFields(t.options, OPTION_FIELDS, `${where}.options`);
  languageField(t.language, `${where}.language`);
  languageField(t.options?.language, `${where}.options.language`);
  if (t.options) {
    try {
      tableOptions(t.options);
    } catch (e) {
      throw new InputError(`${where}.options: ${(e as Error).message}`);
    }
  }
  switch (t.kind) {
    case "regression":
      need(Array.isArray(t.models) && t.models.length > 0, `${where} (regression) needs a non-empty "models" list.`);
      t.models.forEach((m, j) => model(m, `${where}.models[${j}]`));
      break;
    case "descriptives":
      need(strList(t.variables) && t.variables.length > 0, `${where} (descriptives) needs "variables": a list of column names.`);
      break;
    case "iv":
      model(t.model, `${where}.model`);
      need(strList(t.model.endog) && strList(t.model.instruments), `${where}.model needs "endog" and "instruments" lists.`);
      break;
    case "mediation":
      model(t.model, `${where}.model`);
      need(typeof t.model.treat === "string" && typeof t.model.mediator === "string", `${where}.model needs "treat" and "mediator".`);
      if (t.bootstrap !== undefined) {
        const b = t.bootstrap as unknown as Record<string, unknown>;
        need(b !== null && typeof b === "object" && !Array.isArray(b), `${where}.bootstrap must be an object such as {"reps": 500, "seed": 20261122}; got ${JSON.stringify(b)}.`);
        knownFields(b, ["reps", "seed", "level"], `${where}.bootstrap`);
        for (const k of ["reps", "seed"]) need(typeof b[k] === "number", `${where}.bootstrap needs "${k}" (a number); got ${JSON.stringify(b[k])}.`);
        need(b.level === undefined || typeof b.level === "number", `${where}.bootstrap.level must be a number such as 0.95; got ${JSON.stringify(b.level)}.`);
      }
      break;
    case "heterogeneity":
      model(t.model, `${where}.model`);
      need(Array.isArray(t.splits) && t.splits.length > 0, `${where} (heterogeneity) needs a non-empty "splits" list.`);
      t.splits.forEach((s, j) => {
        need(typeof s.column === "string" || typeof s.variable === "string", `${where}.splits[${j}] needs "column" (group column) or "variable" (quantile split).`);
        knownFields(s, SPLIT_FIELDS, `${where}.splits[${j}]`);
      });
      break;
    case "robustness":
      model(t.model, `${where}.model`);
      need(t.panel && typeof t.panel.id === "string" && typeof t.panel.time === "string", `${where} (robustness) needs "panel": {"id": ..., "time": ...}.`);
      need(Array.isArray(t.variants) && t.variants.length > 0, `${where} (robustness) needs a non-empty "variants" list.`);
      break;
    case "psm":
      validatePsmTableSpec(t, where);
      if (t.model) model(t.model, `${where}.model`);
      break;
    case "boosting":
      need(typeof t.y === "string" && strList(t.x) && t.x.length > 0, `${where} (boosting) needs "y" (a column name) and "x" (a list of feature columns).`);
      if (t.boost) knownFields(t.boost, ["trees", "depth", "eta", "subsample", "colsample", "seed", "method"], `${where}.boost`);
      break;
    case "spatial":
      model(t.model as unknown as LinearModelSpec, `${where}.model`);
      validateSpatialSpec(t, where);
      break;
  }
}
