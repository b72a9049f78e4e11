/**
 * Mediation table (Baron-Kenny steps): (1) outcome on the key regressor and controls (total effect),
 * (2) the mediator on the same (a path), (3) the outcome on both (direct effect and b path). Under
 * column (3): the indirect effect a*b with its delta-method SE in parentheses, the Sobel z with its
 * p-value, the cluster-bootstrap SE and percentile interval of a*b (when bootstrapped) and the share
 * mediated a*b/c. A note says when the a path's sample (the common sample of the three equations)
 * is smaller than the mediator's own sample, i.e. differs from a mechanism regression of the mediator.
 */
import type { MediatorResult } from "../engine/models/mediation";
import { RegressionResult } from "../engine/models/result";
import { Diagnostic } from "../engine/stats/diagnostic";
import { Lang, t } from "../i18n/catalogue";
import { tableMessages } from "../i18n/messages/tables";
import { mediationMessages as mm } from "../i18n/messages/tables-mediation";
import { ModelColumn } from "./column";
import { fixed, formatNumber } from "./formats";
import { tableOptions } from "./options";
import { RegressionTableSpec, buildRegressionTable, defaultStats, labeller } from "./regression-table";
import { Table } from "./table";

/** The indirect effect as the engine reports it (MediatorResult: indirect, seIndirect, proportionMediated, bootstrap). */
export interface IndirectEffect {
  /** a*b. */
  readonly indirect: number;
  /** Delta-method (Sobel) standard error of a*b. */
  readonly se: number;
  /** a*b / c. */
  readonly share: number;
  readonly bootstrap?: {
    readonly reps: number;
    readonly seed: number;
    readonly level: number;
    /** "cluster:<name>" or "rows". */
    readonly resampled: string;
    readonly se: number;
    readonly ciLow: number;
    readonly ciHigh: number;
    readonly failed: number;
  };
}

/** What the table shows of a mediator's indirect effect (the engine's values, no arithmetic). */
export function indirectEffect(r: MediatorResult): IndirectEffect {
  const b = r.bootstrap;
  return {
    indirect: r.indirect,
    se: r.seIndirect,
    share: r.proportionMediated,
    bootstrap: b && { reps: b.reps, seed: b.seed, level: b.level, resampled: b.resampled, se: b.se, ciLow: b.ciLow, ciHigh: b.ciHigh, failed: b.failed },
  };
}

export interface MediationTableSpec extends Omit<RegressionTableSpec, "columns"> {
  readonly total: RegressionResult;
  readonly aPath: RegressionResult;
  readonly outcome: RegressionResult;
  /** The Sobel test (Diagnostic name "sobel") and any other test of the indirect effect. */
  readonly indirect: readonly Diagnostic[];
  /** a*b, its SEs, interval and share mediated, shown under column (3). */
  readonly effect?: IndirectEffect;
  /**
   * The a path on every row where its own variables are present (mediator, key regressor, controls),
   * as a mechanism regression of the mediator runs it; when its N differs from column (2)'s, a note says so.
   */
  readonly aPathOwnSample?: RegressionResult;
  readonly indicators?: Readonly<Record<string, boolean | string>>;
}

const NOTE_NUMBER = fixed(3);
const EFFECT_ROWS = ["indirect", "sobel", "indirect_boot_se", "indirect_ci_low", "indirect_ci_high", "share_mediated"];

function effectValues(e: IndirectEffect | undefined): Record<string, number> | undefined {
  if (!e) return undefined;
  const v: Record<string, number> = { indirect: e.indirect, indirect_se: e.se, share_mediated: e.share };
  if (e.bootstrap) Object.assign(v, { indirect_boot_se: e.bootstrap.se, indirect_ci_low: e.bootstrap.ciLow, indirect_ci_high: e.bootstrap.ciHigh });
  return v;
}

function effectNotes(spec: MediationTableSpec, label: (n: string) => string, lang: Lang): string[] {
  const { effect: e, total, aPath, outcome } = spec;
  const notes: string[] = [];
  const treat = label(total.terms[0]);
  const mediator = label(aPath.depVar);
  if (e) {
    notes.push(t(mm.effect, { treat, mediator }, lang));
    const b = e.bootstrap;
    if (b) {
      const how = b.resampled.startsWith("cluster:") ? t(mm.bootstrapCluster, { label: label(b.resampled.slice(8)) }, lang) : t(mm.bootstrapRows, undefined, lang);
      const failed = b.failed ? t(mm.bootstrapFailed, { n: b.failed }, lang) : "";
      notes.push(t(mm.bootstrap, { level: `${Math.round(b.level * 1000) / 10}%`, reps: b.reps, how, seed: b.seed, failed }, lang));
    }
  }
  const own = spec.aPathOwnSample;
  if (own && own.n !== aPath.n) {
    const i = own.terms.indexOf(total.terms[0]);
    const coef = i >= 0 ? t(mm.ownSampleCoef, { treat, coef: formatNumber(own.coef[i], NOTE_NUMBER) }, lang) : "";
    notes.push(t(mm.ownSample, { aN: aPath.n, y: label(outcome.depVar), ownN: own.n, mediator, treat, coef }, lang));
  }
  return notes;
}

export function buildMediationTable(spec: MediationTableSpec): Table {
  const { total, aPath, outcome, indirect, indicators, effect, aPathOwnSample: _own, ...rest } = spec;
  const columns: ModelColumn[] = [
    { result: total, indicators },
    { result: aPath, indicators },
    { result: outcome, indicators, diagnostics: indirect, values: effectValues(effect) },
  ];
  const o = tableOptions(spec.options);
  const lang = o.language;
  const label = labeller(spec.labels, lang);
  const names = indirect.map((d) => d.name);
  const shown = (k: string) => (k === "sobel" ? names.includes(k) : effect !== undefined && (effect.bootstrap !== undefined || !k.startsWith("indirect_")));
  const stats = spec.stats ?? [...defaultStats(o.r2), ...EFFECT_ROWS.filter(shown), ...names.filter((n) => !EFFECT_ROWS.includes(n))];
  const level = effect?.bootstrap ? `${Math.round(effect.bootstrap.level * 1000) / 10}%` : "";
  const statLabels = {
    indirect_ci_low: t(tableMessages.statIndirectCiLowLevel, { level }, lang),
    indirect_ci_high: t(tableMessages.statIndirectCiHighLevel, { level }, lang),
    ...(spec.statLabels ?? {}),
  };
  return buildRegressionTable({ ...rest, columns, stats, statLabels, notes: [...effectNotes(spec, label, lang), ...(spec.notes ?? [])] });
}
