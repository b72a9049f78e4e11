/**
 * =NQP.PSM(treat, x, [outcome], [options]): propensity-score matching with Stata psmatch2 / pstest
 * conventions (logit score, test/reference/psm/README.md). Outputs (option output=):
 *   summary (default): statistic | value rows: ATT, SE, t, ATU, ATE, treated, controls, treated on support,
 *     treated off support, controls matched, rows dropped (missing);
 *   weights: psmatch2 `_weight` per input row ("" where missing: unused controls, off support, not in the sample);
 *   pscore: `_pscore` per input row ("" outside the estimation sample);
 *   balance: the pstest table (variable, U and M means, %bias, %reduction, t, p), then the summary rows
 *     (pseudo R2, LR chi2, p, mean bias, median bias, B, R) for U and M.
 * Options: method=nn|radius|kernel, k, caliper, kernel=epan|normal|biweight|uniform|tricube, bwidth,
 * common, noreplacement, descending, ties, ate, rule=column|above-median|above-quantile (treat is then the
 * variable the rule cuts), q (the quantile share), output=summary|weights|pscore|balance.
 */
import { Cell } from "../../engine/frame/missing";
import { frameFromColumns } from "../../engine/frame/frame";
import { InputError } from "../../engine/frame/errors";
import { KERNEL_TYPES, KernelType, MATCH_METHODS, MatchMethod, PsmWorkflowResult, runPsmWorkflow, TreatmentRule } from "../../engine/matching";
import { isOmitted, numericRange, OptionSchema, parseOptions, requireSameLength } from "../args";
import { spillNumber, withExcelErrors } from "../errors";

export const PSM_OUTPUTS = ["summary", "weights", "pscore", "balance"] as const;

export const PSM_OPTIONS: OptionSchema = {
  method: { kind: "choice", values: [...MATCH_METHODS] },
  k: { kind: "number", min: 1, max: 1000 },
  caliper: { kind: "number", min: 0 },
  kernel: { kind: "choice", values: [...KERNEL_TYPES] },
  bwidth: { kind: "number", min: 0 },
  common: { kind: "flag" },
  noreplacement: { kind: "flag" },
  descending: { kind: "flag" },
  ties: { kind: "flag" },
  ate: { kind: "flag" },
  rule: { kind: "choice", values: ["column", "above-median", "above-quantile"] },
  q: { kind: "number", min: 0, max: 1 },
  output: { kind: "choice", values: [...PSM_OUTPUTS] },
};

/** Parses the arguments and runs the matching (and the balance when asked); exported for tests and the task pane. */
export function runPsmFormula(treat: unknown, x: unknown, outcome?: unknown, options?: unknown): { result: PsmWorkflowResult; output: (typeof PSM_OUTPUTS)[number]; header: boolean } {
  const o = parseOptions(options, PSM_OPTIONS);
  const tr = numericRange("treat", treat);
  if (tr.columns.length !== 1) throw new InputError(`Argument treat must be a single column but has ${tr.columns.length}.`);
  const xr = numericRange("x", x);
  const yr = isOmitted(outcome) ? undefined : numericRange("outcome", outcome);
  if (yr && yr.columns.length !== 1) throw new InputError(`Argument outcome must be a single column but has ${yr.columns.length}.`);
  for (const [n, r] of [["x", xr], ["outcome", yr]] as const) {
    if (r && r.hasHeader !== tr.hasHeader) throw new InputError(`treat ${tr.hasHeader ? "has" : "has no"} header row but ${n} ${r.hasHeader ? "has one" : "does not"}: select all ranges with or all without headers.`);
  }
  requireSameLength([{ name: "treat", nrow: tr.nrow }, { name: "x", nrow: xr.nrow }, ...(yr ? [{ name: "outcome", nrow: yr.nrow }] : [])]);
  const cols: Record<string, Cell[]> = {};
  const add = (name: string, cells: Cell[], what: string) => {
    if (cols[name] !== undefined) throw new InputError(`Two inputs are named "${name}" (${what}); give each variable its own name.`);
    cols[name] = cells;
    return name;
  };
  const tName = add(tr.hasHeader ? tr.names[0] : "treat", tr.columns[0], "treat");
  const xNames = xr.names.map((n, j) => add(n, xr.columns[j], "x"));
  const yName = yr ? add(yr.hasHeader ? yr.names[0] : "outcome", yr.columns[0], "outcome") : undefined;
  const frame = frameFromColumns(cols);
  const ruleKind = (o.rule as string | undefined) ?? "column";
  if (o.q !== undefined && ruleKind !== "above-quantile") throw new InputError(`Option q applies to rule=above-quantile only.`);
  const rule: TreatmentRule = ruleKind === "column" ? { kind: "column", column: tName }
    : ruleKind === "above-median" ? { kind: "above-median", variable: tName }
      : { kind: "above-quantile", variable: tName, q: (o.q as number | undefined) ?? NaN };
  if (rule.kind === "above-quantile" && !(rule.q > 0 && rule.q < 1)) throw new InputError("rule=above-quantile needs q=<share between 0 and 1>, e.g. q=0.75.");
  const output = ((o.output as string | undefined) ?? "summary") as (typeof PSM_OUTPUTS)[number];
  const result = runPsmWorkflow(frame, {
    psm: {
      treat: rule, x: xNames, outcome: yName,
      method: ((o.method as string | undefined) ?? "nn") as MatchMethod,
      k: o.k as number | undefined, caliper: o.caliper as number | undefined, kernel: o.kernel as KernelType | undefined, bwidth: o.bwidth as number | undefined,
      common: o.common === true, noReplacement: o.noreplacement === true, descending: o.descending === true, ties: o.ties === true, ate: o.ate === true,
    },
    balance: output === "balance",
  });
  return { result, output, header: tr.hasHeader };
}

const blank = (x: number) => (Number.isFinite(x) ? x : "");

/** The spilled table for the chosen output (see file header). */
export function psmTable(w: PsmWorkflowResult, output: (typeof PSM_OUTPUTS)[number], header: boolean): unknown[][] {
  const r = w.psm;
  if (output === "weights" || output === "pscore") {
    const v = output === "weights" ? r.weight : r.pscore;
    return [...(header ? [[output === "weights" ? "_weight" : "_pscore"]] : []), ...Array.from(v, (x) => [blank(x)])];
  }
  if (output === "balance") {
    const b = w.balance!;
    const out: unknown[][] = [["variable", "mean treated (U)", "mean control (U)", "%bias (U)", "t (U)", "p (U)", "mean treated (M)", "mean control (M)", "%bias (M)", "%reduct |bias|", "t (M)", "p (M)"]];
    for (const [v, c] of Object.entries(b.covariates)) {
      out.push([v, ...[c.U.mean_treated, c.U.mean_control, c.U.pct_bias, c.U.t, c.U.p, c.M.mean_treated, c.M.mean_control, c.M.pct_bias, c.pct_reduct_abs_bias, c.M.t, c.M.p].map(spillNumber)]);
    }
    const s = b.summary;
    const row = (label: string, u: number, m: number) => [label, spillNumber(u), "", "", "", "", spillNumber(m), "", "", "", "", ""];
    out.push(row("pseudo R2", s.U.pseudo_r2, s.M.pseudo_r2), row("LR chi2", s.U.lr_chi2, s.M.lr_chi2), row("p > chi2", s.U.p_chi2, s.M.p_chi2),
      row("mean bias", s.U.mean_bias, s.M.mean_bias), row("median bias", s.U.median_bias, s.M.median_bias), row("B", s.U.B, s.M.B), row("R", s.U.R, s.M.R));
    return out;
  }
  const g = r.groups[0];
  const e = g.effect;
  return [
    ["statistic", "value"],
    ["ATT", spillNumber(e ? e.att : NaN)],
    ["SE", spillNumber(e ? e.se : NaN)],
    ["t", spillNumber(e ? e.t : NaN)],
    ["ATU", spillNumber(g.atu ? g.atu.atu : NaN)],
    ["ATE", spillNumber(g.atu ? g.atu.ate : NaN)],
    ["treated", r.counts.nTreated],
    ["controls", r.counts.nControls],
    ["treated on support", r.counts.n1],
    ["treated off support", r.counts.nTreatedOffSupport],
    ["controls matched", r.counts.nControlsMatched],
    ["dropped (missing)", r.sample.droppedMissing],
  ];
}

/**
 * Propensity-score matching as Stata psmatch2 (logit score; nearest neighbour, radius or kernel) with the ATT and its psmatch2 standard error, or per-row weights, scores or the pstest balance table.
 * @customfunction PSM
 * @param treat Treatment: one 0/1 column, or with option rule=above-median the variable whose values above the median are treated.
 * @param x Covariates of the propensity score: one or more adjacent columns (names from a header row).
 * @param [outcome] Outcome for the ATT: one column. Omit to get weights, scores or balance only.
 * @param [options] Options text such as "method=kernel; bwidth=0.06; common" (also k, caliper, kernel, noreplacement, ate, rule, q, output=summary|weights|pscore|balance).
 * @returns summary: ATT, SE, t, ATU, ATE and the counts; weights / pscore: one value per input row; balance: the pstest table.
 */
export function psm(treat: any[][], x: any[][], outcome?: any[][], options?: any[][]): any[][] {
  return withExcelErrors("PSM", () => {
    const { result, output, header } = runPsmFormula(treat, x, outcome, options);
    return psmTable(result, output, header);
  });
}
