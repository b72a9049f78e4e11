/**
 * The table of a GP + GeoShapley run (engine/gp, engine/explain): with GeoShapley, the 2p + 1 components
 * (features, GEO = the intrinsic location effect, "<feature> x GEO" interactions) ranked by mean |phi|
 * over the explained rows (the geoshapley package's summary_statistics), with mean phi beside it; then
 * the base value, the log marginal likelihood, the rows and every hyperparameter (fitted or fixed).
 * Without GeoShapley: the hyperparameters with the gradient of the log marginal likelihood.
 * Used by the task pane (worker/jobs-gp.ts) and the demo.
 */
import { summaryRanking } from "../engine/explain/geoshapley-summary";
import type { GeoShapleyResult } from "../engine/explain/geoshapley";
import type { GpModel } from "../engine/gp/model";
import { fixed, INTEGER } from "./formats";
import { makeTable, num, text, Table, TableRow } from "./table";

export type GpTableModel = Pick<GpModel, "names" | "values" | "fixed" | "gradient" | "loglik" | "n" | "kernelDescription" | "jitter" | "warnings" | "subsample" | "starts">;

export interface GpTableSpec {
  readonly title: string;
  readonly model: GpTableModel;
  readonly geoshapley?: { readonly result: GeoShapleyResult; readonly nBackground: number } | null;
  readonly decimals?: number;
  readonly notes?: readonly string[];
}

const row = (role: TableRow["role"], key: string, cells: TableRow["cells"]): TableRow => ({ role, key, cells });

export function buildGpTable(s: GpTableSpec): Table {
  const m = s.model;
  const f = fixed(Math.max(s.decimals ?? 3, 4));
  const g = s.geoshapley;
  const header = [row("header", "header", g ? [text("Component"), text("Mean |phi|"), text("Mean phi")] : [text("Hyperparameter"), text("Value"), text("d loglik / d log")])];
  const body: TableRow[] = [];
  const status = (j: number) => text(m.fixed[j] ? "fixed" : "fitted");
  if (g) {
    for (const e of summaryRanking(g.result)) body.push(row("data", e.component, [text(e.component), num(e.meanAbs, f), num(e.mean, f)]));
    body.push(row("stat", "base", [text("Base value (phi_0)"), num(g.result.base, f), text("")]));
  } else {
    m.names.forEach((name, j) => body.push(row("data", name, [text(name), num(m.values[j], f), num(m.gradient[j], f)])));
  }
  body.push(row("stat", "loglik", [text("Log marginal likelihood"), num(m.loglik, f), text("")]));
  body.push(row("stat", "n", [text("Rows"), num(m.n, INTEGER), text("")]));
  if (g) {
    body.push(row("stat", "background", [text("Background rows"), num(g.nBackground, INTEGER), text("")]));
    m.names.forEach((name, j) => body.push(row("stat2", `hp:${name}`, [text(name), num(m.values[j], f), status(j)])));
  }
  const fittedOn = m.subsample ? ` on a seeded subsample of ${m.subsample.length} rows (fast mode), then the exact posterior on all ${m.n} rows` : "";
  const notes = [
    `Kernel: ${m.kernelDescription}.`,
    m.fixed.every(Boolean)
      ? "Hyperparameters fixed as given."
      : `Hyperparameters by maximum marginal likelihood from ${m.starts.length} start(s)${fittedOn}; the log marginal likelihood is that of the normalised y at those values on all rows.`,
    ...(g
      ? [
          `GeoShapley (Li 2024): ${g.result.methodNote}; background = the first ${g.nBackground} rows; components ranked by mean |phi| over the ${g.result.geo.length} explained rows. GEO = the intrinsic location effect (lat and lon as one player).`,
        ]
      : []),
    ...(m.jitter > 0 ? [`Jitter ${m.jitter.toExponential(2)} was added to the kernel diagonal to factorise it.`] : []),
    ...m.warnings.filter((w) => !/jitter/.test(w)),
    ...(s.notes ?? []),
  ];
  return makeTable(s.title, header, body, notes);
}
