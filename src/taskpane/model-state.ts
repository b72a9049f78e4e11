/**
 * The pane's model choices as one plain state object shared by every form (switching the model keeps
 * the variables already chosen), its defaults from the data profile (id + time FE, cluster by id), and
 * `buildSpec`: state -> JobSpec, or the first thing a user must still choose, in words.
 */
import type { DataProfile } from "./worker/profile";
import { t } from "../i18n/catalogue";
import { paneSpatial } from "../i18n/messages/pane-spatial";
import { SPATIAL_DEFAULTS, SpatialChoices, spatialDefaults, spatialSpecOf } from "./spatial-state";
import type { BoostSettings, JobKind, JobSpec, RegressionCore, RobustnessCheck, RobustnessSpec } from "./worker/protocol";

export interface IndicatorChoice {
  readonly name: string;
  readonly direction: 1 | -1;
  readonly layer: string;
}

/** The shared regression fields (y, x, controls, fe, cluster, vcov) plus every form's own fields. */
export interface ModelState extends RegressionCore, SpatialChoices {
  readonly kind: JobKind;
  readonly columns: "stepwise" | "all";
  readonly instruments: readonly string[];
  readonly mediator: string;
  readonly bootstrap: number;
  readonly by: string;
  readonly split: "groups" | "median";
  readonly checks: readonly RobustnessCheck[];
  readonly altOutcome: string;
  /** Robustness "drop groups": rows with chosen values of `dropBy`, or rows flagged 1 in a 0/1 column. */
  readonly dropRule: "values" | "flag";
  readonly dropBy: string;
  /** The values to drop as typed (comma-separated). */
  readonly dropValues: string;
  readonly describeVars: readonly string[];
  readonly indicators: readonly IndicatorChoice[];
  readonly entropyMethod: "minmax" | "shift";
  readonly value: string;
  readonly national: string;
  readonly idVar: string;
  readonly timeVar: string;
  readonly outName: string;
  readonly psmMethod: "all" | "nn" | "radius" | "kernel";
  readonly psmCaliper: number;
  readonly psmBwidth: number;
  readonly psmByPeriod: boolean;
  /** Boosting: features and the training settings (paper 003's by default). */
  readonly features: readonly string[];
  readonly boost: BoostSettings;
}

export type { BoostSettings };

export const DEFAULT_BOOST: BoostSettings = { trees: 200, depth: 4, eta: 0.05, subsample: 0.8, colsample: 0.8, seed: 1, method: "exact" };

export const MODEL_KINDS: readonly { readonly kind: JobKind; readonly label: string; readonly help: string }[] = [
  { kind: "describe", label: "Descriptive statistics", help: "N, mean, SD, min and max of the chosen variables." },
  { kind: "fe", label: "Fixed effects (baseline)", help: "Two-way FE regression; controls added one by one (stepwise columns) or all at once." },
  { kind: "iv", label: "IV-2SLS", help: "Two-stage least squares with FE; first stage, Kleibergen-Paap and Cragg-Donald diagnostics." },
  { kind: "mediation", label: "Mediation (mechanism)", help: "Baron-Kenny three equations with a Sobel test (and bootstrap if asked)." },
  { kind: "heterogeneity", label: "Heterogeneity", help: "The baseline on sub-samples split by a grouping variable or at its median." },
  { kind: "robustness", label: "Robustness battery", help: "The baseline re-estimated under standard robustness checks, one column each." },
  { kind: "psm", label: "PSM-FE (matched sample)", help: "Propensity-score matching (psmatch2): treatment = key regressor above its median, covariates = controls; FE regression on each matched sample, and the balance table." },
  { kind: "entropy", label: "Index: entropy weights", help: "Composite index by the entropy weight method, with directions and layers." },
  { kind: "resilience", label: "Index: resilience (Martin)", help: "Sensitivity index (g_it - G_t)/|G_t| from a level variable such as GDP per capita." },
  { kind: "boosting", label: "Boosted trees + SHAP", help: "Gradient-boosted trees (xgboost parity) with TreeSHAP: importance table and a SHAP values sheet." },
  { kind: "spatial", label: t(paneSpatial.kindLabel), help: t(paneSpatial.kindHelp) },
];

export const ROBUSTNESS_CHECKS: readonly { readonly check: RobustnessCheck; readonly label: string }[] = [
  { check: "winsorize", label: "Winsorise variables at 1%/99%" },
  { check: "alt_outcome", label: "Alternative outcome" },
  { check: "lag_x", label: "Lag the key regressor one period" },
  { check: "drop_groups", label: "Drop groups (chosen values or a 0/1 flag)" },
  { check: "trim_period", label: "Restrict the period" },
];

export function initialState(): ModelState {
  return {
    kind: "fe",
    y: "",
    x: [],
    controls: [],
    fe: [],
    cluster: [],
    vcov: "cluster",
    columns: "stepwise",
    instruments: [],
    mediator: "",
    bootstrap: 0,
    by: "",
    split: "groups",
    checks: ["winsorize", "lag_x"],
    altOutcome: "",
    dropRule: "values",
    dropBy: "",
    dropValues: "",
    describeVars: [],
    indicators: [],
    entropyMethod: "minmax",
    value: "",
    national: "",
    idVar: "",
    timeVar: "",
    outName: "",
    psmMethod: "all",
    psmCaliper: 0.05,
    psmBwidth: 0.06,
    psmByPeriod: true,
    features: [],
    boost: DEFAULT_BOOST,
    ...SPATIAL_DEFAULTS,
  };
}

/** Sensible defaults once data are loaded: FE on id and time, cluster by id; clears names that no longer exist. */
export function stateForProfile(prev: ModelState, profile: DataProfile): ModelState {
  const names = new Set(profile.variables.map((v) => v.name));
  const keep = (xs: readonly string[]) => xs.filter((x) => names.has(x));
  const one = (x: string) => (names.has(x) ? x : "");
  const id = profile.idColumn ?? "";
  const time = profile.timeColumn ?? "";
  const fe = keep(prev.fe);
  const cluster = keep(prev.cluster);
  return {
    ...prev,
    y: one(prev.y),
    x: keep(prev.x),
    controls: keep(prev.controls),
    fe: fe.length ? fe : [id, time].filter((v) => v !== ""),
    cluster: cluster.length ? cluster : id ? [id] : [],
    instruments: keep(prev.instruments),
    mediator: one(prev.mediator),
    by: one(prev.by),
    altOutcome: one(prev.altOutcome),
    ...dropDefaults(prev, names, id),
    describeVars: keep(prev.describeVars),
    features: keep(prev.features),
    indicators: prev.indicators.filter((i) => names.has(i.name)),
    value: one(prev.value),
    national: one(prev.national),
    idVar: one(prev.idVar) || id,
    timeVar: one(prev.timeVar) || time,
    ...spatialDefaults(prev, names),
  };
}

/** Keeps a chosen drop column; else a `municipality` flag if the data have one, else the panel id by value. */
function dropDefaults(prev: ModelState, names: ReadonlySet<string>, id: string): Pick<ModelState, "dropRule" | "dropBy"> {
  if (names.has(prev.dropBy)) return { dropRule: prev.dropRule, dropBy: prev.dropBy };
  if (names.has("municipality")) return { dropRule: "flag", dropBy: "municipality" };
  return { dropRule: "values", dropBy: id };
}

/** "P01, P02; P03" -> ["P01", "P02", "P03"] (commas, semicolons or new lines; blanks and repeats removed). */
export function parseDropValues(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((v) => v.trim()).filter((v) => v !== ""))];
}

export class SpecProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SpecProblem";
  }
}

function need(cond: unknown, what: string): void {
  if (!cond) throw new SpecProblem(what);
}

function regressionCore(s: ModelState, keyLabel: string) {
  need(s.y, "Choose the dependent variable.");
  need(s.x.length > 0, `Choose the ${keyLabel}.`);
  const clash = s.x.find((v) => v === s.y) ?? s.controls.find((v) => v === s.y);
  need(!clash, `"${s.y}" is the dependent variable; remove it from the regressors.`);
  need(s.vcov !== "cluster" || s.cluster.length > 0, "Clustered standard errors need a cluster variable: choose one, or pick robust (HC1) or iid.");
  return {
    y: s.y,
    x: [...s.x],
    controls: s.controls.filter((c) => !s.x.includes(c)),
    fe: [...s.fe],
    cluster: s.vcov === "cluster" ? [...s.cluster] : [],
    vcov: s.vcov,
  };
}

function dropSpec(s: ModelState): Pick<RobustnessSpec, "dropRule" | "dropBy" | "dropValues"> {
  if (!s.checks.includes("drop_groups")) return {};
  need(s.dropBy, s.dropRule === "flag" ? "Choose the 0/1 column whose rows flagged 1 are dropped (Drop rows by)." : "Choose the column whose values are dropped (Drop rows by), e.g. province.");
  if (s.dropRule === "flag") return { dropRule: "flag", dropBy: s.dropBy };
  const values = parseDropValues(s.dropValues);
  need(values.length > 0, `List the values of "${s.dropBy}" to drop, separated by commas (e.g. P01, P02).`);
  return { dropRule: "values", dropBy: s.dropBy, dropValues: values };
}

/** The job for the current choices, or a SpecProblem naming the first missing choice. */
export function buildSpec(s: ModelState): JobSpec {
  switch (s.kind) {
    case "describe":
      need(s.describeVars.length > 0, "Choose at least one variable to describe.");
      return { kind: "describe", vars: [...s.describeVars], sample: "pairwise" };
    case "fe":
      return { kind: "fe", ...regressionCore(s, "key regressor"), columns: s.columns };
    case "iv": {
      const core = regressionCore(s, "endogenous regressor");
      need(s.instruments.length > 0, "Choose at least one excluded instrument.");
      need(s.instruments.length >= s.x.length, `There are ${s.x.length} endogenous regressors but only ${s.instruments.length} instrument(s); choose at least as many instruments.`);
      return { kind: "iv", ...core, instruments: [...s.instruments] };
    }
    case "mediation":
      need(s.mediator, "Choose the mediator (mechanism variable).");
      return { kind: "mediation", ...regressionCore(s, "key regressor"), mediator: s.mediator, bootstrap: s.bootstrap };
    case "heterogeneity":
      need(s.by, "Choose the variable that splits the sample.");
      return { kind: "heterogeneity", ...regressionCore(s, "key regressor"), by: s.by, split: s.split };
    case "robustness":
      need(s.checks.length > 0, "Choose at least one robustness check.");
      need(!s.checks.includes("alt_outcome") || s.altOutcome, "The alternative-outcome check needs the alternative outcome variable.");
      return { kind: "robustness", ...regressionCore(s, "key regressor"), checks: [...s.checks], altOutcome: s.altOutcome || undefined, ...dropSpec(s) };
    case "psm": {
      const core = regressionCore(s, "key regressor (its values above the median are treated)");
      need(core.controls.length > 0, "Choose the controls: they are the covariates of the propensity score.");
      need(!s.psmByPeriod || s.timeVar, "Matching by period needs the time variable (Data section).");
      need(s.psmMethod === "nn" || s.psmMethod === "kernel" || s.psmCaliper > 0, "Radius matching needs a radius > 0.");
      need(s.psmMethod === "nn" || s.psmMethod === "radius" || s.psmBwidth > 0, "Kernel matching needs a bandwidth > 0.");
      return { kind: "psm", ...core, method: s.psmMethod, caliper: s.psmCaliper, bwidth: s.psmBwidth, by: s.psmByPeriod ? s.timeVar : "" };
    }
    case "entropy":
      need(s.indicators.length >= 2, "Choose at least two indicators for the entropy index.");
      need(s.outName.trim(), "Name the new index (e.g. NQP).");
      return { kind: "entropy", indicators: s.indicators, method: s.entropyMethod, outName: s.outName.trim(), id: s.idVar || undefined, time: s.timeVar || undefined };
    case "resilience":
      need(s.value, "Choose the level variable (e.g. GDP per capita).");
      need(s.idVar, "Choose the panel id variable.");
      need(s.timeVar, "Choose the time variable.");
      need(s.outName.trim(), "Name the new index (e.g. ER).");
      return { kind: "resilience", value: s.value, id: s.idVar, time: s.timeVar, national: s.national || undefined, outName: s.outName.trim() };
    case "boosting":
      need(s.y, "Choose the target (y).");
      need(s.features.length > 0, "Choose at least one feature.");
      return { kind: "boosting", y: s.y, features: [...s.features], ...s.boost, id: s.idVar || undefined, time: s.timeVar || undefined };
    case "spatial":
      return spatialSpecOf(s, need);
  }
}
