/**
 * Messages between the task pane (main thread) and the engine worker, and the model specs the forms
 * produce. Everything here is plain structured-cloneable data.
 *
 * Flow: load-start -> load-chunk* -> load-end (worker answers `profile`), then any number of
 * run (answered by progress* then result | error), cancel (the worker answers the run with an
 * error of kind "cancelled" at its next cancellation point).
 */
import type { Cell } from "../../engine/frame/missing";
import type { DataProfile } from "./profile";
import type { Table } from "../../report/table";

export type VcovChoice = "iid" | "hc1" | "cluster";

/** The estimation choices every regression form shares. */
export interface RegressionCore {
  readonly y: string;
  /** Key regressor(s), shown first in the table. */
  readonly x: readonly string[];
  readonly controls: readonly string[];
  /** Absorbed fixed effects (default: panel id and time). */
  readonly fe: readonly string[];
  /** Cluster variables (default: panel id); empty = no clustering. */
  readonly cluster: readonly string[];
  readonly vcov: VcovChoice;
}

export interface DescribeSpec {
  readonly kind: "describe";
  readonly vars: readonly string[];
  readonly sample: "pairwise" | "listwise";
}

export interface FeSpec extends RegressionCore {
  readonly kind: "fe";
  /** "stepwise": column 1 = x only, then one control added per column; "all": one column with everything. */
  readonly columns: "stepwise" | "all";
}

export interface IvSpec extends RegressionCore {
  readonly kind: "iv";
  /** x holds the endogenous regressor(s); these are the excluded instruments. */
  readonly instruments: readonly string[];
}

export interface MediationSpec extends RegressionCore {
  readonly kind: "mediation";
  readonly mediator: string;
  /** Bootstrap replications for the indirect effect (0 = Sobel test only). */
  readonly bootstrap: number;
}

export interface HeterogeneitySpec extends RegressionCore {
  readonly kind: "heterogeneity";
  /** Column whose values split the sample (e.g. hu_east, resource_based). */
  readonly by: string;
  /** "groups": one column per value of `by`; "median": below / above the median of `by`. */
  readonly split: "groups" | "median";
}

export type RobustnessCheck = "winsorize" | "alt_outcome" | "drop_groups" | "lag_x" | "trim_period";

export interface RobustnessSpec extends RegressionCore {
  readonly kind: "robustness";
  readonly checks: readonly RobustnessCheck[];
  /** For alt_outcome. */
  readonly altOutcome?: string;
  /**
   * For drop_groups: rows whose `dropBy` equals one of `dropValues` are dropped ("flag": dropBy is a 0/1
   * column and dropValues is ["1"]). Without dropValues: a `municipality` = 1 column, if the data have one.
   */
  readonly dropBy?: string;
  readonly dropValues?: readonly string[];
  readonly dropRule?: "values" | "flag";
  /** For trim_period: first and last period kept. */
  readonly period?: readonly [number, number];
}

export interface EntropySpec {
  readonly kind: "entropy";
  readonly indicators: readonly { readonly name: string; readonly direction: 1 | -1; readonly layer: string }[];
  readonly method: "minmax" | "shift";
  readonly outName: string;
  readonly id?: string;
  readonly time?: string;
}

export interface ResilienceSpec {
  readonly kind: "resilience";
  readonly value: string;
  readonly id: string;
  readonly time: string;
  /** National level column; omitted = cross-sectional total. */
  readonly national?: string;
  readonly outName: string;
}

/** PSM-FE (paper 002, Table 4): treat = x[0] above its (period's) median, covariates = controls, outcome = y. */
export interface PsmJobSpec extends RegressionCore {
  readonly kind: "psm";
  /** "all": nearest / radius / kernel columns; or one method. */
  readonly method: "all" | "nn" | "radius" | "kernel";
  /** Radius (radius) or caliper (nearest neighbour; 0 = none). */
  readonly caliper: number;
  readonly bwidth: number;
  /** Period variable: treatment rule and matching per period; empty = one cross-section / pooled run. */
  readonly by: string;
}

/** The boosting form's training settings (defaults: paper 003's, model-state.ts DEFAULT_BOOST). */
export interface BoostSettings {
  readonly trees: number;
  readonly depth: number;
  readonly eta: number;
  readonly subsample: number;
  readonly colsample: number;
  readonly seed: number;
  readonly method: "exact" | "hist";
}

/** Gradient-boosted trees explained by TreeSHAP (worker/jobs-boosting.ts). */
export interface BoostingSpec extends BoostSettings {
  readonly kind: "boosting";
  readonly y: string;
  readonly features: readonly string[];
  /** Panel id / time written beside the SHAP values. */
  readonly id?: string;
  readonly time?: string;
}

/** Spatial panel models with two-way FE (worker/jobs-spatial.ts): the "spatial" table and the Moran / LISA charts. */
export interface SpatialJobSpec {
  readonly kind: "spatial";
  readonly y: string;
  readonly x: readonly string[];
  readonly id: string;
  readonly time: string;
  readonly lat: string;
  readonly lon: string;
  /** "knn:5", "idw:2" or "idw:2,500" (cutoff in km). */
  readonly weights: string;
  readonly models: readonly ("sar" | "sem" | "sdm")[];
  /** "leeyu": Lee-Yu bias correction; "direct": the uncorrected estimator. */
  readonly variant: "leeyu" | "direct";
}

export type JobSpec = DescribeSpec | FeSpec | IvSpec | MediationSpec | HeterogeneitySpec | RobustnessSpec | EntropySpec | ResilienceSpec | PsmJobSpec | BoostingSpec | SpatialJobSpec;
export type JobKind = JobSpec["kind"];

/** Presentation choices (the report's TableOptions the pane exposes). */
export interface PaneTableOptions {
  readonly paren: "t" | "se";
  readonly decimals: number;
  /** Table language (TableLanguageField; default the interface language, English in older records). */
  readonly language?: "en" | "zh";
}

/** Index scores laid out for their own sheet: id and time (as in the data), then the score columns, row-aligned. */
export interface ScoreSheet {
  /** Wanted sheet name, e.g. "NQP scores". */
  readonly sheetName: string;
  /** The panel id / time columns (text or numbers, null = missing); "Data row" when the index has neither. */
  readonly keys: readonly { readonly name: string; readonly values: readonly (string | number | null)[] }[];
  /** Score columns; NaN = undefined (a blank cell). */
  readonly scores: readonly { readonly name: string; readonly values: Float64Array }[];
  /** Rows whose main score is undefined. */
  readonly blankRows: number;
  /** Why those rows are blank, in words (written beside the block and shown in the pane). */
  readonly note: string;
}

export interface JobOutput {
  readonly kind: JobKind;
  /** The publication table (report/ table model): preview in the pane, then written to a new sheet. */
  readonly table: Table;
  /** A short sentence for the pane: sample size, what was dropped. */
  readonly summary: string;
  /** New columns the job computed (indices). The engine adds them to the loaded data for later models. */
  readonly columns?: readonly { readonly name: string; readonly values: Float64Array }[];
  /** For the index builders: the scores as their own sheet ("Write scores"). */
  readonly scores?: ScoreSheet;
  /** Further tables written to sheets of their own with the main one (PSM: the balance table). */
  readonly extraTables?: readonly Table[];
  /** Boosting: what SHAP summary (beeswarm) and dependence charts need (worker/jobs-boosting.ts). */
  readonly explanation?: import("./jobs-boosting").ShapExplanation;
  /** What the Draw chart choices need (worker/chart-data.ts; boosting uses `explanation`). */
  readonly charts?: readonly import("./chart-data").ChartData[];
  /** The data profile after adding `columns` (set by the engine host). */
  readonly profile?: DataProfile;
}

export type ToWorker =
  | { readonly type: "load-start"; readonly header: readonly unknown[]; readonly nrow: number }
  | { readonly type: "load-chunk"; readonly rows: Cell[][] }
  | { readonly type: "load-end" }
  | { readonly type: "run"; readonly jobId: number; readonly spec: JobSpec; readonly options: PaneTableOptions }
  | { readonly type: "cancel"; readonly jobId: number };

export type ErrorKind = "input" | "cancelled" | "internal" | "unavailable";

export type FromWorker =
  | { readonly type: "profile"; readonly profile: DataProfile }
  | { readonly type: "progress"; readonly jobId: number; readonly done: number; readonly total: number; readonly task: string }
  | { readonly type: "result"; readonly jobId: number; readonly output: JobOutput }
  | { readonly type: "error"; readonly jobId: number | null; readonly kind: ErrorKind; readonly message: string };
