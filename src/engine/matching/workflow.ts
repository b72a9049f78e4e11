/**
 * The papers' PSM workflow in one call (what the CLI, the formula and the report tables share):
 * psmatch (cross-section, by period, or pooled), the pstest balance of the matched sample, and
 * optionally a regression spec on the matched rows (unweighted, or weighted by `_weight`).
 */
import { Frame } from "../frame";
import { InputError } from "../frame/errors";
import { LinearSpec } from "../models/linear";
import { RegressionResult } from "../models/result";
import { Balance, balanceOf } from "./balance";
import { fitMatchedRegression } from "./matched-regression";
import { psmatch, PsmResult, PsmSpec } from "./psmatch";

export interface MatchedRegressionSpec extends Omit<LinearSpec, "rows"> {
  /** Weight by `_weight` (default false: every matched row once, as the papers do). */
  readonly weighted?: boolean;
}

export interface PsmWorkflowSpec {
  readonly psm: PsmSpec;
  /** Compute the pstest table (default true). */
  readonly balance?: boolean;
  readonly regression?: MatchedRegressionSpec;
}

export interface PsmWorkflowResult {
  readonly psm: PsmResult;
  readonly balance: Balance | null;
  readonly regression: RegressionResult | null;
}

export function runPsmWorkflow(frame: Frame, spec: PsmWorkflowSpec): PsmWorkflowResult {
  const psm = psmatch(frame, spec.psm);
  const balance = spec.balance === false ? null : balanceOf(frame, psm);
  let regression: RegressionResult | null = null;
  if (spec.regression) {
    const { weighted, ...lin } = spec.regression;
    regression = fitMatchedRegression(frame, psm.weight, { ...lin, rows: spec.psm.rows }, { weighted });
  }
  return { psm, balance, regression };
}

/**
 * Parses a regression spec written as "y=ER;x=NQP,GDP;fe=city_id,year;cluster=city_id[;weighted]
 * [;keep-singletons][;vcov=hc1]" (the CLI's --then-fe and the formula's options).
 */
export function parseRegressionSpec(text: string): MatchedRegressionSpec {
  const out: Record<string, unknown> = {};
  const KEYS = ["y", "x", "fe", "cluster", "vcov", "weighted", "keep-singletons"];
  for (const part of text.split(";").map((p) => p.trim()).filter((p) => p !== "")) {
    const eq = part.indexOf("=");
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const val = eq < 0 ? "" : part.slice(eq + 1).trim();
    if (!KEYS.includes(key)) throw new InputError(`Unknown key "${key}" in the regression spec "${text}". Allowed: ${KEYS.join(", ")}.`);
    const list = () => val.split(",").map((s) => s.trim()).filter((s) => s !== "");
    if (key === "x" || key === "fe" || key === "cluster") out[key] = list();
    else if (key === "weighted") out.weighted = val === "" || val === "1" || val === "true";
    else if (key === "keep-singletons") out.keepSingletons = val === "" || val === "1" || val === "true";
    else out[key] = val;
  }
  if (typeof out.y !== "string" || out.y === "") throw new InputError(`The regression spec "${text}" needs y=<outcome>.`);
  if (!Array.isArray(out.x) || out.x.length === 0) throw new InputError(`The regression spec "${text}" needs x=<regressors, comma-separated>.`);
  return out as unknown as MatchedRegressionSpec;
}
