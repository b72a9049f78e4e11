/**
 * In-house oracles and bad input for fitIv.
 * Oracle: on a small unbalanced panel, 2SLS with absorbed two-way FE equals 2SLS with explicit unit and
 * year dummies (+ constant) among the exogenous regressors (Frisch-Waugh-Lovell), for the coefficients
 * and, with matching df counts, the standard errors (iid small, HC1 small and cluster without small).
 * The data are generated here (deterministic LCG), so the expected numbers are the dummy-variable fit.
 */
import { frameFromColumns } from "../../../src/engine/frame";
import { InputError } from "../../../src/engine/frame/errors";
import { ivreg2 } from "../../../src/engine/iv/ivreg2";
import { MeatKind } from "../../../src/engine/iv/meat";
import { fitIv } from "../../../src/engine/models/iv";
import { VcovType } from "../../../src/engine/models/result";
import { relErr } from "../../support/reference";

function panel() {
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const id: number[] = [], year: number[] = [], y: number[] = [], x: number[] = [], w: number[] = [], z1: number[] = [], z2: number[] = [];
  for (let i = 0; i < 7; i++) {
    for (let t = 0; t < 6; t++) {
      if ((i + t) % 5 === 4) continue; // unbalanced
      const a = rnd(), b = rnd(), e = rnd(), zz1 = rnd(), zz2 = rnd(), ww = rnd();
      const xx = 0.8 * zz1 - 0.5 * zz2 + 0.3 * ww + 0.6 * e + 0.2 * i - 0.1 * t + 0.3 * a;
      id.push(i); year.push(2010 + t); z1.push(zz1); z2.push(zz2); w.push(ww); x.push(xx);
      y.push(1.5 * xx - 0.7 * ww + e + 0.5 * i + 0.05 * t * t + 0.2 * b);
    }
  }
  return { id, year, y, x, w, z1, z2 };
}

describe("absorbed FE == dummy variables (2SLS)", () => {
  const p = panel();
  const n = p.y.length;
  const frame = frameFromColumns({ id: p.id, year: p.year, y: p.y, x: p.x, w: p.w, z1: p.z1, z2: p.z2 });
  const dummies: Float64Array[] = [];
  const names: string[] = [];
  for (let i = 1; i < 7; i++) { dummies.push(Float64Array.from(p.id, (v) => (v === i ? 1 : 0))); names.push(`id${i}`); }
  for (let t = 1; t < 6; t++) { dummies.push(Float64Array.from(p.year, (v) => (v === 2010 + t ? 1 : 0))); names.push(`y${t}`); }
  const cols = (arr: ArrayLike<number>[]) => { const out = new Float64Array(n * arr.length); arr.forEach((c, j) => out.set(c as ArrayLike<number>, j * n)); return out; };
  const cases: [VcovType, MeatKind, boolean][] = [["iid", "iid", true], ["hc1", "robust", true], ["cluster", "cluster", false]];
  test.each(cases)("vcov %s", (vcov, kind, small) => {
    const abs = fitIv(frame, { y: "y", endog: ["x"], instruments: ["z1", "z2"], x: ["w"], fe: ["id", "year"], vcov, small, ...(vcov === "cluster" ? { cluster: ["id"] } : {}) });
    const dum = ivreg2({
      n, y: Float64Array.from(p.y), endog: Float64Array.from(p.x), endogNames: ["x"],
      exog: cols([p.w, ...dummies, new Float64Array(n).fill(1)]), exogNames: ["w", ...names, "_cons"],
      excluded: cols([p.z1, p.z2]), excludedNames: ["z1", "z2"],
      clusters: vcov === "cluster" ? { codes: Int32Array.from(p.id), nClusters: 7 } : undefined,
    }, { vcov: kind, small, sdofminus: 0 });
    expect(abs.terms).toEqual(["x", "w"]);
    for (let j = 0; j < 2; j++) {
      expect(relErr(abs.coef[j], dum.coef[j])).toBeLessThan(1e-10);
      expect(relErr(abs.se[j], dum.se[j])).toBeLessThan(1e-10);
    }
    expect(abs.dof.dfInference).toBe(dum.dfInference);
    // With 7 clusters the dummy model's 15 moments have a singular covariance (no J), and its first-stage
    // small-sample K counts the id dummies that the absorbed model nests in the cluster.
    if (vcov === "cluster") return;
    const j1 = abs.diagnostics.find((d) => d.name === "hansen_j")!.statistic;
    const j2 = dum.diagnostics.find((d) => d.name === "hansen_j")!.statistic;
    expect(relErr(j1, j2)).toBeLessThan(1e-9);
    expect(relErr(abs.firstStage[0].f, dum.firstStage[0].f)).toBeLessThan(1e-9);
  });
});

describe("bad input", () => {
  const p = panel();
  const base = { id: p.id, year: p.year, y: p.y, x: p.x, w: p.w, z1: p.z1, z2: p.z2 };
  const spec = { y: "y", endog: ["x"], x: ["w"], fe: ["id", "year"] };

  test("fewer instruments than endogenous regressors: clear error", () => {
    const frame = frameFromColumns(base);
    expect(() => fitIv(frame, { ...spec, endog: ["x", "w"], x: [], instruments: ["z1"] })).toThrow(InputError);
    expect(() => fitIv(frame, { ...spec, endog: ["x", "w"], x: [], instruments: ["z1"] })).toThrow(/Too few instruments: 2 endogenous .* 1 given/);
  });

  test("instrument collinear with the controls is left out and reported; alone it is an error", () => {
    const zc = p.w.map((v) => 2 * v + 1);
    const frame = frameFromColumns({ ...base, zc });
    const r = fitIv(frame, { ...spec, instruments: ["z1", "zc"] });
    expect(r.instruments).toEqual(["z1"]);
    expect(r.omittedInstruments.zc).toMatch(/collinear with the controls/);
    expect(() => fitIv(frame, { ...spec, instruments: ["zc"] })).toThrow(/collinear with the controls|under-identified/i);
  });

  test("instrument constant within every group is absorbed by the FE: say so", () => {
    const zg = p.id.map((i) => Math.sin(i + 1));
    const frame = frameFromColumns({ ...base, zg });
    const r = fitIv(frame, { ...spec, instruments: ["z1", "zg"] });
    expect(r.instruments).toEqual(["z1"]);
    expect(r.omittedInstruments.zg).toMatch(/constant within every group .* absorbed/);
    expect(() => fitIv(frame, { ...spec, instruments: ["zg"] })).toThrow(/"zg" is constant within every group of the fixed effects \(id, year\)/);
  });

  test("missing values only in the instrument: the sample shrinks and the count is shown", () => {
    const z1 = p.z1.map((v, i) => (i % 7 === 3 ? NaN : v));
    const nMissing = z1.filter((v) => Number.isNaN(v)).length;
    const frame = frameFromColumns({ ...base, z1: Array.from(z1, (v) => (Number.isNaN(v) ? "" : v)) });
    const full = fitIv(frameFromColumns(base), { ...spec, instruments: ["z1", "z2"], keepSingletons: true });
    const r = fitIv(frame, { ...spec, instruments: ["z1", "z2"], keepSingletons: true });
    expect(r.sample.missingBy.z1).toBe(nMissing);
    expect(r.sample.droppedMissing).toBe(nMissing);
    expect(r.n).toBe(full.n - nMissing);
  });
});
