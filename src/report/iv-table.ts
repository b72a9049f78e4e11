/**
 * IV-2SLS table (the papers' Table 4): first-stage column(s) (endogenous regressor on the excluded
 * instruments and controls) then the second stage, with the weak- and under-identification rows
 * (KP rk Wald F with the Stock-Yogo 10% critical value in braces, KP rk LM with its p-value in
 * brackets, Hansen J when over-identified) in the column the user picks (default the first stage,
 * as the papers print them).
 */
import { InputError } from "../engine/frame";
import { FirstStage } from "../engine/iv/first-stage";
import { IvResult } from "../engine/models/iv";
import { RegressionResult } from "../engine/models/result";
import { Diagnostic } from "../engine/stats/diagnostic";
import { t } from "../i18n/catalogue";
import { tableMessages as m } from "../i18n/messages/tables";
import { ModelColumn } from "./column";
import { TableOptions, tableOptions } from "./options";
import { RegressionTableSpec, buildRegressionTable, defaultStats } from "./regression-table";
import { Table } from "./table";

export interface IvTableSpec extends Omit<RegressionTableSpec, "columns"> {
  /** First-stage regressions, one per endogenous regressor. */
  readonly firstStage: readonly RegressionResult[];
  readonly secondStage: RegressionResult;
  /** KP rk LM, KP rk Wald F, Cragg-Donald F, Hansen J... (Diagnostic records of the IV result). */
  readonly diagnostics: readonly Diagnostic[];
  /** Which column shows the diagnostics: "first" (last first-stage column) or "second". */
  readonly diagnosticsColumn?: "first" | "second";
  /** Indicator rows shared by all columns, e.g. { Controls: true }. */
  readonly indicators?: Readonly<Record<string, boolean | string>>;
}

/** Diagnostic rows shown by default, in this order, when the IV result has them. */
export const IV_DIAGNOSTIC_ROWS: readonly string[] = ["kp_f", "kp_lm", "cd_f", "hansen_j"];

export function buildIvTable(spec: IvTableSpec): Table {
  if (!spec.firstStage.length) throw new InputError("An IV table needs the first-stage regression(s).");
  const where = spec.diagnosticsColumn ?? "first";
  if (where !== "first" && where !== "second") throw new InputError(`Unknown diagnostics column "${String(where)}". Allowed: first, second.`);
  const nFirst = spec.firstStage.length;
  const diagAt = where === "first" ? nFirst - 1 : nFirst;
  const results = [...spec.firstStage, spec.secondStage];
  const o: TableOptions = tableOptions(spec.options);
  // Diagnostics show only in the chosen column (the IV result also carries them in result.diagnostics).
  const columns: ModelColumn[] = results.map((result, j) => ({
    result: j === diagAt ? result : { ...result, diagnostics: [] },
    group: t(j < nFirst ? m.firstStage : m.secondStage, undefined, o.language),
    indicators: spec.indicators,
    diagnostics: j === diagAt ? spec.diagnostics : [],
  }));
  const present = IV_DIAGNOSTIC_ROWS.filter((k) => spec.diagnostics.some((d) => d.name === k && !d.inapplicable));
  const stats = spec.stats ?? [...present, ...defaultStats(o.r2)];
  const { firstStage: _f, secondStage: _s, diagnostics: _d, diagnosticsColumn: _w, indicators: _i, ...rest } = spec;
  return buildRegressionTable({ ...rest, columns, stats });
}

/** A first stage of an IV fit as a result record for the table (sample, FE and clustering of the IV fit). */
export function firstStageResult(iv: IvResult, fs: FirstStage): RegressionResult {
  const k = fs.terms.length;
  return {
    ...iv,
    model: "ols",
    depVar: fs.endogenous,
    terms: fs.terms,
    coef: fs.coef,
    se: fs.se,
    stat: fs.t,
    p: fs.p,
    ciLow: new Float64Array(k).fill(NaN),
    ciHigh: new Float64Array(k).fill(NaN),
    vcov: fs.vcov,
    omitted: [],
    statName: "t",
    r2: NaN,
    r2Adj: NaN,
    r2Within: NaN,
    rmse: fs.rmse,
    ssr: fs.rss,
    diagnostics: [
      {
        name: "first_f",
        label: "First-stage F",
        statistic: fs.f,
        df: fs.fDf,
        distribution: "F",
        p: fs.fP,
        nullHypothesis: `the excluded instruments do not explain ${fs.endogenous}`,
      },
    ],
  };
}

/**
 * The IV table of an IV fit: its first stage(s) as columns (same sample, FE and variance as the second
 * stage, with the first-stage F), then the second stage and the IV diagnostics. The one layout both the
 * workbook tables (run-spec.ts) and the task pane use.
 */
export function ivTable(iv: IvResult, layout: Omit<IvTableSpec, "firstStage" | "secondStage" | "diagnostics">): Table {
  return buildIvTable({ ...layout, firstStage: iv.firstStage.map((fs) => firstStageResult(iv, fs)), secondStage: iv, diagnostics: iv.diagnostics });
}
