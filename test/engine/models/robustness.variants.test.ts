/**
 * Robustness variants change exactly what they say. Expected cutoffs: test/reference case
 * nqp_winsor (cutoffs.*); panel facts (284 cities x 2012-2022, 4 municipalities) from
 * test/reference/data/nqp_cities_codebook.md, checked against the data here rather than assumed.
 */
import { frameFromCells, keyColumn, numericColumn } from "../../../src/engine/frame";
import { prepareVariant, RobustnessVariant } from "../../../src/engine/models/robustness";
import { nqpCitiesWithIndices, readCase, relErr } from "../../support/reference";

const frame = frameFromCells(nqpCitiesWithIndices());
const controls = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];
const baseline: { y: string; x: string[]; fe: string[]; cluster: string[]; rows?: Int32Array } = { y: "ER", x: ["NQP", ...controls], fe: ["city_id", "year"], cluster: ["city_id"] };
const ctx = { panel: { id: "city_id", time: "year" } };
const prep = (v: RobustnessVariant) => prepareVariant(frame, baseline, ctx, v);

describe("robustness variants", () => {
  it("winsorize: 1/99 cutoffs and replaced counts match nqp_winsor; other columns untouched", () => {
    const ref = readCase("nqp_winsor").results.cutoffs;
    const vars = Object.keys(ref);
    const p = prep({ steps: [{ kind: "winsorize", vars }] });
    for (const v of vars) {
      const c = p.changes.winsor[v];
      expect(relErr(c.lower, ref[v].p1)).toBeLessThan(1e-10);
      expect(relErr(c.upper, ref[v].p99)).toBeLessThan(1e-10);
      expect([c.n, c.nBelow, c.nAbove]).toEqual([ref[v].n, ref[v].n_below_p1, ref[v].n_above_p99]);
      const w = numericColumn(p.frame, v);
      const raw = numericColumn(frame, v);
      let changed = 0;
      for (let i = 0; i < w.length; i++) {
        if (Number.isNaN(raw[i])) expect(w[i]).toBeNaN();
        else {
          expect(w[i] >= c.lower && w[i] <= c.upper).toBe(true);
          if (w[i] !== raw[i]) changed++;
        }
      }
      expect(changed).toBe(ref[v].n_below_p1 + ref[v].n_above_p99);
    }
    expect(numericColumn(p.frame, "DI")).toBe(numericColumn(frame, "DI"));
    expect(p.spec).toEqual(baseline);
  });

  it("period: keeps exactly the rows in the window and counts the rest", () => {
    const p = prep({ steps: [{ kind: "period", from: 2015, to: 2020 }] });
    const t = numericColumn(frame, "year");
    const rows = Array.from(p.spec.rows!);
    expect(rows.every((i) => t[i] >= 2015 && t[i] <= 2020)).toBe(true);
    const inWindow = Array.from(t).filter((v) => v >= 2015 && v <= 2020).length;
    expect(rows.length).toBe(inWindow);
    expect(p.changes.rowsOutsidePeriod).toBe(frame.nrow - inWindow);
    expect(p.label).toBe("Period 2015-2020");
  });

  it("dropGroups: the four municipalities are absent and the counts say so", () => {
    const p = prep({ label: "No municipalities", steps: [{ kind: "dropGroups", column: "municipality", values: ["1"] }] });
    const m = numericColumn(frame, "municipality");
    const nMuni = Array.from(m).filter((v) => v === 1).length;
    const ids = keyColumn(frame, "city_id");
    expect(new Set(Array.from(m.keys()).filter((i) => m[i] === 1).map((i) => ids[i])).size).toBe(4);
    expect(p.changes.rowsDroppedByGroup).toEqual({ "1": nMuni });
    expect(Array.from(p.spec.rows!).some((i) => m[i] === 1)).toBe(false);
    expect(p.spec.rows!.length).toBe(frame.nrow - nMuni);
    expect(p.label).toBe("No municipalities");
    // by province code: P01-P04 are the municipalities
    const q = prep({ steps: [{ kind: "dropGroups", column: "province", values: ["P01", "P02", "P03", "P04"] }] });
    expect(Object.values(q.changes.rowsDroppedByGroup).reduce((a, b) => a + b, 0)).toBe(nMuni);
    expect(() => prep({ steps: [{ kind: "dropGroups", column: "province", values: ["P99"] }] })).toThrow(/no rows with the value\(s\) P99/);
  });

  it("replaceOutcome / replaceRegressor change only y / the key regressor", () => {
    const a = prep({ steps: [{ kind: "replaceOutcome", y: "UR" }] });
    expect(a.spec).toEqual({ ...baseline, y: "UR" });
    const b = prep({ steps: [{ kind: "replaceRegressor", x: "DI" }] });
    expect(b.spec.x).toEqual(["DI", ...controls]);
    expect(b.treat).toBe("DI");
    expect(() => prep({ steps: [{ kind: "replaceOutcome", y: "nope" }] })).toThrow(/replacement outcome "nope" is not a column/);
  });

  it("lagRegressor: L1 of the key regressor is the previous year's value of the same city", () => {
    const p = prep({ steps: [{ kind: "lagRegressor", lag: 1 }] });
    expect(p.spec.x[0]).toBe("L1_NQP");
    expect(p.treat).toBe("L1_NQP");
    const l = numericColumn(p.frame, "L1_NQP");
    const x = numericColumn(frame, "NQP");
    const ids = keyColumn(frame, "city_id");
    const t = numericColumn(frame, "year");
    // rows are sorted by city, then year (codebook)
    for (let i = 0; i < frame.nrow; i++) {
      if (i > 0 && ids[i - 1] === ids[i] && t[i - 1] === t[i] - 1) expect(l[i]).toBe(x[i - 1]);
      else expect(l[i]).toBeNaN();
    }
  });

  it("unitTrends: one trend per city but the first (time FE absorbs their sum), hidden from tables", () => {
    const p = prep({ steps: [{ kind: "unitTrends" }] });
    const nCities = new Set(keyColumn(frame, "city_id")).size;
    expect(p.hiddenTerms.length).toBe(nCities - 1);
    expect(p.spec.x.slice(0, 6)).toEqual(baseline.x);
    const tr = numericColumn(p.frame, p.hiddenTerms[0]);
    const ids = keyColumn(frame, "city_id");
    const t = numericColumn(frame, "year");
    for (let i = 0; i < frame.nrow; i++) expect(tr[i]).toBe(ids[i] === "C002" ? t[i] - 2012 : 0);
    const noYear = prepareVariant(frame, { ...baseline, fe: ["city_id"] }, ctx, { steps: [{ kind: "unitTrends" }] });
    expect(noYear.hiddenTerms.length).toBe(nCities);
  });

  it("steps compose in order and unknown steps are refused with the allowed list", () => {
    const p = prep({ steps: [{ kind: "period", from: 2014 }, { kind: "dropGroups", column: "municipality", values: ["1"] }] });
    const t = numericColumn(frame, "year");
    const m = numericColumn(frame, "municipality");
    expect(Array.from(p.spec.rows!).every((i) => t[i] >= 2014 && m[i] !== 1)).toBe(true);
    expect(() => prep({ steps: [{ kind: "bogus" } as any] })).toThrow(/Allowed: winsorize, period/);
  });

  it("a step's fields are checked before it runs (spec files are user JSON): no silent default, no TypeError", () => {
    // "k" instead of "lag" used to be ignored: the variant ran with the default lag 1
    expect(() => prep({ steps: [{ kind: "lagRegressor", k: 2 } as any] })).toThrow(/Robustness step "lagRegressor" has no field "k". Its fields: lag\./);
    expect(() => prep({ steps: [{ kind: "lagRegressor", lag: "2" } as any] })).toThrow(/"lag" must be a number; got "2"/);
    // these crashed with "Cannot read properties of undefined" / "step.values.map is not a function"
    expect(() => prep({ steps: [{ kind: "winsorize" } as any] })).toThrow(/"winsorize" needs "vars"/);
    expect(() => prep({ steps: [{ kind: "dropGroups", column: "municipality", values: "1" } as any] })).toThrow(/"values" must be a list of values; got "1"/);
    expect(() => prep({ steps: [{ kind: "period", from: "2014" } as any] })).toThrow(/"from" must be a number; got "2014"/);
    expect(() => prep({ steps: [{ kind: "replaceOutcome" } as any] })).toThrow(/"replaceOutcome" needs "y"/);
    // fields set to undefined (as the CLI builds them) are fine
    expect(prep({ steps: [{ kind: "period", from: 2014, to: undefined }] }).changes.rowsOutsidePeriod).toBeGreaterThan(0);
  });
});
