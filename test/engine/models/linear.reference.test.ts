/**
 * fitLinear against every OLS/FE case of test/reference/expected (source named per test: the
 * case file). Coefficients, SE, t, p (iid, HC1, CR1), N, df, K, SSR, R2 (within, LSDV), G, T and the
 * F test of the fixed effects, to 1e-8 relative.
 */
import { join } from "path";
import { frameFromCells, Frame } from "../../../src/engine/frame";
import { fitLinear, linearDataFromFrame, LinearSpec } from "../../../src/engine/models/linear";
import { fitLinearData } from "../../../src/engine/models/linear-core";
import { RegressionResult, VcovType } from "../../../src/engine/models/result";
import { nqpCitiesWithIndices, readCase, readCsvRows, REFERENCE, relErr } from "../../support/reference";

const TOL = 1e-8;

const CASES = [
  "grunfeld_pooled_ols", "grunfeld_fe_entity", "grunfeld_fe_twoway",
  "nqp_table3_col1", "nqp_table3_col2", "nqp_table3_col3", "nqp_table3_col4", "nqp_table3_col5", "nqp_table3_col6",
  "nqp_mechanism_DI", "nqp_mechanism_IA", "nqp_mechanism_HUM", "nqp_alt_outcome_UR",
  "nqp_split_hu_east_1", "nqp_split_hu_east_0", "nqp_split_resource_based_1", "nqp_split_resource_based_0",
];

let grunfeld: Frame | null = null;
let nqp: Frame | null = null;
function frameFor(c: any): Frame {
  if (c.dataset === "data/grunfeld.csv") return (grunfeld ??= frameFromCells(readCsvRows(join(REFERENCE, "data", "grunfeld.csv"))));
  return (nqp ??= frameFromCells(nqpCitiesWithIndices()));
}

/** Split cases: "nqp_split_<flag>_<value>" restricts to rows with flag == value. */
function rowsFor(name: string, frame: Frame): Int32Array | undefined {
  const m = /^nqp_split_(.+)_([01])$/.exec(name);
  if (!m) return undefined;
  const flag = frame.columns.get(m[1])!.numbers;
  const want = Number(m[2]);
  return Int32Array.from(Array.from(flag.keys()).filter((i) => flag[i] === want));
}

function specFor(name: string, c: any, frame: Frame, vcov: VcovType): LinearSpec {
  return {
    y: c.spec.dependent,
    x: c.spec.regressors,
    fe: c.spec.fixed_effects ?? [],
    cluster: vcov === "cluster" ? [c.spec.cluster] : [],
    vcov,
    rows: rowsFor(name, frame),
    keepSingletons: true, // reference README: singletons kept unless a case says otherwise
  };
}

function close(got: number, want: number, what: string): void {
  const e = relErr(got, want);
  if (!(e <= TOL)) throw new Error(`${what}: got ${got}, want ${want} (relative error ${e.toExponential(2)})`);
}

const VCOVS: [VcovType, string][] = [["iid", "iid"], ["hc1", "hc1"], ["cluster", "cr1"]];

describe.each(CASES)("reference case %s (test/reference/expected)", (name) => {
  const c = readCase(name);
  const r = c.results;
  const fits = new Map<VcovType, RegressionResult>();
  const fit = (v: VcovType) => {
    if (!fits.has(v)) {
      const frame = frameFor(c);
      fits.set(v, fitLinear(frame, specFor(name, c, frame, v)));
    }
    return fits.get(v)!;
  };
  const term = (res: RegressionResult, key: string) => res.terms.indexOf(key === "(Intercept)" ? "_cons" : key);

  it.each(VCOVS)("coef, se, t, p and df with vcov %s", (v, key) => {
    const res = fit(v);
    for (const [nm, want] of Object.entries(r.coef as Record<string, number>)) {
      const j = term(res, nm);
      expect(j).toBeGreaterThanOrEqual(0);
      close(res.coef[j], want, `${name} coef ${nm}`);
      close(res.se[j], r.se[key][nm], `${name} se.${key} ${nm}`);
      close(res.stat[j], r.t[key][nm], `${name} t.${key} ${nm}`);
      close(res.p[j], r.p[key][nm], `${name} p.${key} ${nm}`);
    }
    expect(res.dof.dfInference).toBe(r.df[key]);
    expect(res.dof.kFull).toBe(r.K.full);
    if (v === "cluster") {
      expect(res.dof.kCluster).toBe(r.K.cr1);
      expect(res.nClusters).toEqual([r.G]);
    }
  });

  it("N, SSR, R-squared, groups and sample counts", () => {
    const res = fit("cluster");
    expect(res.n).toBe(r.N);
    close(res.ssr, r.ssr, `${name} ssr`);
    close(res.r2, r.r2_lsdv, `${name} r2_lsdv`);
    if (r.r2_within !== undefined) close(res.r2Within, r.r2_within, `${name} r2_within`);
    if (r.T !== undefined) expect(res.fixedEffects[1].levels).toBe(r.T);
    if (r.N_listwise !== undefined) expect(res.sample.nUsed + res.sample.droppedSingletons).toBe(r.N_listwise);
    if (r.n_singletons_dropped !== undefined) expect(res.sample.droppedSingletons).toBe(r.n_singletons_dropped);
    if (r.F_fe) {
      const all = r.F_fe.all_fe_vs_pooled ?? r.F_fe.firm_vs_pooled;
      const d = res.diagnostics.find((x) => x.name === "f_fe")!;
      close(d.statistic, all.F, `${name} F_fe`);
      expect(d.df).toEqual([all.df1, all.df2]);
      close(d.p, all.p, `${name} F_fe p`);
      // Two-way cases: each FE given the other ("<fe>_given_<other>" in the case file).
      for (const [key, val] of Object.entries(r.F_fe as Record<string, any>)) {
        const m = /^(.+)_given_(.+)$/.exec(key);
        if (!m) continue;
        const t = res.diagnostics.find((x) => x.name === `f_fe_${m[1]}`)!;
        close(t.statistic, val.F, `${name} F_fe ${key}`);
        expect(t.df).toEqual([val.df1, val.df2]);
        close(t.p, val.p, `${name} F_fe ${key} p`);
      }
    }
  });
});

/**
 * The large-data path (tall-skinny QR + one corrected semi-normal step, used above 2e5 cells) on the
 * same reference cases, so both solver paths are held to 1e-8 (sources: the case files).
 */
describe.each(["grunfeld_pooled_ols", "grunfeld_fe_twoway", "nqp_table3_col6", "nqp_split_hu_east_0"])("reference case %s via the TSQR path", (name) => {
  it.each(VCOVS)("coef, se with vcov %s", (v, key) => {
    const c = readCase(name);
    const frame = frameFor(c);
    const spec = specFor(name, c, frame, v);
    const res = fitLinearData(linearDataFromFrame(frame, spec), { vcov: v, keepSingletons: true, refine: "plain" }).result;
    for (const [nm, want] of Object.entries(c.results.coef as Record<string, number>)) {
      const j = res.terms.indexOf(nm === "(Intercept)" ? "_cons" : nm);
      close(res.coef[j], want, `${name} coef ${nm}`);
      close(res.se[j], c.results.se[key][nm], `${name} se.${key} ${nm}`);
      close(res.p[j], c.results.p[key][nm], `${name} p.${key} ${nm}`);
    }
    close(res.r2, c.results.r2_lsdv, `${name} r2`);
  });
});
