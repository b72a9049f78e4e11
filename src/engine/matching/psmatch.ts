/**
 * psmatch2 on a Frame: treatment (column or rule), estimation sample (rows with treatment, outcome
 * and every covariate; missing counted by variable), logit propensity score at the exact MLE, then
 * matching (match.ts). With `by` (e.g. year) the treatment rule is applied per group and, unless
 * `pooled`, each group gets its own logit and matching (controls of the same group only); the
 * per-row outputs are collected over the groups (the papers' period-by-period workflow).
 *
 * Shapes: every per-row array has frame.nrow entries (NaN / -1 = missing, as psmatch2 leaves its
 * variables missing outside the estimation sample); `n1..nk` hold frame row indices.
 */
import { Frame, keyColumn, numericColumn } from "../frame";
import { InputError } from "../frame/errors";
import { selectSample } from "../sample";
import { SampleInfo } from "../models/result";
import { baseRows, requireColumn } from "../models/spec-frame";
import { BinaryFit, checkSeparation, fitBinary } from "./binary-choice";
import { EffectEstimate } from "./effect";
import { MatchCounts, MatchRows, matchScores } from "./match";
import { MatchOptions, ResolvedMatchOptions, resolveMatchOptions } from "./options";
import { buildTreatment, parseTreatmentRule, Treatment, TreatmentRule } from "./treatment";

export interface PsmSpec extends MatchOptions {
  /** A 0/1 column name, a rule string ("above-median:NQP") or a parsed rule. */
  readonly treat: string | TreatmentRule;
  readonly x: readonly string[];
  readonly outcome?: string;
  /** Candidate rows (0-based, ascending), e.g. one year's cross-section. */
  readonly rows?: Int32Array;
  /** Group variable: the treatment rule per group, and matching per group unless `pooled`. */
  readonly by?: string;
  /** With `by`: one logit and one matching run over all groups (the rule stays per group). */
  readonly pooled?: boolean;
}

export interface PsmGroup {
  /** The group key ("all" without `by` or when pooled). */
  readonly key: string;
  readonly logit: BinaryFit;
  readonly counts: MatchCounts;
  readonly effect: EffectEstimate | null;
  readonly atu: { readonly atu: number; readonly ate: number; readonly n0: number } | null;
  /** Frame rows of this run's estimation sample. */
  readonly rows: Int32Array;
}

/**
 * Per frame row, as match.ts's MatchRows (weight, ymatch = psmatch2 `_<outcome>`, and for nearest
 * neighbour `_id`, `_n1.._nk` as frame rows, `_nn`, `_pdif`), plus the score, treatment and support.
 */
export interface PsmResult extends Omit<MatchRows, "support"> {
  readonly options: ResolvedMatchOptions;
  readonly covariates: readonly string[];
  readonly outcome: string | null;
  readonly treatment: Treatment;
  readonly by: string | null;
  readonly pooled: boolean;
  readonly sample: SampleInfo;
  readonly groups: readonly PsmGroup[];
  /** Summed over the groups. */
  readonly counts: MatchCounts;
  readonly pscore: Float64Array;
  readonly treated: Float64Array;
  /** 1 / 0, NaN outside the estimation sample. */
  readonly support: Float64Array;
  /** Frame rows with a weight (the matched sample), ascending. */
  readonly matchedRows: Int32Array;
}

const SPEC_KEYS = ["treat", "x", "outcome", "rows", "by", "pooled", "method", "k", "caliper", "kernel", "bwidth", "common", "noReplacement", "descending", "ties", "ate"];

export function psmatch(frame: Frame, spec: PsmSpec): PsmResult {
  for (const key of Object.keys(spec)) {
    if (!SPEC_KEYS.includes(key)) throw new InputError(`Unknown option "${key}". Allowed: ${SPEC_KEYS.join(", ")}.`);
  }
  const { treat: _t, x: _x, outcome: _y, rows: _r, by: _b, pooled: _p, ...mo } = spec;
  const options = resolveMatchOptions(mo);
  if (!Array.isArray(spec.x) || spec.x.length === 0) throw new InputError("x must list at least one covariate of the propensity score.");
  if (new Set(spec.x).size !== spec.x.length) throw new InputError(`A covariate is listed twice: ${spec.x.join(", ")}.`);
  if (spec.pooled && !spec.by) throw new InputError("pooled needs by (the group variable whose rule is per group).");
  const rule = typeof spec.treat === "string" ? parseTreatmentRule(spec.treat) : spec.treat;
  const ruleVar = rule.kind === "column" ? rule.column : rule.variable;
  requireColumn(frame, ruleVar, "treatment variable");
  spec.x.forEach((v) => requireColumn(frame, v, "covariate"));
  if (spec.outcome) requireColumn(frame, spec.outcome, "outcome");
  if (spec.by) requireColumn(frame, spec.by, "group variable");
  if (rule.kind === "column" && spec.x.includes(rule.column)) throw new InputError(`The treatment column "${rule.column}" is also listed as a covariate.`);
  if (spec.outcome && spec.x.includes(spec.outcome)) throw new InputError(`The outcome "${spec.outcome}" is also listed as a covariate.`);

  const candidates = baseRows(frame, spec.rows);
  const treatment = buildTreatment(frame, rule, candidates, spec.by);
  const tName = rule.kind === "column" ? rule.column : `treatment (${treatment.label})`;
  const xCols = spec.x.map((v) => numericColumn(frame, v));
  const yCol = spec.outcome ? numericColumn(frame, spec.outcome) : undefined;
  const byKeys = spec.by ? keyColumn(frame, spec.by) : null;
  const sample = selectSample({
    n: frame.nrow,
    numeric: [{ name: tName, values: treatment.values }, ...(yCol ? [{ name: spec.outcome!, values: yCol }] : []), ...spec.x.map((name, j) => ({ name, values: xCols[j] }))],
    keys: byKeys ? [{ name: spec.by!, codes: byKeys.map((k) => (k === null ? -1 : 0)), fixedEffect: false }] : [],
    rows: spec.rows,
    keepSingletons: true,
  });
  if (sample.nUsed === 0) {
    const miss = Object.entries(sample.missingBy).filter(([, c]) => c > 0).map(([v, c]) => `${v}: ${c}`).join(", ");
    throw new InputError(`No rows left for the propensity score: of ${sample.nInput} rows, ${sample.droppedMissing} miss a variable (${miss}).`);
  }

  // Runs: one per group (by, not pooled) or one over the whole sample.
  const runs = new Map<string, number[]>();
  for (const i of sample.rows) {
    const g = byKeys && !spec.pooled ? (byKeys[i] as string) : "all";
    let a = runs.get(g);
    if (!a) runs.set(g, (a = []));
    a.push(i);
  }
  const N = frame.nrow;
  const pscore = new Float64Array(N).fill(NaN);
  const treated = new Float64Array(N).fill(NaN);
  const support = new Float64Array(N).fill(NaN);
  const weight = new Float64Array(N).fill(NaN);
  const ymatch = new Float64Array(N).fill(NaN);
  const isNn = options.method === "nn";
  const k = options.k;
  const id = isNn ? new Int32Array(N).fill(-1) : null;
  const neighbors = isNn ? new Int32Array(N * k).fill(-1) : null;
  const nn = isNn ? new Int32Array(N).fill(-1) : null;
  const pdif = isNn ? new Float64Array(N).fill(NaN) : null;
  const groups: PsmGroup[] = [];
  const keys = [...runs.keys()];
  if (byKeys && !spec.pooled) keys.sort((a, b) => (Number(a) - Number(b)) || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const rows = Int32Array.from(runs.get(key)!);
    const where = key === "all" ? "" : ` in ${spec.by} = ${key}`;
    const t = Float64Array.from(rows, (i) => treatment.values[i]);
    const xs = xCols.map((c) => Float64Array.from(rows, (i) => c[i]));
    const y = yCol ? Float64Array.from(rows, (i) => yCol[i]) : undefined;
    let nT = 0;
    for (const v of t) nT += v;
    if (nT === 0) throw new InputError(`No treated rows${where}: all ${rows.length} rows of the estimation sample have ${tName} = 0.`, "num");
    if (nT === rows.length) throw new InputError(`No control rows${where}: all ${rows.length} rows of the estimation sample have ${tName} = 1.`, "num");
    let logit: BinaryFit;
    try {
      checkSeparation(t, xs, spec.x, tName);
      logit = fitBinary(t, xs, { link: "logit", names: spec.x });
    } catch (e) {
      if (e instanceof InputError && where) throw new InputError(`${e.message} (${where.trim()})`, e.kind);
      throw e;
    }
    let run;
    try {
      run = matchScores(logit.p, t, y, options);
    } catch (e) {
      if (e instanceof InputError && where) throw new InputError(`${e.message} (${where.trim()})`, e.kind);
      throw e;
    }
    rows.forEach((r, a) => {
      pscore[r] = logit.p[a];
      treated[r] = t[a];
      support[r] = run.rows.support[a];
      weight[r] = run.rows.weight[a];
      ymatch[r] = run.rows.ymatch[a];
      if (isNn) {
        id![r] = run.rows.id![a];
        nn![r] = run.rows.nn![a];
        pdif![r] = run.rows.pdif![a];
        for (let q = 0; q < k; q++) {
          const c = run.rows.neighbors![a * k + q];
          neighbors![r * k + q] = c < 0 ? -1 : rows[c];
        }
      }
    });
    groups.push({ key, logit, counts: run.counts, effect: run.effect, atu: run.atu, rows });
  }
  const sum = (f: (c: MatchCounts) => number) => groups.reduce((s, g) => s + f(g.counts), 0);
  const counts: MatchCounts = {
    nTreated: sum((c) => c.nTreated), nControls: sum((c) => c.nControls), n1: sum((c) => c.n1),
    nTreatedOffSupport: sum((c) => c.nTreatedOffSupport), nControlsMatched: sum((c) => c.nControlsMatched),
    nRowsMatched: sum((c) => c.nRowsMatched), sumWeightControls: sum((c) => c.sumWeightControls),
  };
  const matchedRows: number[] = [];
  for (let i = 0; i < N; i++) if (!Number.isNaN(weight[i])) matchedRows.push(i);
  return {
    options, covariates: [...spec.x], outcome: spec.outcome ?? null, treatment, by: spec.by ?? null, pooled: !!spec.pooled,
    sample, groups, counts, pscore, treated, support, weight, ymatch, id, neighbors, nn, pdif, matchedRows: Int32Array.from(matchedRows),
  };
}
