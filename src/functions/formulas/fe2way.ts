/**
 * =NQP.FE2WAY(y, x, id, time, [cluster], [options]): two-way fixed-effects regression (unit + time FE
 * absorbed, as reghdfe / fixest), spilled as a table:
 *   term | coef | se | t | p | ci_low | ci_high      (header row; "z" instead of "t" for large-sample SEs)
 *   one row per regressor (then _cons unless noconstant); omitted (collinear) regressors say "omitted"
 *   N | dropped (missing) | dropped (singletons) | groups (id levels) | periods (time levels) | clusters | within R-squared
 * Options: vcov=iid|hc1|cluster (default: cluster when a cluster range is given, else iid),
 * keep_singletons, noconstant.
 */
import { Cell } from "../../engine/frame/missing";
import { frameFromColumns } from "../../engine/frame/frame";
import { InputError } from "../../engine/frame/errors";
import { fitLinear } from "../../engine/models/linear";
import { RegressionResult, VcovType } from "../../engine/models/result";
import { isOmitted, keyRange, numericRange, OptionSchema, parseOptions, RangeColumns, requireSameLength } from "../args";
import { spillNumber, withExcelErrors } from "../errors";
import { extent } from "../../engine/stats/extent";

export const FE2WAY_OPTIONS: OptionSchema = {
  vcov: { kind: "choice", values: ["iid", "hc1", "cluster"] },
  keep_singletons: { kind: "flag" },
  noconstant: { kind: "flag" },
};

const WIDTH = 7;

function sameCells(a: readonly Cell[], b: readonly Cell[]): boolean {
  return a.length === b.length && a.every((v, i) => String(v ?? "") === String(b[i] ?? ""));
}

/** Columns of the frame by name; key columns that repeat another key column reuse its name. */
class Columns {
  readonly cols: Record<string, Cell[]> = {};

  add(name: string, cells: Cell[]): string {
    const existing = this.cols[name];
    if (existing === undefined) {
      this.cols[name] = cells;
      return name;
    }
    if (sameCells(existing, cells)) return name;
    let k = 2;
    while (this.cols[`${name}_${k}`] !== undefined) k++;
    this.cols[`${name}_${k}`] = cells;
    return `${name}_${k}`;
  }
}

function pad(row: unknown[]): unknown[] {
  while (row.length < WIDTH) row.push("");
  return row;
}

/** The spilled table of a fitted model (see file header). */
export function fe2wayTable(r: RegressionResult, omittedNames: readonly string[]): unknown[][] {
  const out: unknown[][] = [["term", "coef", "se", r.statName, "p", "ci_low", "ci_high"]];
  r.terms.forEach((term, i) => {
    out.push([term, spillNumber(r.coef[i]), spillNumber(r.se[i]), spillNumber(r.stat[i]), spillNumber(r.p[i]), spillNumber(r.ciLow[i]), spillNumber(r.ciHigh[i])]);
  });
  for (const name of omittedNames) out.push(pad([name, "omitted"]));
  out.push(pad(["N", r.n]));
  out.push(pad(["dropped (missing)", r.sample.droppedMissing]));
  out.push(pad(["dropped (singletons)", r.sample.droppedSingletons]));
  out.push(pad(["groups", r.fixedEffects[0]?.levels ?? ""]));
  out.push(pad(["periods", r.fixedEffects[1]?.levels ?? ""]));
  out.push(pad(["clusters", r.nClusters.length > 0 ? extent(r.nClusters).min : ""]));
  out.push(pad(["within R-squared", spillNumber(r.r2Within)]));
  return out;
}

function oneColumn(argName: string, rc: RangeColumns): void {
  if (rc.columns.length !== 1) throw new InputError(`Argument ${argName} must be a single column but has ${rc.columns.length}.`);
}

/** Parses the arguments and fits the model; exported for tests and the task pane. */
export function fitFe2way(y: unknown, x: unknown, id: unknown, time: unknown, cluster?: unknown, options?: unknown): RegressionResult {
  const opts = parseOptions(options, FE2WAY_OPTIONS);
  const yr = numericRange("y", y);
  oneColumn("y", yr);
  const xr = numericRange("x", x);
  if (yr.hasHeader !== xr.hasHeader) {
    throw new InputError(
      `${yr.hasHeader ? "y" : "x"} has a header row but ${yr.hasHeader ? "x" : "y"} does not: select both with or both without headers.`,
    );
  }
  const header = yr.hasHeader;
  const idr = keyRange("id", id, header);
  const tr = keyRange("time", time, header);
  const clr = isOmitted(cluster) ? undefined : keyRange("cluster", cluster, header, 2);
  requireSameLength([
    { name: "y", nrow: yr.nrow },
    { name: "x", nrow: xr.nrow },
    { name: "id", nrow: idr.nrow },
    { name: "time", nrow: tr.nrow },
    ...(clr ? [{ name: "cluster", nrow: clr.nrow }] : []),
  ]);
  const cols = new Columns();
  const yName = cols.add(yr.names[0], yr.columns[0]);
  const xNames = xr.names.map((n, j) => {
    if (cols.cols[n] !== undefined) throw new InputError(`Regressor "${n}" has the same name as the dependent variable.`);
    return cols.add(n, xr.columns[j]);
  });
  const idName = cols.add(idr.hasHeader ? idr.names[0] : "id", idr.columns[0]);
  const timeName = cols.add(tr.hasHeader ? tr.names[0] : "time", tr.columns[0]);
  if (idName === timeName) throw new InputError("id and time are the same column: give the panel unit and the period.");
  const clNames = clr ? clr.columns.map((c, j) => cols.add(clr.hasHeader ? clr.names[j] : clr.columns.length > 1 ? `cluster${j + 1}` : "cluster", c)) : [];
  const frame = frameFromColumns(cols.cols);
  const vcov = opts.vcov as VcovType | undefined;
  return fitLinear(frame, {
    y: yName,
    x: xNames,
    fe: [idName, timeName],
    cluster: clNames.length > 0 ? clNames : undefined,
    vcov: vcov ?? (clNames.length > 0 ? "cluster" : "iid"),
    noConstant: opts.noconstant === true,
    keepSingletons: opts.keep_singletons === true,
  });
}

/**
 * Two-way fixed-effects regression (unit and period effects absorbed, as Stata reghdfe / R fixest). Spills coefficient, SE, t, p and 95% CI per regressor, then N, the rows dropped (missing values, singletons), groups, periods, clusters and within R-squared.
 * @customfunction FE2WAY
 * @param y Dependent variable: one column, optionally with a header cell.
 * @param x Regressors: one or more adjacent columns (names from a header row, else x1, x2, ...).
 * @param id Panel unit (e.g. city id), one column: numbers or text.
 * @param time Period (e.g. year), one column: numbers or text.
 * @param [cluster] Cluster variable(s) for clustered SEs: one or two columns (e.g. the id column). Omit for iid SEs.
 * @param [options] Options text such as "vcov=hc1; keep_singletons; noconstant" (vcov=iid|hc1|cluster), or a two-column key/value range.
 * @returns A table: term, coef, se, t, p, ci_low, ci_high; then N, dropped (missing), dropped (singletons), groups, periods, clusters, within R-squared.
 */
export function fe2way(y: any[][], x: any[][], id: any[][], time: any[][], cluster?: any[][], options?: any[][]): any[][] {
  return withExcelErrors("FE2WAY", () => {
    const r = fitFe2way(y, x, id, time, cluster, options);
    return fe2wayTable(r, r.omitted);
  });
}
