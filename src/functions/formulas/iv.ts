/**
 * =NQP.IV(y, endog, instruments, [x], [id], [time], [cluster], [options]): IV-2SLS with the panel unit and
 * period absorbed as fixed effects (when given), spilled as a table:
 *   term | coef | se | t | p | ci_low | ci_high        (second stage; "z" with option nosmall)
 *   first-stage F (<endog>) | F | df1 | df2 | p        then one row per diagnostic: label | statistic | df | p |
 *   note (Stock-Yogo 10% critical value for the weak-identification F, or why a test does not apply)
 *   N | dropped (missing) | dropped (singletons) | clusters
 * Options: vcov=iid|hc1|cluster (default: cluster when a cluster range is given), nosmall, keep_singletons.
 */
import { Cell } from "../../engine/frame/missing";
import { frameFromColumns } from "../../engine/frame/frame";
import { InputError } from "../../engine/frame/errors";
import { fitIv, IvResult } from "../../engine/models/iv";
import { VcovType } from "../../engine/models/result";
import { isOmitted, keyRange, numericRange, OptionSchema, parseOptions, requireSameLength } from "../args";
import { spillNumber, withExcelErrors } from "../errors";

export const IV_OPTIONS: OptionSchema = {
  vcov: { kind: "choice", values: ["iid", "hc1", "cluster"] },
  nosmall: { kind: "flag" },
  keep_singletons: { kind: "flag" },
};

const WIDTH = 7;
const pad = (row: unknown[]) => {
  while (row.length < WIDTH) row.push("");
  return row;
};

export function ivTable(r: IvResult): unknown[][] {
  const out: unknown[][] = [["term", "coef", "se", r.statName, "p", "ci_low", "ci_high"]];
  r.terms.forEach((t, i) => out.push([t, spillNumber(r.coef[i]), spillNumber(r.se[i]), spillNumber(r.stat[i]), spillNumber(r.p[i]), spillNumber(r.ciLow[i]), spillNumber(r.ciHigh[i])]));
  for (const f of r.firstStage) out.push(pad([`first-stage F (${f.endogenous})`, spillNumber(f.f), f.fDf[0], f.fDf[1], spillNumber(f.fP)]));
  for (const d of r.diagnostics) {
    const note = d.inapplicable ?? (d.extra?.stock_yogo_10 !== undefined ? `Stock-Yogo 10% max. IV size: ${d.extra.stock_yogo_10}` : "");
    out.push(pad([d.label, d.inapplicable ? "n/a" : spillNumber(d.statistic), d.df.join(", "), d.inapplicable || d.distribution === "none" ? "" : spillNumber(d.p), note]));
  }
  for (const [k, why] of Object.entries(r.omittedInstruments)) out.push(pad([`instrument ${k} left out`, why]));
  out.push(pad(["N", r.n]));
  out.push(pad(["dropped (missing)", r.sample.droppedMissing]));
  out.push(pad(["dropped (singletons)", r.sample.droppedSingletons]));
  out.push(pad(["clusters", r.nClusters.length > 0 ? r.nClusters[0] : ""]));
  return out;
}

export function fitIvFormula(y: unknown, endog: unknown, instruments: unknown, x?: unknown, id?: unknown, time?: unknown, cluster?: unknown, options?: unknown): IvResult {
  const opts = parseOptions(options, IV_OPTIONS);
  const yr = numericRange("y", y);
  if (yr.columns.length !== 1) throw new InputError(`Argument y must be a single column but has ${yr.columns.length}.`);
  const er = numericRange("endog", endog);
  const zr = numericRange("instruments", instruments);
  const xr = isOmitted(x) ? undefined : numericRange("x", x);
  const header = yr.hasHeader;
  const idr = isOmitted(id) ? undefined : keyRange("id", id, header);
  const tr = isOmitted(time) ? undefined : keyRange("time", time, header);
  const clr = isOmitted(cluster) ? undefined : keyRange("cluster", cluster, header);
  const parts = [
    { name: "y", nrow: yr.nrow }, { name: "endog", nrow: er.nrow }, { name: "instruments", nrow: zr.nrow },
    ...(xr ? [{ name: "x", nrow: xr.nrow }] : []), ...(idr ? [{ name: "id", nrow: idr.nrow }] : []),
    ...(tr ? [{ name: "time", nrow: tr.nrow }] : []), ...(clr ? [{ name: "cluster", nrow: clr.nrow }] : []),
  ];
  requireSameLength(parts);
  const cols: Record<string, Cell[]> = {};
  const add = (name: string, cells: Cell[], role: string) => {
    if (cols[name] !== undefined) throw new InputError(`The ${role} column "${name}" has the same name as another argument's column; rename one header.`);
    cols[name] = cells;
    return name;
  };
  const yName = add(yr.names[0], yr.columns[0], "y");
  const eNames = er.names.map((nm, j) => add(er.hasHeader ? nm : `endog${j + 1}`, er.columns[j], "endog"));
  const zNames = zr.names.map((nm, j) => add(zr.hasHeader ? nm : `z${j + 1}`, zr.columns[j], "instruments"));
  const xNames = xr ? xr.names.map((nm, j) => add(nm, xr.columns[j], "x")) : [];
  const fe: string[] = [];
  if (idr) fe.push(add(idr.hasHeader ? `${idr.names[0]}` : "id", idr.columns[0], "id"));
  if (tr) fe.push(add(tr.hasHeader ? `${tr.names[0]}` : "time", tr.columns[0], "time"));
  let clName: string | undefined;
  if (clr) {
    const nm = clr.hasHeader ? clr.names[0] : "cluster";
    clName = cols[nm] !== undefined ? nm : add(nm, clr.columns[0], "cluster");
  }
  const frame = frameFromColumns(cols);
  return fitIv(frame, {
    y: yName, endog: eNames, instruments: zNames, x: xNames, fe,
    cluster: clName ? [clName] : undefined,
    vcov: (opts.vcov as VcovType | undefined) ?? (clName ? "cluster" : "iid"),
    small: opts.nosmall !== true,
    keepSingletons: opts.keep_singletons === true,
  });
}

/**
 * IV-2SLS (ivreg2/ivreghdfe conventions) with unit and period fixed effects absorbed when id and time are given. Spills the second stage, first-stage F, Kleibergen-Paap rk LM, Cragg-Donald and KP rk Wald F (with the Stock-Yogo critical value), Hansen J, endogeneity and Anderson-Rubin tests, N and the rows dropped (missing values, singletons).
 * @customfunction IV
 * @param y Dependent variable: one column, optionally with a header cell.
 * @param endog Endogenous regressor(s): one or more adjacent columns.
 * @param instruments Excluded instruments: one or more adjacent columns (at least as many as endog).
 * @param [x] Exogenous controls: one or more adjacent columns.
 * @param [id] Panel unit (absorbed as a fixed effect), one column.
 * @param [time] Period (absorbed as a fixed effect), one column.
 * @param [cluster] Cluster variable for clustered SEs (e.g. the id column).
 * @param [options] Options text such as "vcov=hc1; nosmall; keep_singletons".
 * @returns A table: term, coef, se, t, p, ci_low, ci_high; first-stage F; diagnostic rows; N, dropped (missing), dropped (singletons), clusters.
 */
export function iv(y: any[][], endog: any[][], instruments: any[][], x?: any[][], id?: any[][], time?: any[][], cluster?: any[][], options?: any[][]): any[][] {
  return withExcelErrors("IV", () => ivTable(fitIvFormula(y, endog, instruments, x, id, time, cluster, options)));
}
