/**
 * `nqp psm`: propensity-score matching with Stata psmatch2 / pstest conventions, then optionally a
 * fixed-effects regression on the matched sample. JSON keys: see `psmJson` (issue 13;
 * test/reference/psm/README.md "CLI mapping").
 */
import { Frame, keyColumn } from "../../engine/frame";
import { InputError } from "../../engine/frame/errors";
import { KERNEL_TYPES, MATCH_METHODS, MatchMethod, KernelType, parseRegressionSpec, PsmWorkflowResult, runPsmWorkflow } from "../../engine/matching";
import { DATA_FLAG, getBool, getList, getString, JSON_FLAG, ParsedArgs } from "../argv";
import { CliCommand, CliIO } from "../command";
import { readDataFile } from "../data";
import { feJson, feText } from "./fe";
import { formatP, formatTable, toJson } from "../output";

/** Rows where COL equals VALUE (text or number), for --where. */
export function whereRows(frame: Frame, where: string): Int32Array {
  const eq = where.indexOf("=");
  if (eq <= 0) throw new InputError(`--where takes COL=VALUE, e.g. year=2022; got "${where}".`);
  const col = where.slice(0, eq).trim();
  const val = where.slice(eq + 1).trim();
  const keys = keyColumn(frame, col);
  const out: number[] = [];
  keys.forEach((k, i) => {
    if (k !== null && (k === val || (k !== "" && Number(k) === Number(val)))) out.push(i);
  });
  if (out.length === 0) throw new InputError(`--where ${where}: no row has ${col} = ${val}.`);
  return Int32Array.from(out);
}

function perGroup<T>(w: PsmWorkflowResult, f: (g: PsmWorkflowResult["psm"]["groups"][number]) => T): T | Record<string, T> {
  const gs = w.psm.groups;
  return gs.length === 1 && gs[0].key === "all" ? f(gs[0]) : Object.fromEntries(gs.map((g) => [g.key, f(g)]));
}

/** The JSON record of a PSM run. */
export function psmJson(w: PsmWorkflowResult): Record<string, unknown> {
  const r = w.psm;
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    method: r.options.method,
    options: r.options,
    treatment: { label: r.treatment.label, cutoffs: r.treatment.cutoffs },
    outcome: r.outcome,
    by: r.by,
    pooled: r.pooled,
    att: perGroup(w, (g) => (g.effect ? num(g.effect.att) : null)),
    att_se: perGroup(w, (g) => (g.effect ? num(g.effect.se) : null)),
    att_t: perGroup(w, (g) => (g.effect ? num(g.effect.t) : null)),
    atu: perGroup(w, (g) => (g.atu ? num(g.atu.atu) : null)),
    ate: perGroup(w, (g) => (g.atu ? num(g.atu.ate) : null)),
    unmatched: perGroup(w, (g) => g.effect?.unmatched ?? null),
    n_treated: r.counts.nTreated,
    n_controls: r.counts.nControls,
    n_on_support: r.counts.n1,
    n_treated_off_support: r.counts.nTreatedOffSupport,
    n_controls_matched: r.counts.nControlsMatched,
    n_rows_matched: r.counts.nRowsMatched,
    per_group: Object.fromEntries(r.groups.map((g) => [g.key, {
      n: g.rows.length, n_on_support: g.counts.n1, n_controls_matched: g.counts.nControlsMatched,
      att: g.effect ? num(g.effect.att) : null, att_se: g.effect ? num(g.effect.se) : null,
      logit: { coef: Object.fromEntries(g.logit.terms.map((t, j) => [t, g.logit.coef[j]])), se: Object.fromEntries(g.logit.terms.map((t, j) => [t, g.logit.se[j]])), loglik: g.logit.loglik },
    }])),
    sample: { n_input: r.sample.nInput, n_used: r.sample.nUsed, n_dropped_missing: r.sample.droppedMissing, missing_by: r.sample.missingBy },
    weights: r.weight,
    pscore: r.pscore,
    support: r.support,
    balance: w.balance,
    regression: w.regression ? feJson(w.regression) : null,
  };
}

/** The readable report. */
export function psmText(w: PsmWorkflowResult): string {
  const r = w.psm;
  const o = r.options;
  const how = o.method === "nn" ? `${o.k} nearest neighbour${o.k > 1 ? "s" : ""}${o.noReplacement ? " without replacement" : ""}${Number.isFinite(o.caliper) ? `, caliper ${o.caliper}` : ""}`
    : o.method === "radius" ? `radius ${o.caliper}` : `kernel ${o.kernel}, bandwidth ${o.bwidth}`;
  const lines = [
    `Propensity-score matching (psmatch2 conventions, logit): ${how}${o.common ? ", common support" : ""}`,
    `Treatment: ${r.treatment.label}${r.by ? `; ${r.pooled ? "pooled over" : "matched within each"} ${r.by}` : ""}`,
    `Sample: ${r.sample.nUsed} of ${r.sample.nInput} rows (${r.sample.droppedMissing} missing${Object.entries(r.sample.missingBy).filter(([, c]) => c > 0).map(([k, c]) => ` ${k} ${c}`).join(",")})`,
    `Treated ${r.counts.nTreated} (on support ${r.counts.n1}), controls ${r.counts.nControls} (matched ${r.counts.nControlsMatched})`,
    "",
  ];
  if (r.outcome) {
    lines.push(formatTable(["group", `ATT (${r.outcome})`, "SE", "t", "N1", "controls used"], r.groups.map((g) => [g.key, g.effect!.att, g.effect!.se, g.effect!.t, g.counts.n1, g.counts.nControlsMatched])));
  }
  if (w.balance) {
    const b = w.balance;
    lines.push("Balance (pstest): U = unmatched, M = matched");
    const rows: (string | number)[][] = [];
    for (const [v, c] of Object.entries(b.covariates)) {
      rows.push([`${v} U`, c.U.mean_treated, c.U.mean_control, c.U.pct_bias, "", c.U.t, formatP(c.U.p)]);
      rows.push([`${v} M`, c.M.mean_treated, c.M.mean_control, c.M.pct_bias, c.pct_reduct_abs_bias, c.M.t, formatP(c.M.p)]);
    }
    lines.push(formatTable(["variable", "treated", "control", "%bias", "%reduct", "t", "p"], rows));
    const s = b.summary;
    lines.push(formatTable(["sample", "pseudo R2", "LR chi2", "p", "mean bias", "med bias", "B", "R"], (["U", "M"] as const).map((k) => [k, s[k].pseudo_r2, s[k].lr_chi2, formatP(s[k].p_chi2), s[k].mean_bias, s[k].median_bias, s[k].B, s[k].R])));
  }
  if (w.regression) lines.push(`Regression on the matched sample (${r.matchedRows.length} rows):`, feText(w.regression));
  return lines.join("\n").replace(/\n*$/, "\n");
}

export const command: CliCommand = {
  name: "psm",
  summary: "Propensity-score matching (psmatch2/pstest conventions), optionally an FE regression on the matched sample.",
  usage:
    "nqp psm --data FILE (--treat COL | --treat-rule above-median:VAR) --x A,B,.. --method nn|radius|kernel [--by YEAR [--pooled]] " +
    "[--k 1] [--caliper C] [--kernel epan] [--bwidth 0.06] [--common] [--noreplacement] [--ate] [--outcome Y] [--where COL=VALUE] " +
    '[--then-fe "y=ER;x=NQP,GDP;fe=city_id,year;cluster=city_id[;weighted]"] [--json]',
  flags: {
    data: DATA_FLAG,
    treat: { type: "string", meta: "COL", description: "0/1 treatment column" },
    "treat-rule": { type: "string", meta: "RULE", description: "treatment from a rule: above-median:VAR or above-quantile:VAR:Q (per --by group)" },
    x: { type: "list", meta: "A,B,C", required: true, description: "covariates of the logit propensity score" },
    method: { type: "string", values: [...MATCH_METHODS], required: true, description: "nn (nearest neighbour), radius, kernel" },
    by: { type: "string", meta: "YEAR", description: "match within each value (period by period); the treatment rule per value" },
    pooled: { type: "boolean", description: "with --by: one pooled logit and matching (the rule stays per --by value)" },
    k: { type: "number", meta: "K", description: "neighbours (nn; default 1)" },
    caliper: { type: "number", meta: "C", description: "nn: strict caliper |d| < C; radius: the radius (|d| <= C)" },
    kernel: { type: "string", values: [...KERNEL_TYPES], description: "kernel type (default epan)" },
    bwidth: { type: "number", meta: "H", description: "kernel bandwidth (default 0.06)" },
    common: { type: "boolean", description: "common support: drop treated outside the controls' score range" },
    noreplacement: { type: "boolean", description: "nn with k = 1: without replacement (psmatch2's sweep)" },
    descending: { type: "boolean", description: "with --noreplacement: treated in descending score" },
    ties: { type: "boolean", description: "nn: also every control at the same distance as the nearest" },
    ate: { type: "boolean", description: "also the ATU and ATE" },
    outcome: { type: "string", meta: "Y", description: "outcome for the ATT (psmatch2 outcome())" },
    where: { type: "string", meta: "COL=VALUE", description: "restrict to rows with COL = VALUE (e.g. year=2022)" },
    "then-fe": { type: "string", meta: "SPEC", description: 'regression on the matched rows: "y=..;x=..;fe=..;cluster=..[;weighted][;keep-singletons]"' },
    json: JSON_FLAG,
  },
  details: [
    "Example (bundled sample, 2022 cross-section):",
    "  nqp psm --data data/nqp_panel.csv --where year=2022 --treat-rule above-median:rd_fte --x GDP,FTE,BOOK,OPEN,FEF --method nn --outcome UR",
    "JSON: {att, att_se (per --by value when matching by period), n_treated, n_controls, n_on_support, weights[one per input row,",
    "null off the matched sample], pscore[...], balance{covariates{VAR{U,M}}, summary{U,M}}, regression (<nqp fe JSON> or null)}.",
  ].join("\n"),
  async run(a: ParsedArgs, io: CliIO): Promise<number> {
    const treat = getString(a, "treat");
    const rule = getString(a, "treat-rule");
    if ((treat === undefined) === (rule === undefined)) throw new InputError("Give exactly one of --treat COL or --treat-rule RULE.");
    const frame = await readDataFile(getString(a, "data")!, io.cwd);
    const where = getString(a, "where");
    const thenFe = getString(a, "then-fe");
    const w = runPsmWorkflow(frame, {
      psm: {
        treat: treat ?? rule!, x: getList(a, "x")!, outcome: getString(a, "outcome"), by: getString(a, "by"), pooled: getBool(a, "pooled") || undefined,
        rows: where ? whereRows(frame, where) : undefined,
        method: getString(a, "method") as MatchMethod, k: a.flags.k as number | undefined, caliper: a.flags.caliper as number | undefined,
        kernel: getString(a, "kernel") as KernelType | undefined, bwidth: a.flags.bwidth as number | undefined,
        common: getBool(a, "common"), noReplacement: getBool(a, "noreplacement"), descending: getBool(a, "descending"), ties: getBool(a, "ties"), ate: getBool(a, "ate"),
      },
      regression: thenFe ? parseRegressionSpec(thenFe) : undefined,
    });
    io.out(getBool(a, "json") ? toJson(psmJson(w)) + "\n" : psmText(w));
    return 0;
  },
};

