/**
 * `nqp fe`: linear regression with absorbed fixed effects (none = pooled OLS) on a .csv/.xlsx file.
 * JSON keys (stable; later commands follow the same shape): see `feJson`.
 */
import { fitLinear, LinearSpec } from "../../engine/models/linear";
import { RegressionResult, VcovType } from "../../engine/models/result";
import { DATA_FLAG, JSON_FLAG, ParsedArgs, VCOV_FLAG, getBool, getList, getString } from "../argv";
import { CliCommand, CliIO } from "../command";
import { readDataFile } from "../data";
import { formatNumber, formatP, formatTable, keyed, toJson } from "../output";
import { extent } from "../../engine/stats/extent";

/** The JSON record of a linear model (the shape every regression command prints with --json). */
export function feJson(r: RegressionResult): Record<string, unknown> {
  const k = r.terms.length;
  const vcovMatrix: Record<string, Record<string, number>> = {};
  r.terms.forEach((a, i) => (vcovMatrix[a] = keyed(r.terms, r.vcov.subarray(i * k, (i + 1) * k))));
  return {
    model: r.model,
    depvar: r.depVar,
    terms: r.terms,
    n: r.n,
    n_input: r.sample.nInput,
    n_dropped_missing: r.sample.droppedMissing,
    n_dropped_singletons: r.sample.droppedSingletons,
    missing_by: r.sample.missingBy,
    coef: keyed(r.terms, r.coef),
    se: keyed(r.terms, r.se),
    t: keyed(r.terms, r.stat),
    p: keyed(r.terms, r.p),
    ci_low: keyed(r.terms, r.ciLow),
    ci_high: keyed(r.terms, r.ciHigh),
    stat: r.statName,
    omitted: r.omitted,
    r2: r.r2,
    r2_adj: r.r2Adj,
    r2_within: r.r2Within,
    rmse: r.rmse,
    ssr: r.ssr,
    vcov: r.vcovType,
    cluster: r.clusterVars,
    n_clusters: r.nClusters.length > 0 ? extent(r.nClusters).min : null,
    clusters: keyed(r.clusterVars, r.nClusters),
    fixed_effects: keyed(
      r.fixedEffects.map((f) => f.name),
      r.fixedEffects.map((f) => f.levels),
    ),
    k_full: r.dof.kFull,
    k_cluster: r.dof.kCluster,
    df_resid: r.dof.dfResid,
    df_inference: r.dof.dfInference,
    diagnostics: r.diagnostics.map((d) => ({ name: d.name, statistic: d.statistic, df: d.df, p: d.p, ...(d.inapplicable ? { inapplicable: d.inapplicable } : {}) })),
    vcov_matrix: vcovMatrix,
  };
}

/** The readable report of a linear model. */
export function feText(r: RegressionResult): string {
  const fe = r.fixedEffects.map((f) => `${f.name} (${f.levels})`).join(", ");
  const vc =
    r.vcovType === "cluster"
      ? `clustered by ${r.clusterVars.map((c, i) => `${c} (${r.nClusters[i]})`).join(" and ")}`
      : r.vcovType === "hc1"
        ? "robust (HC1)"
        : "iid";
  const head = [
    `${r.model === "fe" ? "Linear regression, absorbed fixed effects" : "Linear regression (OLS)"}: ${r.depVar}`,
    `N = ${r.n}  (dropped: ${r.sample.droppedMissing} missing, ${r.sample.droppedSingletons} singletons)`,
    ...(fe ? [`Fixed effects: ${fe}`] : []),
    `Std. errors: ${vc}; ${r.statName} with ${Number.isFinite(r.dof.dfInference) ? r.dof.dfInference : "inf"} df`,
    `R2 = ${formatNumber(r.r2)}  adj. R2 = ${formatNumber(r.r2Adj)}${Number.isFinite(r.r2Within) ? `  within R2 = ${formatNumber(r.r2Within)}` : ""}`,
    ...(r.omitted.length > 0 ? [`Omitted (collinear): ${r.omitted.join(", ")}`] : []),
    "",
  ].join("\n");
  const rows = r.terms.map((t, i) => [t, r.coef[i], r.se[i], r.stat[i], formatP(r.p[i]), r.ciLow[i], r.ciHigh[i]]);
  return head + "\n" + formatTable(["term", "coef", "se", r.statName, "p", "ci_low", "ci_high"], rows);
}

/** The LinearSpec the flags describe. */
export function feSpec(a: ParsedArgs): LinearSpec {
  const cluster = getList(a, "cluster");
  const fe = getList(a, "fe");
  return {
    y: getString(a, "y")!,
    x: getList(a, "x")!,
    fe: fe ?? [],
    cluster,
    vcov: getString(a, "vcov") as VcovType | undefined,
    noConstant: getBool(a, "noconstant"),
    keepSingletons: getBool(a, "keep-singletons"),
  };
}

export const command: CliCommand = {
  name: "fe",
  summary: "Linear regression with absorbed fixed effects (reghdfe/fixest conventions); OLS without --fe.",
  usage: "nqp fe --data FILE --y NAME --x A,B,C [--fe ID,YEAR] [--cluster ID[,YEAR]] [--vcov iid|robust|cluster] [--noconstant] [--keep-singletons] [--json]",
  flags: {
    data: DATA_FLAG,
    y: { type: "string", column: true, meta: "NAME", required: true, description: "dependent variable" },
    x: { type: "list", meta: "A,B,C", required: true, description: "regressors" },
    fe: { type: "list", meta: "ID,YEAR", description: "fixed effects to absorb (any number; none = OLS with intercept)" },
    cluster: { type: "list", meta: "ID[,YEAR]", description: "one or two cluster variables (implies --vcov cluster)" },
    vcov: VCOV_FLAG,
    noconstant: { type: "boolean", description: "no intercept (through the origin without FE; with FE, _cons not reported)" },
    "keep-singletons": { type: "boolean", description: "keep singleton FE groups (fixest default); default drops them as reghdfe" },
    json: JSON_FLAG,
  },
  details: [
    "Example (bundled sample):",
    "  nqp fe --data data/grunfeld.csv --y inv --x value,capital --fe firm,year --cluster firm",
    "Missing values (blank, NA, N/A, #N/A, .) are dropped listwise; the constant is Stata's _cons.",
  ].join("\n"),
  async run(a: ParsedArgs, io: CliIO): Promise<number> {
    const spec = feSpec(a);
    const frame = await readDataFile(getString(a, "data")!, io.cwd);
    const r = fitLinear(frame, spec);
    io.out(getBool(a, "json") ? toJson(feJson(r)) + "\n" : feText(r));
    return 0;
  },
};
