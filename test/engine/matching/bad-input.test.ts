/**
 * Defined behaviour on bad input (issue 13): no treated / no controls (after common support), perfect
 * and quasi separation, a caliper that matches nobody, missing covariates (counted by variable, the rows
 * left out of every psmatch2 variable), a treatment column that is not 0/1, and invalid options.
 * Synthetic data; every expectation is a message or a count derived in the test.
 */
import { frameFromColumns } from "../../../src/engine/frame";
import { InputError } from "../../../src/engine/frame/errors";
import { matchScores, psmatch, resolveMatchOptions } from "../../../src/engine/matching";
import { COVARIATES, nqpFrame, rowsWhere } from "./cases";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

/** 200 rows: x1, x2 standard-ish, treat drawn from a logit in x1 (overlapping), y. */
function synthetic(n = 200) {
  const u = lcg(7);
  const x1 = new Float64Array(n), x2 = new Float64Array(n), t = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x1[i] = u() * 2 - 1;
    x2[i] = u() * 2 - 1;
    t[i] = u() < 1 / (1 + Math.exp(-x1[i])) ? 1 : 0;
    y[i] = x1[i] + t[i] + u();
  }
  return { x1, x2, t, y };
}

function expectInputError(f: () => unknown, ...parts: (string | RegExp)[]): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  for (const p of parts) expect((err as Error).message).toMatch(p);
}

describe("bad input to psmatch", () => {
  const d = synthetic();
  const frame = frameFromColumns({ x1: d.x1, x2: d.x2, treat: d.t, y: d.y });

  it("no treated rows: an error saying so", () => {
    const f = frameFromColumns({ x1: d.x1, x2: d.x2, treat: new Float64Array(200), y: d.y });
    expectInputError(() => psmatch(f, { treat: "treat", x: ["x1", "x2"], outcome: "y", method: "nn" }), /No treated rows/, /treat = 0/);
  });

  it("no control rows: an error saying so", () => {
    const f = frameFromColumns({ x1: d.x1, x2: d.x2, treat: new Float64Array(200).fill(1), y: d.y });
    expectInputError(() => psmatch(f, { treat: "treat", x: ["x1", "x2"], outcome: "y", method: "kernel" }), /No control rows/);
  });

  it("no treated left on the common support (given scores): an error naming common support", () => {
    const ps = Float64Array.from([0.1, 0.2, 0.3, 0.8, 0.9]);
    const t = Float64Array.from([0, 0, 0, 1, 1]);
    expectInputError(() => matchScores(ps, t, undefined, resolveMatchOptions({ method: "nn", common: true })), /common support/);
    // the same scores without common: both treated matched to the control at 0.3
    const r = matchScores(ps, t, undefined, resolveMatchOptions({ method: "nn" }));
    expect(Array.from(r.rows.weight)).toEqual([NaN, NaN, 2, 1, 1]);
  });

  it("no controls at all (given scores)", () => {
    expectInputError(() => matchScores(Float64Array.from([0.4, 0.5]), Float64Array.from([1, 1]), undefined, resolveMatchOptions({ method: "radius", caliper: 0.1 })), /No controls/);
  });

  it("perfect separation by one covariate: the error names it (NQP rule on NQP itself)", () => {
    const f = nqpFrame();
    expectInputError(
      () => psmatch(f, { treat: "above-median:NQP", x: ["GDP", "NQP"], outcome: "ER", rows: rowsWhere(f, "year", (v) => v === 2022), method: "nn" }),
      /Covariate "NQP" perfectly predicts/,
    );
  });

  it("quasi separation (groups touch at one value) names the covariate", () => {
    const x = Float64Array.from({ length: 40 }, (_, i) => (i < 20 ? i % 5 : 4 + (i % 5)));
    const t = Float64Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 1));
    const f = frameFromColumns({ x, t, z: Float64Array.from({ length: 40 }, (_, i) => Math.sin(i)) });
    expectInputError(() => psmatch(f, { treat: "t", x: ["z", "x"], method: "nn" }), /Covariate "x" quasi-perfectly predicts/);
  });

  it("separation by a combination of covariates: Newton stops with a message", () => {
    const n = 60;
    const u = lcg(3);
    const a = new Float64Array(n), b = new Float64Array(n), t = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = u() * 2 - 1;
      b[i] = u() * 2 - 1;
      t[i] = a[i] + b[i] > 0 ? 1 : 0;
    }
    const f = frameFromColumns({ a, b, t });
    expectInputError(() => psmatch(f, { treat: "t", x: ["a", "b"], method: "nn" }), /no finite maximum/, /separate treated from controls/);
  });

  it("a caliper that matches nobody: an error naming the caliper", () => {
    expectInputError(() => psmatch(frame, { treat: "treat", x: ["x1"], outcome: "y", method: "nn", caliper: 1e-12 }), /caliper 1e-12/, /nobody is matched/);
    expectInputError(() => psmatch(frame, { treat: "treat", x: ["x1"], outcome: "y", method: "radius", caliper: 1e-12 }), /radius 1e-12/);
    expectInputError(() => psmatch(frame, { treat: "treat", x: ["x1"], outcome: "y", method: "kernel", bwidth: 1e-12 }), /bandwidth/);
  });

  it("a caliper that excludes some treated: they are off support and leave the ATT", () => {
    const r = psmatch(frame, { treat: "treat", x: ["x1", "x2"], outcome: "y", method: "nn", caliper: 0.002 });
    const g = r.groups[0];
    expect(g.counts.nTreatedOffSupport).toBeGreaterThan(0);
    for (let i = 0; i < 200; i++) {
      if (r.treated[i] === 1 && r.support[i] === 0) {
        expect(r.weight[i]).toBeNaN();
        expect(r.pdif![i]).toBeNaN();
      }
    }
    expect(g.counts.n1 + g.counts.nTreatedOffSupport).toBe(g.counts.nTreated);
  });

  it("missing covariates: counted by variable, the rows get no psmatch2 variables", () => {
    const x1 = Float64Array.from(d.x1);
    const x2 = Float64Array.from(d.x2);
    x1[3] = NaN;
    x1[10] = NaN;
    x2[10] = NaN;
    x2[50] = NaN;
    const y = Float64Array.from(d.y);
    y[70] = NaN;
    const f = frameFromColumns({ x1, x2, treat: d.t, y });
    const r = psmatch(f, { treat: "treat", x: ["x1", "x2"], outcome: "y", method: "kernel" });
    expect(r.sample.missingBy).toEqual({ treat: 0, y: 1, x1: 2, x2: 2 });
    expect(r.sample.droppedMissing).toBe(4);
    expect(r.sample.nUsed).toBe(196);
    for (const i of [3, 10, 50, 70]) {
      expect(r.pscore[i]).toBeNaN();
      expect(r.weight[i]).toBeNaN();
      expect(r.support[i]).toBeNaN();
    }
  });

  it("a treatment column that is not 0/1: the error names the row and the value", () => {
    const t = Float64Array.from(d.t);
    t[41] = 2;
    const f = frameFromColumns({ x1: d.x1, x2: d.x2, treat: t, y: d.y });
    expectInputError(() => psmatch(f, { treat: "treat", x: ["x1"], method: "nn" }), /"treat" must hold 0 or 1/, /data row 42 holds 2/);
  });

  it("a treatment rule on a missing column, an unknown rule, invalid options: messages list what is allowed", () => {
    expectInputError(() => psmatch(frame, { treat: "above-median:nope", x: ["x1"], method: "nn" }), /"nope" is not a column/);
    expectInputError(() => psmatch(frame, { treat: "below:x1", x: ["x2"], method: "nn" }), /Allowed: a 0\/1 column name, above-median:VAR, above-quantile:VAR:q/);
    expectInputError(() => psmatch(frame, { treat: "treat", x: ["x1"], method: "mahal" as any }), /method must be one of nn, radius, kernel/);
    expectInputError(() => psmatch(frame, { treat: "treat", x: ["x1"], method: "kernel", kernel: "cosine" as any }), /kernel must be one of epan, normal, biweight, uniform, tricube/);
    expectInputError(() => psmatch(frame, { treat: "treat", x: ["x1"], method: "nn", k: 2, noReplacement: true }), /noReplacement works with one nearest neighbour only/);
    expectInputError(() => psmatch(frame, { treat: "treat", x: ["x1"], method: "radius" }), /needs a caliper/);
    expectInputError(() => psmatch(frame, { treat: "treat", x: [], method: "nn" }), /at least one covariate/);
    expectInputError(() => psmatch(frame, { treat: "treat", x: ["x1"], method: "nn", bwidth: 0.1 }), /bwidth applies to method "kernel" only/);
  });

  it("the ate option adds the ATU and ATE (share-weighted)", () => {
    const r = psmatch(frame, { treat: "treat", x: ["x1", "x2"], outcome: "y", method: "nn", ate: true });
    const g = r.groups[0];
    const a = g.atu!;
    expect(a.n0).toBe(g.counts.nControls);
    expect(a.ate).toBeCloseTo((g.counts.n1 * g.effect!.att + a.n0 * a.atu) / (g.counts.n1 + a.n0), 14);
  });
});

describe("the COVARIATES of the reference cases are columns of the NQP frame", () => {
  it("has them", () => {
    for (const v of COVARIATES) expect(nqpFrame().columns.has(v)).toBe(true);
  });
});
