/**
 * `nqp hetero`: heterogeneity by a group column or a quantile split of a variable. --json prints
 * {"assignment": {rule, levels, cutoff}, "groups": {label: <nqp fe JSON>}, "interacted": <fe JSON>,
 * "tests": [{name, label, statistic, df, p, difference?, se?}], "interaction": <fe JSON>,
 * "marginal": [{group, estimate, se, stat, p, ci_low, ci_high}], "permutation": {...} | null}.
 */
import { heterogeneity, HeterogeneityResult, SplitRule } from "../../engine/models/heterogeneity";
import { permutationTest, PermutationResult } from "../../engine/models/permutation";
import { CliError, ParsedArgs, VCOV_FLAG, getBool, getString } from "../argv";
import { CliCommand, CliIO } from "../command";
import { readDataFile } from "../data";
import { formatNumber, formatP, formatTable, pText, toJson } from "../output";
import { feJson, feSpec } from "./fe";
import { DEFAULT_SEED } from "./mediate";

export function heteroJson(h: HeterogeneityResult, perm: PermutationResult | null): Record<string, unknown> {
  const groups: Record<string, unknown> = {};
  for (const g of h.groups) groups[g.label] = feJson(g.result);
  return {
    treat: h.treat,
    assignment: { rule: h.assignment.rule, levels: h.assignment.levels, cutoff: h.assignment.cutoff ?? null },
    groups,
    interacted: feJson(h.interacted),
    tests: h.tests.map((d) => ({ name: d.name, label: d.label, statistic: d.statistic, df: d.df, distribution: d.distribution, p: d.p, ...(d.extra ?? {}), ...(d.inapplicable ? { inapplicable: d.inapplicable } : {}) })),
    interaction: feJson(h.interaction),
    marginal: h.marginal.map((m) => ({ group: m.group, estimate: m.estimate, se: m.se, stat: m.stat, p: m.p, ci_low: m.ciLow, ci_high: m.ciHigh })),
    permutation: perm
      ? { observed: perm.observed, reps: perm.reps, seed: perm.seed, permuted: perm.permuted, units: perm.nUnits, p_two_sided: perm.pTwoSided, p_one_sided: perm.pOneSided, failed: perm.failed }
      : null,
  };
}

/** The split rule with its cutoff printed as a number is read ("x <= 2.53238 (median)", not 2.5323849999999997). */
function ruleText(h: HeterogeneityResult): string {
  const c = h.assignment.cutoff;
  return c === undefined ? h.assignment.rule : h.assignment.rule.replace(String(c), formatNumber(c));
}

function heteroText(h: HeterogeneityResult, perm: PermutationResult | null): string {
  const t = h.treat;
  const rows = h.groups.map((g) => {
    const i = g.result.terms.indexOf(t);
    return [g.label, g.result.n, g.result.coef[i], g.result.se[i], g.result.stat[i], formatP(g.result.p[i])];
  });
  const tests = h.tests.map((d) => `${d.label}: ${d.inapplicable ? d.inapplicable : `${d.extra ? `${formatNumber(d.extra.difference)} (se ${formatNumber(d.extra.se)}), ` : ""}${d.distribution === "F" ? "F" : d.distribution === "t" ? "t" : "stat"} = ${formatNumber(d.statistic)}, ${pText(d.p)}`}`);
  const me = h.marginal.map((m) => [m.group, m.estimate, m.se, m.stat, formatP(m.p)]);
  const nInput = h.assignment.group.length;
  const inGroup = h.assignment.group.reduce((s, g) => s + (g >= 0 ? 1 : 0), 0);
  const singletons = h.groups.reduce((s, g) => s + g.result.sample.droppedSingletons, 0);
  return [
    `Heterogeneity of ${t} by ${ruleText(h)}`,
    "",
    formatTable(["group", "N", `coef ${t}`, "se", "stat", "p"], rows),
    `Rows: ${nInput} in the data; dropped ${nInput - inGroup} missing a model variable or the group, ${singletons} singletons within the groups.`,
    "",
    ...tests,
    ...(perm ? [`Permutation test (${perm.reps} reps, seed ${perm.seed}, ${perm.permuted}): diff = ${formatNumber(perm.observed)}, ${pText(perm.pTwoSided)}`] : []),
    "",
    "Marginal effects (interaction model):",
    formatTable(["group", "effect", "se", "stat", "p"], me),
  ].join("\n");
}

export const command: CliCommand = {
  name: "hetero",
  summary: "Heterogeneity: split samples, fully interacted (Chow-type) test, permutation test, interaction model with marginal effects.",
  usage:
    "nqp hetero --data FILE --y Y --x D,CONTROLS (--group COLUMN | --split VAR [--quantile 0.5]) [--treat D] [--fe ID,YEAR] [--cluster ID] " +
    "[--vcov iid|robust|cluster] [--permutations REPS --seed S] [--quiet] [--json]",
  flags: {
    data: { type: "string", meta: "FILE", required: true, description: ".csv or .xlsx (first sheet) with a header row" },
    y: { type: "string", column: true, meta: "Y", required: true, description: "dependent variable" },
    x: { type: "list", meta: "D,A,B", required: true, description: "regressors, the key regressor first (or name it with --treat)" },
    treat: { type: "string", column: true, meta: "D", description: "key regressor (default: the first of --x)" },
    group: { type: "string", column: true, meta: "COLUMN", description: "group column (each level one sample; the first level is the base)" },
    split: { type: "string", column: true, meta: "VAR", description: "split by a quantile of this variable: low <= cutoff < high" },
    quantile: { type: "number", meta: "Q", description: "quantile for --split (default 0.5, the median)" },
    fe: { type: "list", meta: "ID,YEAR", description: "fixed effects to absorb" },
    cluster: { type: "list", meta: "ID", description: "cluster variable(s)" },
    vcov: VCOV_FLAG,
    permutations: { type: "number", meta: "REPS", description: "Fisher permutation test of the difference (two groups)" },
    seed: { type: "number", meta: "S", description: `permutation seed (default ${DEFAULT_SEED})` },
    "keep-singletons": { type: "boolean", description: "keep singleton FE groups" },
    quiet: { type: "boolean", description: "no progress on stderr" },
    json: { type: "boolean", description: "print one JSON object (NaN -> null)" },
  },
  details: [
    "Example (Table 6 of the papers: east and west of the Hu Line; nqp_paper.csv from the nqp lag example):",
    "  nqp hetero --data nqp_paper.csv --y ER --x NQP GDP FTE BOOK OPEN FEF --group hu_east --fe city_id year --cluster city_id",
  ].join("\n"),
  async run(a: ParsedArgs, io: CliIO): Promise<number> {
    const group = getString(a, "group");
    const split = getString(a, "split");
    if ((group === undefined) === (split === undefined)) throw new CliError("Give exactly one of --group COLUMN or --split VAR.");
    const rule: SplitRule = group !== undefined ? { column: group } : { variable: split!, quantile: a.flags.quantile as number | undefined };
    const spec = feSpec(a);
    const frame = await readDataFile(getString(a, "data")!, io.cwd);
    const h = heterogeneity(frame, spec, rule, getString(a, "treat") ?? spec.x[0]);
    let perm: PermutationResult | null = null;
    const reps = a.flags.permutations as number | undefined;
    if (reps !== undefined) {
      if (h.groups.length !== 2) throw new CliError(`The permutation test compares two groups; ${h.assignment.rule} has ${h.groups.length}.`);
      perm = await permutationTest(frame, spec, [h.groups[0].result, h.groups[1].result], { reps, seed: (a.flags.seed as number | undefined) ?? DEFAULT_SEED, treat: h.treat }, {
        progressEvery: 50,
        onProgress: getBool(a, "quiet") ? undefined : (p) => p.done > 0 && io.err(`${p.task}: ${p.done}/${p.total}\n`),
      });
    }
    io.out(getBool(a, "json") ? toJson(heteroJson(h, perm)) + "\n" : heteroText(h, perm) + "\n");
    return 0;
  },
};
