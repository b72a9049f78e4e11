/**
 * The task pane's PSM-FE job: the "psm" report table (one column per matching method, the FE
 * regression on each matched sample) and the pstest balance table of the first method, written to
 * two sheets. Treatment = the key regressor above its median (per period when matching by period),
 * covariates = the controls, outcome = y.
 */
import { InputError } from "../../engine/frame/errors";
import { buildRegressionTable } from "../../report/regression-table";
import { feRowLabels } from "../../report/labels";
import { PsmMethodSpec, psmBalanceTable, psmColumns, psmNotes, psmStats, PsmTableSpec } from "../../report/psm-table";
import { JobRunner, requireNumeric } from "./job-kit";
import type { PsmJobSpec } from "./protocol";

function methodsOf(s: PsmJobSpec): PsmMethodSpec[] {
  const nn: PsmMethodSpec = { method: "nn", caliper: s.caliper > 0 && s.method === "nn" ? s.caliper : undefined };
  const radius: PsmMethodSpec = { method: "radius", caliper: s.caliper };
  const kernel: PsmMethodSpec = { method: "kernel", kernel: "epan", bwidth: s.bwidth };
  return s.method === "all" ? [nn, radius, kernel] : [s.method === "nn" ? nn : s.method === "radius" ? radius : kernel];
}

export const psmJob: JobRunner<PsmJobSpec> = async (s, ctx) => {
  if (s.x.length !== 1) throw new InputError(`PSM takes one key regressor (the treatment variable); ${s.x.length} are chosen.`);
  requireNumeric(ctx.frame, s.y, "dependent variable");
  requireNumeric(ctx.frame, s.x[0], "key regressor");
  for (const c of s.controls) requireNumeric(ctx.frame, c, "control");
  const spec: PsmTableSpec = {
    kind: "psm",
    title: "PSM-FE: regressions on the matched samples",
    psm: { treat: `above-median:${s.x[0]}`, x: s.controls, outcome: s.y, by: s.by || undefined },
    methods: methodsOf(s),
    model: { y: s.y, x: [...s.x, ...s.controls], fe: s.fe, cluster: s.cluster.length ? s.cluster : undefined, vcov: s.vcov },
    controls: s.controls,
    feRows: ctx.options.language === "zh" ? feRowLabels(s.fe, {}, "zh") : Object.fromEntries(s.fe.map((f) => [f, `${f} FE`])),
    options: { paren: ctx.options.paren, decimals: ctx.options.decimals, language: ctx.options.language ?? "en" },
  };
  const columns = psmColumns(ctx.frame, spec);
  const table = buildRegressionTable({
    title: spec.title, columns, terms: [...s.x], controls: s.controls, feRows: spec.feRows, options: spec.options,
    stats: psmStats(columns), notes: psmNotes(spec),
  });
  const balance = psmBalanceTable(ctx.frame, { ...spec, title: `Balance test (${columns[0].subtitle})`, decimals: ctx.options.decimals });
  const n = columns.map((c) => `${c.subtitle} N = ${c.result.n}`).join(", ");
  return { kind: "psm", table, extraTables: [balance], summary: `${columns.length} matched sample(s): ${n}. The balance table is written to its own sheet.` };
};
