/**
 * =NQP.MEDIATION(y, treat, mediator, id, time, [controls], [cluster], [options]): mediation with city
 * and year FE absorbed (Baron-Kenny three equations, Sobel test, optional cluster bootstrap of a*b),
 * spilled as a compact table, one column per mediator:
 *   statistic | M1 | M2 ...
 *   a, se_a, b, se_b, c, c', a*b, se(a*b), Sobel z, Sobel p, proportion mediated, boot CI low, boot CI high, N,
 *   dropped (missing), dropped (singletons) (rows of the input left out of the common sample, and FE singletons)
 * Options: vcov=iid|hc1|cluster, keep_singletons, sample=common|own, design=baron-kenny|two-step,
 * bootstrap=<reps>, seed=<n>, level=<0..1>. The bootstrap resamples whole clusters of the cluster column
 * (required with bootstrap).
 */
import { Cell } from "../../engine/frame/missing";
import { frameFromColumns } from "../../engine/frame/frame";
import { InputError } from "../../engine/frame/errors";
import { mediate, MediationDesign, MediationResult, MediationSample } from "../../engine/models/mediation";
import { VcovType } from "../../engine/models/result";
import { isOmitted, keyRange, numericRange, OptionSchema, parseOptions, RangeColumns, requireSameLength } from "../args";
import { spillNumber, toExcelError } from "../errors";

export const MEDIATION_OPTIONS: OptionSchema = {
  vcov: { kind: "choice", values: ["iid", "hc1", "cluster"] },
  keep_singletons: { kind: "flag" },
  sample: { kind: "choice", values: ["common", "own"] },
  design: { kind: "choice", values: ["baron-kenny", "two-step"] },
  bootstrap: { kind: "number", min: 2, max: 100000 },
  seed: { kind: "number", min: 0, max: 4294967295 },
  level: { kind: "number", min: 0, max: 1 },
};

export const DEFAULT_FORMULA_SEED = 12345;

/** The spilled table (see file header). */
export function mediationTable(r: MediationResult): unknown[][] {
  const ms = r.mediators;
  const row = (label: string, f: (i: number) => number) => [label, ...ms.map((_, i) => spillNumber(f(i)))];
  return [
    ["statistic", ...ms.map((m) => m.mediator)],
    row("a", (i) => ms[i].a),
    row("se_a", (i) => ms[i].seA),
    row("b", (i) => ms[i].b),
    row("se_b", (i) => ms[i].seB),
    row("c", (i) => ms[i].c),
    row("c'", (i) => ms[i].cPrime),
    row("a*b", (i) => ms[i].indirect),
    row("se(a*b)", (i) => ms[i].seIndirect),
    row("Sobel z", (i) => ms[i].sobel.statistic),
    row("Sobel p", (i) => ms[i].sobel.p),
    row("proportion mediated", (i) => ms[i].proportionMediated),
    row("boot CI low", (i) => ms[i].bootstrap?.ciLow ?? NaN),
    row("boot CI high", (i) => ms[i].bootstrap?.ciHigh ?? NaN),
    row("N", (i) => ms[i].n),
    row("dropped (missing)", (i) => r.nRows - (ms[i].outcome ?? ms[i].total).sample.nInput),
    row("dropped (singletons)", (i) => (ms[i].outcome ?? ms[i].total).sample.droppedSingletons),
  ];
}

function single(argName: string, rc: RangeColumns): void {
  if (rc.columns.length !== 1) throw new InputError(`Argument ${argName} must be a single column but has ${rc.columns.length}.`);
}

/** Parses the arguments and runs the analysis; exported for tests and the task pane. */
export async function runMediation(
  y: unknown,
  treat: unknown,
  mediator: unknown,
  id: unknown,
  time: unknown,
  controls?: unknown,
  cluster?: unknown,
  options?: unknown,
): Promise<MediationResult> {
  const opts = parseOptions(options, MEDIATION_OPTIONS);
  const yr = numericRange("y", y);
  single("y", yr);
  const dr = numericRange("treat", treat);
  single("treat", dr);
  const mr = numericRange("mediator", mediator);
  const cr = isOmitted(controls) ? undefined : numericRange("controls", controls);
  const header = yr.hasHeader;
  for (const [n, r] of [["treat", dr], ["mediator", mr], ["controls", cr]] as const) {
    if (r && r.hasHeader !== header) throw new InputError(`y ${header ? "has" : "has no"} header row but ${n} ${r.hasHeader ? "has one" : "does not"}: select all ranges with or all without headers.`);
  }
  const idr = keyRange("id", id, header);
  const tr = keyRange("time", time, header);
  const clr = isOmitted(cluster) ? undefined : keyRange("cluster", cluster, header);
  requireSameLength([
    { name: "y", nrow: yr.nrow },
    { name: "treat", nrow: dr.nrow },
    { name: "mediator", nrow: mr.nrow },
    ...(cr ? [{ name: "controls", nrow: cr.nrow }] : []),
    { name: "id", nrow: idr.nrow },
    { name: "time", nrow: tr.nrow },
    ...(clr ? [{ name: "cluster", nrow: clr.nrow }] : []),
  ]);
  const cols: Record<string, Cell[]> = {};
  const add = (name: string, cells: Cell[], what: string) => {
    if (cols[name] !== undefined) throw new InputError(`Two inputs are named "${name}" (${what}); give each variable its own name.`);
    cols[name] = cells;
    return name;
  };
  const yName = add(yr.names[0], yr.columns[0], "y");
  const dName = add(dr.names[0], dr.columns[0], "treat");
  const mNames = mr.names.map((n, j) => add(n, mr.columns[j], "mediator"));
  const cNames = cr ? cr.names.map((n, j) => add(n, cr.columns[j], "controls")) : [];
  const idName = add(idr.hasHeader ? idr.names[0] : "id", idr.columns[0], "id");
  const timeName = add(tr.hasHeader ? tr.names[0] : "time", tr.columns[0], "time");
  let clName: string | undefined;
  if (clr) {
    const same = clr.columns[0].every((v, i) => String(v ?? "") === String(idr.columns[0][i] ?? ""));
    clName = same ? idName : add(clr.hasHeader ? clr.names[0] : "cluster", clr.columns[0], "cluster");
  }
  const frame = frameFromColumns(cols);
  const reps = opts.bootstrap as number | undefined;
  if (reps !== undefined && !clName) throw new InputError("The bootstrap resamples whole clusters: give the cluster range (e.g. the id column).");
  return mediate(frame, {
    y: yName,
    treat: dName,
    mediators: mNames,
    controls: cNames,
    fe: [idName, timeName],
    cluster: clName ? [clName] : undefined,
    vcov: (opts.vcov as VcovType | undefined) ?? (clName ? "cluster" : "iid"),
    keepSingletons: opts.keep_singletons === true,
    sample: opts.sample as MediationSample | undefined,
    design: opts.design as MediationDesign | undefined,
    bootstrap: reps === undefined ? undefined : { reps, seed: (opts.seed as number | undefined) ?? DEFAULT_FORMULA_SEED, level: opts.level as number | undefined },
  });
}

/**
 * Mediation with unit and period FE absorbed: Baron-Kenny equations, Sobel test and an optional cluster bootstrap of a*b, one column per mediator.
 * @customfunction MEDIATION
 * @param y Outcome: one column, optionally with a header cell.
 * @param treat Key regressor (treatment): one column.
 * @param mediator Mediator(s): one or more adjacent columns, each analysed on its own.
 * @param id Panel unit (e.g. city id), one column.
 * @param time Period (e.g. year), one column.
 * @param [controls] Control variables: adjacent columns.
 * @param [cluster] Cluster column for clustered SEs and the cluster bootstrap (e.g. the id column).
 * @param [options] Options text such as "bootstrap=500; seed=1; sample=own" (also vcov, design, level, keep_singletons).
 * @returns A table: a, se_a, b, se_b, c, c', a*b, se(a*b), Sobel z, Sobel p, proportion mediated, bootstrap CI, N and the rows dropped (missing, singletons) per mediator.
 */
export async function mediation(
  y: any[][],
  treat: any[][],
  mediator: any[][],
  id: any[][],
  time: any[][],
  controls?: any[][],
  cluster?: any[][],
  options?: any[][],
): Promise<any[][]> {
  try {
    return mediationTable(await runMediation(y, treat, mediator, id, time, controls, cluster, options));
  } catch (e) {
    throw toExcelError("MEDIATION", e);
  }
}
