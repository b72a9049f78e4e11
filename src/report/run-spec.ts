/**
 * Runs table specs (./spec.ts) through the engine and builds the tables: derived columns first
 * (entropy index, resilience, lags), then each table's models, then the builders. Orchestration only:
 * every number comes from the engine (fitLinear, fitIv, mediate, heterogeneity, prepareVariant,
 * describeColumns, entropyIndex, martinResilience, lagByPanel).
 */
import { Frame, InputError, keyColumn, numericColumn } from "../engine/frame";
import { entropyIndex } from "../engine/indices/entropy";
import { lagByPanel } from "../engine/indices/lag";
import { martinResilience } from "../engine/indices/resilience";
import { heterogeneity } from "../engine/models/heterogeneity";
import { fitIv } from "../engine/models/iv";
import { LinearSpec, fitLinear } from "../engine/models/linear";
import { mediate } from "../engine/models/mediation";
import { prepareVariant } from "../engine/models/robustness";
import { withNumericColumn } from "../engine/models/spec-frame";
import { describeColumns } from "../engine/stats/describe";
import { ModelColumn } from "./column";
import { buildDescriptivesTable } from "./descriptives-table";
import { ivTable } from "./iv-table";
import { buildMediationTable, indirectEffect } from "./mediation-table";
import { runSpatialTable } from "./spatial-run";
import { RegressionTableSpec, buildRegressionTable, labeller } from "./regression-table";
import { DeriveStep, LinearModelSpec, RegressionLayout, RowFilter, SpecFile, TableSpec, TableSpecBase, validateSpecFile } from "./spec";
import { Table } from "./table";
import { Lang, t } from "../i18n/catalogue";
import { tableMessages } from "../i18n/messages/tables";
import { boostingMessages } from "../i18n/messages/tables-boosting";
import { zhPanelWord } from "./labels";
import { tableOptions } from "./options";
import { psmBalanceTable, psmColumns, psmNotes, psmStats } from "./psm-table";

export { firstStageResult } from "./iv-table";
import { boostDataWithY, runBoost } from "../engine/trees";
import { buildBoostingTable } from "./boosting-table";

/** Adds the derived columns, in order (each step may use the columns of earlier steps). */
export function applyDerive(frame: Frame, steps: readonly DeriveStep[] = []): Frame {
  let f = frame;
  for (const s of steps) {
    let values: Float64Array;
    if (s.kind === "entropy") {
      const neg = new Set(s.negative ?? []);
      for (const n of neg) if (!s.indicators.includes(n)) throw new InputError(`Entropy index "${s.name}": negative indicator "${n}" is not among its indicators.`);
      const cols = s.indicators.map((n) => numericColumn(f, n));
      values = entropyIndex(cols, s.indicators, { method: "minmax", directions: s.indicators.map((n) => (neg.has(n) ? -1 : 1)) }).scores;
    } else if (s.kind === "resilience") {
      values = martinResilience({
        value: numericColumn(f, s.value),
        id: keyColumn(f, s.id),
        time: numericColumn(f, s.time),
        national: s.national ? numericColumn(f, s.national) : undefined,
      }).values;
    } else {
      values = lagByPanel(numericColumn(f, s.of), keyColumn(f, s.id), numericColumn(f, s.time), s.k ?? 1).values;
    }
    f = withNumericColumn(f, s.name, values);
  }
  return f;
}

/** Ascending data rows meeting every filter (a row with a missing filter value is left out). */
export function rowsWhere(frame: Frame, filters: readonly RowFilter[] = []): Int32Array | undefined {
  if (!filters.length) return undefined;
  const tests = filters.map((flt) => {
    const keys = flt.in ? keyColumn(frame, flt.column) : null;
    const nums = flt.min !== undefined || flt.max !== undefined ? numericColumn(frame, flt.column) : null;
    const allowed = new Set((flt.in ?? []).map(String));
    return (i: number) => {
      if (keys && (keys[i] === null || !allowed.has(keys[i]!))) return false;
      if (nums) {
        const v = nums[i];
        if (Number.isNaN(v)) return false;
        if (flt.min !== undefined && v < flt.min) return false;
        if (flt.max !== undefined && v > flt.max) return false;
      }
      return true;
    };
  });
  const out: number[] = [];
  for (let i = 0; i < frame.nrow; i++) if (tests.every((t) => t(i))) out.push(i);
  if (!out.length) throw new InputError(`No rows meet the sample conditions on ${filters.map((f) => f.column).join(", ")}.`);
  return Int32Array.from(out);
}

function linear(m: LinearModelSpec, rows?: Int32Array): LinearSpec {
  return { y: m.y, x: m.x, fe: m.fe, cluster: m.cluster, vcov: m.vcov, rows };
}

/** Default indicator rows for the absorbed FE: city_id -> "City FE" when labelled "City" (zh: 城市固定效应, also unlabelled). */
function feRowsFor(spec: TableSpecBase & RegressionLayout, fes: readonly string[]): Readonly<Record<string, string>> {
  if (spec.feRows) return spec.feRows;
  const lang = tableOptions(spec.options).language;
  const label = lang === "zh" ? (n: string) => spec.labels?.[n] ?? zhPanelWord(n) ?? n : labeller(spec.labels);
  return Object.fromEntries([...new Set(fes)].map((fe) => [fe, t(tableMessages.feRow, { label: label(fe) }, lang)]));
}

function layout(spec: TableSpecBase & RegressionLayout, columns: ModelColumn[], fes: readonly string[], hidden?: readonly string[]): RegressionTableSpec {
  return {
    title: spec.title,
    columns,
    terms: spec.terms,
    controls: spec.controls ?? hidden,
    labels: spec.labels,
    feRows: feRowsFor(spec, fes),
    stats: spec.stats,
    statLabels: spec.statLabels,
    constant: spec.constant,
    options: spec.options,
    notes: spec.notes,
  };
}

function minus(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((v) => !b.includes(v));
}

/** Runs one table spec on a frame (derived columns already added); async for the bootstrap of a mediation table. */
export async function runTable(frame: Frame, given: TableSpec): Promise<Table> {
  const spec = withLanguage(given);
  switch (spec.kind) {
    case "regression": {
      const columns = spec.models.map((m): ModelColumn => ({
        result: fitLinear(frame, linear(m, rowsWhere(frame, m.where))),
        depLabel: m.depLabel,
        group: m.group,
        subtitle: m.subtitle,
        indicators: m.indicators,
      }));
      return buildRegressionTable(layout(spec, columns, spec.models.flatMap((m) => m.fe ?? [])));
    }
    case "descriptives": {
      const d = describeColumns(spec.variables.map((v) => numericColumn(frame, v)), spec.variables, spec.sample ?? "pairwise");
      return buildDescriptivesTable({ title: spec.title, describe: d, labels: spec.labels, roles: spec.roles, decimals: spec.decimals, notes: spec.notes, language: tableOptions(spec.options).language });
    }
    case "iv": {
      const m = spec.model;
      const iv = fitIv(frame, { y: m.y, endog: m.endog, instruments: m.instruments, x: m.x, fe: m.fe, cluster: m.cluster, vcov: m.vcov });
      const { columns: _c, ...rest } = layout(spec, [], m.fe ?? [], m.x);
      return ivTable(iv, { ...rest, diagnosticsColumn: spec.diagnosticsColumn });
    }
    case "mediation": {
      const m = spec.model;
      const controls = minus(m.x, [m.treat, m.mediator]);
      const r = (await mediate(frame, { y: m.y, treat: m.treat, mediators: [m.mediator], controls, fe: m.fe, cluster: m.cluster, vcov: m.vcov, bootstrap: spec.bootstrap })).mediators[0];
      if (!r.outcome) throw new InputError("The mediation table needs the Baron-Kenny design (three equations).");
      // The a path on the mediator's own sample, as a mechanism regression of the mediator runs it.
      const own = fitLinear(frame, linear({ y: m.mediator, x: [m.treat, ...controls], fe: m.fe, cluster: m.cluster, vcov: m.vcov }));
      const { columns: _c, ...rest } = layout(spec, [], m.fe ?? [], controls);
      return buildMediationTable({ ...rest, total: r.total, aPath: r.aPath, outcome: r.outcome, indirect: [r.sobel], effect: indirectEffect(r), aPathOwnSample: own });
    }
    case "heterogeneity": {
      const columns: ModelColumn[] = [];
      for (const s of spec.splits) {
        const rule = s.column ? { column: s.column } : { variable: s.variable!, quantile: s.quantile };
        const h = heterogeneity(frame, linear(spec.model), rule);
        h.groups.forEach((g, j) =>
          columns.push({
            result: g.result,
            group: s.label,
            subtitle: s.levelLabels?.[g.label] ?? g.label,
            diagnostics: j === h.groups.length - 1 ? h.tests : [],
          }),
        );
      }
      return buildRegressionTable(layout(spec, columns, spec.model.fe ?? []));
    }
    case "boosting": {
      const { data, nNoY } = boostDataWithY(frame, spec.y, spec.x);
      const b = spec.boost ?? {};
      const run = runBoost(data, { spec: { trees: b.trees, maxDepth: b.depth, eta: b.eta, subsample: b.subsample, colsample: b.colsample, seed: b.seed, method: b.method } });
      const language = tableOptions(spec.options).language;
      const noY = nNoY ? [t(boostingMessages.noY, { n: nNoY, total: frame.nrow, y: spec.y }, language)] : [];
      return buildBoostingTable({ title: spec.title, run, decimals: spec.options?.decimals, language, notes: [...noY, ...(spec.notes ?? [])] });
    }
    case "robustness": {
      const treat = spec.model.x[0];
      const columns: ModelColumn[] = [];
      const shown: string[] = [];
      const hidden = new Set(minus(spec.model.x, [treat]));
      for (const v of spec.variants) {
        const p = prepareVariant(frame, linear(spec.model), { panel: spec.panel }, v);
        if (!shown.includes(p.treat)) shown.push(p.treat);
        for (const h of [...p.hiddenTerms, ...minus(p.spec.x, [p.treat])]) hidden.add(h);
        columns.push({ result: fitLinear(p.frame, p.spec), subtitle: p.label });
      }
      const l = layout(spec, columns, spec.model.fe ?? [], [...hidden]);
      return buildRegressionTable({ ...l, terms: spec.terms ?? shown });
    }
    case "psm": {
      if (spec.show === "balance") return psmBalanceTable(frame, spec);
      const columns = psmColumns(frame, spec);
      return buildRegressionTable({ ...layout(spec, columns, spec.model!.fe ?? []), stats: spec.stats ?? psmStats(columns), notes: [...psmNotes(spec), ...(spec.notes ?? [])] });
    }
    case "spatial":
      return runSpatialTable(frame, spec);
  }
}

export interface BuiltTable {
  readonly sheet: string;
  readonly table: Table;
  readonly spec: TableSpec;
}

/**
 * A table spec with its language resolved into `options.language`: the table's own `options.language`,
 * else its `language`, else the file's `language` (absent: English). The recorded spec carries it, so a
 * re-run keeps the language.
 */
export function withLanguage(spec: TableSpec, fileLanguage?: Lang): TableSpec {
  const language = spec.options?.language ?? spec.language ?? fileLanguage;
  if (language === undefined) return spec;
  const { language: _l, ...rest } = spec;
  return { ...rest, options: { ...spec.options, language } } as TableSpec;
}

/** Validates the spec file, adds its derived columns, runs every table (in order). */
export async function runSpecFile(frame: Frame, raw: unknown): Promise<{ frame: Frame; tables: BuiltTable[] }> {
  const file: SpecFile = validateSpecFile(raw);
  const f = applyDerive(frame, file.derive);
  const tables: BuiltTable[] = [];
  for (const one of file.tables) {
    const spec = withLanguage(one, file.language);
    tables.push({ sheet: spec.sheet ?? spec.title, table: await runTable(f, spec), spec });
  }
  return { frame: f, tables };
}
