/**
 * The job registry: model kind -> engine call -> publication table. Only engine functions that exist
 * are wired; a kind without a runner is reported to the pane as "not available yet" (the form stays
 * visible, Run explains why). Runners validate their spec against the frame first so errors name the
 * variable and the row a user has to fix.
 */
import { keyColumn } from "../../engine/frame";
import { InputError } from "../../engine/frame/errors";
import { JobContext, JobRunner, requireNumeric } from "./job-kit";
import { fixedEffects, heterogeneity, instrumental, mediation, robustness } from "./jobs-regression";
import { psmJob } from "./jobs-psm";
import { entropyIndex } from "../../engine/indices/entropy";
import { martinResilience } from "../../engine/indices/resilience";
import { describeColumns } from "../../engine/stats/describe";
import { buildDescriptivesTable } from "../../report/descriptives-table";
import { entropyWeightsTable, resilienceTable } from "./index-tables";
import { entropyScoreSheet, resilienceScoreSheet } from "./score-sheet";
import { boosting } from "./jobs-boosting";
import { slimEntropy, trendData } from "./chart-data";
import { spatialJob } from "./jobs-spatial";
import { t } from "../../i18n/catalogue";
import { paneCharts } from "../../i18n/messages/pane-charts";
import type { DescribeSpec, EntropySpec, JobKind, JobOutput, JobSpec, ResilienceSpec } from "./protocol";

const describe: JobRunner<DescribeSpec> = async (spec, { frame, options }) => {
  if (spec.vars.length === 0) throw new InputError("Choose at least one variable to describe.");
  const cols = spec.vars.map((v) => requireNumeric(frame, v, "variable"));
  const res = describeColumns(cols, spec.vars, spec.sample);
  return {
    kind: "describe",
    table: buildDescriptivesTable({ title: "Descriptive statistics", describe: res, decimals: options.decimals, language: options.language }),
    summary: spec.sample === "listwise" ? `${res.nListwise} of ${frame.nrow} rows have every variable.` : `${frame.nrow} rows; each variable over its non-missing rows.`,
  };
};

const entropy: JobRunner<EntropySpec> = async (spec, { frame, options }) => {
  if (spec.indicators.length < 2) throw new InputError("Choose at least two indicators for the entropy index.");
  const cols = spec.indicators.map((ind) => requireNumeric(frame, ind.name, "indicator"));
  const names = spec.indicators.map((i) => i.name);
  const layers = spec.indicators.map((i) => i.layer.trim());
  const useLayers = layers.some((l) => l !== "");
  const res = entropyIndex(cols, names, {
    directions: spec.indicators.map((i) => i.direction),
    method: spec.method,
    layers: useLayers ? layers.map((l) => l || "(none)") : undefined,
  });
  return {
    kind: "entropy",
    table: entropyWeightsTable(res, layers, spec.outName, options.decimals, options.language),
    summary: `${spec.outName}: ${res.nUsed} of ${res.nRows} rows scored from ${names.length} indicators.`,
    columns: [{ name: spec.outName, values: res.scores }],
    scores: entropyScoreSheet(res, frame, spec.outName, spec.id, spec.time),
    charts: [
      { kind: "weights", title: t(paneCharts.weightsTitle, { index: spec.outName }), entropy: slimEntropy(res) },
      ...(spec.time ? [trendData(frame, { title: t(paneCharts.trendTitle, { variable: spec.outName, time: spec.time }), valueLabel: spec.outName, value: res.scores, time: spec.time, id: spec.id })] : []),
    ],
  };
};

const resilience: JobRunner<ResilienceSpec> = async (spec, { frame, options }) => {
  const value = requireNumeric(frame, spec.value, "level variable");
  const time = requireNumeric(frame, spec.time, "time variable");
  if (!spec.id) throw new InputError("Choose the panel id variable.");
  const national = spec.national ? requireNumeric(frame, spec.national, "national level variable") : undefined;
  const res = martinResilience({ value, id: keyColumn(frame, spec.id), time, national });
  return {
    kind: "resilience",
    table: resilienceTable(res, time, spec.outName, options.decimals, options.language),
    summary: `${spec.outName}: defined for ${frame.nrow - res.nMissing} of ${frame.nrow} rows.`,
    columns: [{ name: spec.outName, values: res.values }],
    scores: resilienceScoreSheet(res, frame, spec.outName, spec.id, spec.time),
    charts: [trendData(frame, { title: t(paneCharts.trendTitle, { variable: spec.outName, time: spec.time }), valueLabel: spec.outName, value: res.values, time: spec.time, id: spec.id })],
  };
};

export const JOB_RUNNERS: Partial<Record<JobKind, JobRunner<any>>> = {
  describe,
  fe: fixedEffects,
  iv: instrumental,
  mediation,
  heterogeneity,
  robustness,
  psm: psmJob,
  entropy,
  resilience,
  boosting,
  spatial: spatialJob,
};

export function availableKinds(): JobKind[] {
  return Object.keys(JOB_RUNNERS) as JobKind[];
}

export async function runJob(spec: JobSpec, ctx: JobContext): Promise<JobOutput> {
  const runner = JOB_RUNNERS[spec.kind];
  if (!runner) throw new JobUnavailable(spec.kind);
  return runner(spec, ctx);
}

export class JobUnavailable extends Error {
  constructor(readonly kind: JobKind) {
    super(`The ${kind} model is not available in this build yet.`);
    this.name = "JobUnavailable";
  }
}
