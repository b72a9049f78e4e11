/**
 * `nqp mediate`: mediation (Baron-Kenny with Sobel and an optional cluster bootstrap of a*b, or the
 * two-step design) with the baseline's fixed effects and variance. --json prints
 * {"design", "sample", "y", "treat", "mediators": {M: {"a", "b", "c", "c_prime", "indirect", "sobel_z",
 * "sobel_p", "n", "boot_ci", ...the SEs, "bootstrap", "equations": {total, a_path, direct} (nqp fe shape)}}}.
 */
import { mediate, MediationDesign, MediationResult, MediationSample, MediatorResult } from "../../engine/models/mediation";
import { VcovType } from "../../engine/models/result";
import { ParsedArgs, VCOV_FLAG, getBool, getList, getString } from "../argv";
import { CliCommand, CliIO } from "../command";
import { readDataFile } from "../data";
import { formatNumber, formatP, formatTable, sampleNote, toJson } from "../output";
import { feJson } from "./fe";

export const DEFAULT_SEED = 12345;

function mediatorJson(m: MediatorResult): Record<string, unknown> {
  const b = m.bootstrap;
  return {
    a: m.a,
    b: m.b,
    c: m.c,
    c_prime: m.cPrime,
    indirect: m.indirect,
    sobel_z: m.sobel.statistic,
    sobel_p: m.sobel.p,
    n: m.n,
    boot_ci: b ? [b.ciLow, b.ciHigh] : null,
    se_a: m.seA,
    se_b: m.seB,
    se_c: m.seC,
    se_c_prime: m.seCPrime,
    se_indirect: m.seIndirect,
    proportion_mediated: m.proportionMediated,
    bootstrap: b ? { reps: b.reps, seed: b.seed, level: b.level, resampled: b.resampled, clusters: b.nClusters, se: b.se, failed: b.failed } : null,
    equations: { total: feJson(m.total), a_path: feJson(m.aPath), direct: m.outcome ? feJson(m.outcome) : null },
  };
}

export function mediationJson(r: MediationResult): Record<string, unknown> {
  const mediators: Record<string, unknown> = {};
  for (const m of r.mediators) mediators[m.mediator] = mediatorJson(m);
  return { design: r.design, sample: r.sample, y: r.y, treat: r.treat, mediators };
}

/** "DI: N = 3120 of 3124 data rows (dropped: 4 missing one of the variables, 0 singletons)" for the common sample. */
function commonNote(m: MediatorResult, nData: number): string {
  const eq = m.outcome ?? m.total;
  const common = eq.sample.nInput;
  return `${m.mediator}: N = ${eq.n} of ${nData} data rows (dropped: ${nData - common} missing one of the variables, ${eq.sample.droppedSingletons} singletons)`;
}

/** One row per path: estimate, SE, statistic and p of the equation it comes from. */
function pathRows(m: MediatorResult, treat: string): (string | number)[][] {
  const term = (label: string, r: MediatorResult["total"] | undefined, name: string) => {
    if (!r) return [];
    const i = r.terms.indexOf(name);
    return i < 0 ? [] : [[label, r.coef[i], r.se[i], r.stat[i], formatP(r.p[i])]];
  };
  return [
    ...term(`c   total effect (${m.total.depVar} ~ ${treat})`, m.total, treat),
    ...term(`a   ${treat} -> ${m.mediator} (${m.mediator} ~ ${treat})`, m.aPath, treat),
    ...term(`b   ${m.mediator} -> ${m.total.depVar} (given ${treat})`, m.outcome, m.mediator),
    ...term(`c'  direct effect (given ${m.mediator})`, m.outcome, treat),
    ...(m.sobel.inapplicable ? [] : [["a*b indirect effect (Sobel)", m.indirect, m.seIndirect, m.sobel.statistic, formatP(m.sobel.p)]]),
  ];
}

function mediationText(r: MediationResult, nData: number): string {
  const head = `Mediation (${r.design}, ${r.sample} sample): ${r.y} <- ${r.treat} via ${r.mediators.map((m) => m.mediator).join(", ")}\n`;
  const blocks = r.mediators.map((m) => {
    const stat = m.total.statName;
    const b = m.bootstrap;
    const extra = [
      ...(b ? [`Bootstrap ${Math.round(100 * b.level)}% CI of a*b: [${formatNumber(b.ciLow)}, ${formatNumber(b.ciHigh)}] (${b.reps} reps, seed ${b.seed}, ${b.resampled}; bootstrap se ${formatNumber(b.se)})`] : []),
      ...(Number.isFinite(m.proportionMediated) ? [`Share mediated (a*b / c): ${formatNumber(100 * m.proportionMediated, 4)}%`] : []),
      commonNote(m, nData),
      ...(r.sample === "own" ? [`${m.mediator} a path (own sample): ${sampleNote(m.aPath)}`] : []),
    ];
    return `\nMediator ${m.mediator} (N = ${m.n})\n` + formatTable(["path", "estimate", "se", `${stat} (Sobel z)`, "p"], pathRows(m, r.treat)) + extra.join("\n") + "\n";
  });
  return head + blocks.join("");
}

export const command: CliCommand = {
  name: "mediate",
  summary: "Mediation: Baron-Kenny + Sobel (+ cluster bootstrap of a*b) or the two-step design, same FE and SEs as the baseline.",
  usage:
    "nqp mediate --data FILE --y Y --treat D --mediator M[,M2] [--x CONTROLS] [--fe ID,YEAR] [--cluster ID] [--vcov iid|robust|cluster] " +
    "[--design baron-kenny|two-step] [--sample common|own] [--bootstrap REPS --seed S [--level 0.95]] [--quiet] [--json]",
  flags: {
    data: { type: "string", meta: "FILE", required: true, description: ".csv or .xlsx (first sheet) with a header row" },
    y: { type: "string", column: true, meta: "Y", required: true, description: "outcome" },
    treat: { type: "string", column: true, meta: "D", required: true, description: "key regressor (treatment)" },
    mediator: { type: "list", meta: "M[,M2]", required: true, description: "mediators, each analysed on its own" },
    x: { type: "list", meta: "A,B", description: "controls" },
    fe: { type: "list", meta: "ID,YEAR", description: "fixed effects to absorb" },
    cluster: { type: "list", meta: "ID", description: "cluster variable(s) (implies --vcov cluster); the bootstrap resamples the first" },
    vcov: VCOV_FLAG,
    design: { type: "string", values: ["baron-kenny", "two-step"], description: "baron-kenny (default) or two-step (Jiang 2022: total effect and D -> M only)" },
    sample: { type: "string", values: ["common", "own"], description: "common (default): all equations on one sample; own: the a path on its own sample" },
    bootstrap: { type: "number", meta: "REPS", description: "cluster bootstrap replications for a*b (percentile CI)" },
    seed: { type: "number", meta: "S", description: `bootstrap seed, 0..4294967295 (default ${DEFAULT_SEED})` },
    level: { type: "number", meta: "0.95", description: "confidence level of the bootstrap interval" },
    "keep-singletons": { type: "boolean", description: "keep singleton FE groups" },
    quiet: { type: "boolean", description: "no bootstrap progress on stderr" },
    json: { type: "boolean", description: "print one JSON object (NaN -> null)" },
  },
  details: [
    "Example (the mechanism of the papers, on nqp_paper.csv from the nqp lag example):",
    "  nqp mediate --data nqp_paper.csv --y ER --treat NQP --mediator DI,IA,HUM --x GDP,FTE,BOOK,OPEN,FEF \\",
    "      --fe city_id,year --cluster city_id --bootstrap 200 --seed 20261122",
    "Sobel: z = ab / sqrt(b^2 se_a^2 + a^2 se_b^2) with the chosen variance; two-sided normal p.",
    "Bootstrap: whole clusters resampled with replacement (xoshiro128** seeded), percentile interval (Stata _pctile).",
  ].join("\n"),
  async run(a: ParsedArgs, io: CliIO): Promise<number> {
    const frame = await readDataFile(getString(a, "data")!, io.cwd);
    const reps = a.flags.bootstrap as number | undefined;
    const quiet = getBool(a, "quiet");
    const r = await mediate(
      frame,
      {
        y: getString(a, "y")!,
        treat: getString(a, "treat")!,
        mediators: getList(a, "mediator")!,
        controls: getList(a, "x") ?? [],
        fe: getList(a, "fe") ?? [],
        cluster: getList(a, "cluster"),
        vcov: getString(a, "vcov") as VcovType | undefined,
        keepSingletons: getBool(a, "keep-singletons"),
        design: getString(a, "design") as MediationDesign | undefined,
        sample: getString(a, "sample") as MediationSample | undefined,
        bootstrap:
          reps === undefined
            ? undefined
            : { reps, seed: (a.flags.seed as number | undefined) ?? DEFAULT_SEED, level: a.flags.level as number | undefined },
      },
      {
        progressEvery: 50,
        onProgress: quiet ? undefined : (p) => p.done > 0 && io.err(`${p.task}: ${p.done}/${p.total}\n`),
      },
    );
    io.out(getBool(a, "json") ? toJson(mediationJson(r)) + "\n" : mediationText(r, r.nRows));
    return 0;
  },
};
