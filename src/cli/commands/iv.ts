/**
 * `nqp iv`: IV-2SLS with absorbed fixed effects and weak-instrument diagnostics (ivreg2 / ivreghdfe
 * conventions) on a .csv/.xlsx file. JSON: the `nqp fe` shape (feJson) plus `endogenous`, `instruments`,
 * `omitted_instruments`, `first_stage` (per endogenous regressor) and a `diagnostics` object with the keys
 * kp_lm, kp_lm_p, kp_f, cd_f, hansen_j, hansen_j_p, stock_yogo_10 (+ endog_c, ar_f, ...); the full
 * diagnostic records are in `diagnostic_records`.
 */
import { FirstStage } from "../../engine/iv/first-stage";
import { fitIv, IvResult, IvSpec } from "../../engine/models/iv";
import { VcovType } from "../../engine/models/result";
import { ParsedArgs, VCOV_FLAG, getBool, getList, getString } from "../argv";
import { CliCommand, CliIO } from "../command";
import { readDataFile } from "../data";
import { formatNumber, formatP, formatTable, keyed, pText, toJson } from "../output";
import { feJson, feText } from "./fe";

function firstStageJson(f: FirstStage): Record<string, unknown> {
  return {
    terms: f.terms, coef: keyed(f.terms, f.coef), se: keyed(f.terms, f.se), t: keyed(f.terms, f.t), p: keyed(f.terms, f.p),
    F: f.f, F_df1: f.fDf[0], F_df2: f.fDf[1], F_p: f.fP, partial_r2: f.partialR2, rmse: f.rmse,
  };
}

/** name -> statistic, plus <name>_p where a p-value exists, plus the Stock-Yogo values of the weak-id F. */
export function ivDiagnosticsJson(r: IvResult): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const d of r.diagnostics) {
    out[d.name] = d.inapplicable ? null : d.statistic;
    if (d.distribution !== "none") out[`${d.name}_p`] = d.inapplicable ? null : d.p;
    for (const [k, v] of Object.entries(d.extra ?? {})) out[k] = v;
  }
  if (!("stock_yogo_10" in out)) out.stock_yogo_10 = null;
  return out;
}

export function ivJson(r: IvResult): Record<string, unknown> {
  const base = feJson(r);
  return {
    ...base,
    model: "iv",
    endogenous: r.endogenous,
    instruments: r.instruments,
    omitted_instruments: r.omittedInstruments,
    small: r.small,
    sdofminus: r.sdofminus,
    first_stage: Object.fromEntries(r.firstStage.map((f) => [f.endogenous, firstStageJson(f)])),
    ...(r.reducedForm ? { reduced_form: firstStageJson(r.reducedForm) } : {}),
    diagnostics: ivDiagnosticsJson(r),
    diagnostic_records: base.diagnostics,
    ar_confidence_set: r.arConfidenceSet?.map(([a, b]) => [Number.isFinite(a) ? a : String(a), Number.isFinite(b) ? b : String(b)]) ?? null,
  };
}

/** First-stage rows, the excluded instruments first, then the exogenous controls (and _cons), each with its role. */
function firstStageRows(f: FirstStage, instruments: readonly string[]): (string | number)[][] {
  const row = (j: number, role: string) => [f.terms[j], role, f.coef[j], f.se[j], f.t[j], formatP(f.p[j])];
  const idx = f.terms.map((_, j) => j);
  return [
    ...idx.filter((j) => instruments.includes(f.terms[j])).map((j) => row(j, "instrument")),
    ...idx.filter((j) => !instruments.includes(f.terms[j])).map((j) => row(j, f.terms[j] === "_cons" ? "constant" : "control")),
  ];
}

export function ivText(r: IvResult): string {
  const lines = [feText(r).replace(/^Linear regression[^:]*:/, "IV (2SLS):"), ""];
  lines.push(`Instrumented: ${r.endogenous.join(", ")}   Excluded instruments: ${r.instruments.join(", ")}`);
  for (const [k, why] of Object.entries(r.omittedInstruments)) lines.push(`Instrument ${k} left out: ${why}`);
  lines.push(`Rows dropped for missing values: ${r.sample.droppedMissing} (${Object.entries(r.sample.missingBy).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(", ") || "none"})`);
  for (const f of r.firstStage) {
    lines.push("", `First stage: ${f.endogenous}  F(${f.fDf[0]}, ${f.fDf[1]}) = ${formatNumber(f.f)}  ${pText(f.fP)}  partial R2 = ${formatNumber(f.partialR2)}  (F: the excluded instruments)`);
    lines.push(formatTable(["term", "role", "coef", "se", "t", "p"], firstStageRows(f, r.instruments)));
  }
  lines.push("", "Diagnostics");
  lines.push(formatTable(["test", "statistic", "df", "p", "note"], r.diagnostics.map((d) => [
    d.label, d.inapplicable ? "n/a" : d.statistic, d.df.join(", "), d.distribution === "none" || d.inapplicable ? "" : formatP(d.p),
    d.inapplicable ?? (d.extra?.stock_yogo_10 !== undefined ? `Stock-Yogo 10% max. IV size: ${d.extra.stock_yogo_10}` : ""),
  ])));
  if (r.arConfidenceSet) {
    lines.push(`Anderson-Rubin ${Math.round(100 * 0.95)}% confidence set for ${r.endogenous[0]}: ${r.arConfidenceSet.map(([a, b]) => `[${formatNumber(a)}, ${formatNumber(b)}]`).join(" U ") || "empty"}`);
  }
  return lines.join("\n") + "\n";
}

export function ivSpec(a: ParsedArgs): IvSpec {
  return {
    y: getString(a, "y")!,
    endog: getList(a, "endog")!,
    instruments: getList(a, "instruments")!,
    x: getList(a, "x") ?? [],
    fe: getList(a, "fe") ?? [],
    cluster: getList(a, "cluster"),
    vcov: getString(a, "vcov") as VcovType | undefined,
    small: !getBool(a, "nosmall"),
    keepSingletons: getBool(a, "keep-singletons"),
    reducedForm: getBool(a, "reduced-form"),
  };
}

export const command: CliCommand = {
  name: "iv",
  summary: "IV-2SLS with absorbed fixed effects, first stages and weak-instrument diagnostics (ivreg2/ivreghdfe).",
  usage: "nqp iv --data FILE --y Y --endog E --instruments Z1,Z2 [--x A,B] [--fe ID,YEAR] [--cluster ID] [--vcov iid|robust|cluster] [--nosmall] [--reduced-form] [--json]",
  flags: {
    data: { type: "string", meta: "FILE", required: true, description: ".csv or .xlsx (first sheet) with a header row" },
    y: { type: "string", column: true, meta: "NAME", required: true, description: "dependent variable" },
    endog: { type: "list", meta: "E1,E2", required: true, description: "endogenous regressors" },
    instruments: { type: "list", meta: "Z1,Z2", required: true, description: "excluded instruments (at least as many as endogenous)" },
    x: { type: "list", meta: "A,B", description: "exogenous controls" },
    fe: { type: "list", meta: "ID,YEAR", description: "fixed effects to absorb (none = constant)" },
    cluster: { type: "list", meta: "ID", description: "one cluster variable (implies --vcov cluster)" },
    vcov: VCOV_FLAG,
    nosmall: { type: "boolean", description: "ivreg2 default: no finite-sample factor, z statistics (default: CR1/HC1, t)" },
    "keep-singletons": { type: "boolean", description: "keep singleton FE groups" },
    "reduced-form": { type: "boolean", description: "also fit the reduced form (y on all instruments)" },
    json: { type: "boolean", description: "print one JSON object (NaN -> null)" },
  },
  details: [
    "Example (Table 4 of the papers, on nqp_paper.csv from the nqp lag example):",
    "  nqp iv --data nqp_paper.csv --y ER --endog NQP --instruments L1_NQP --x GDP FTE BOOK OPEN FEF --fe city_id year --cluster city_id",
  ].join("\n"),
  async run(a: ParsedArgs, io: CliIO): Promise<number> {
    const spec = ivSpec(a);
    const frame = await readDataFile(getString(a, "data")!, io.cwd);
    const r = fitIv(frame, spec);
    io.out(getBool(a, "json") ? toJson(ivJson(r)) + "\n" : ivText(r));
    return 0;
  },
};
