/**
 * =NQP.PSM called directly with ranges built from the reference data (2022 rows of nqp_cities.csv with
 * NQP and ER joined), against test/reference/psm/expected/psm_cs2022_{nn1, kernel_epan006_common,
 * radius005}.json (ATT, SE, counts, per-row _weight and _pscore, pstest), 1e-8 relative; error paths.
 */
import { Cell } from "../../src/engine/frame/missing";
import { psm, PSM_OPTIONS } from "../../src/functions/formulas/psm";
import { describeOptions } from "../../src/functions/args";
import { excelErrorOf } from "../support/formula";
import { nqpCitiesWithIndices } from "../support/reference";
import { close, readPsmCase, readPsmRows } from "../engine/matching/cases";

const all = nqpCitiesWithIndices();
const h = all[0].map(String);
const rows2022 = [all[0], ...all.slice(1).filter((r) => String(r[h.indexOf("year")]) === "2022")];
const range = (...names: string[]): Cell[][] => rows2022.map((r) => names.map((n) => r[h.indexOf(n)]));
const X = range("GDP", "FTE", "BOOK", "OPEN", "FEF");
const NQP = range("NQP");
const ER = range("ER");

const CASES: [string, string][] = [
  ["psm_cs2022_nn1", "method=nn"],
  ["psm_cs2022_kernel_epan006_common", "method=kernel; kernel=epan; bwidth=0.06; common"],
  ["psm_cs2022_radius005", "method=radius; caliper=0.05"],
];

describe.each(CASES)("=NQP.PSM: reference case %s", (name, opts) => {
  const r = readPsmCase(name).results;
  const ref = readPsmRows(r.rows_csv);
  it("summary: ATT, SE, t and the counts", () => {
    const t = psm(NQP, X, ER, [[`rule=above-median; ${opts}`]]);
    const v = Object.fromEntries(t.slice(1).map(([k, x]) => [k, x]));
    close(v.ATT, r.ATT, "ATT");
    close(v.SE, r.se_ATT, "SE");
    close(v.t, r.t_ATT, "t");
    expect([v.treated, v.controls, v["treated on support"], v["controls matched"]]).toEqual([r.n_treated, r.n_control, r.counts.N1, r.counts.n_controls_matched]);
  });
  it("weights and pscore: one value per input row, blank where psmatch2 leaves it missing", () => {
    const w = psm(NQP, X, ER, [[`rule=above-median; ${opts}; output=weights`]]);
    const p = psm(NQP, X, ER, [[`rule=above-median; ${opts}; output=pscore`]]);
    expect(w[0]).toEqual(["_weight"]);
    expect(w.length).toBe(285);
    ref.forEach((row, i) => {
      expect(String(rows2022[i + 1][h.indexOf("city_id")])).toBe(row.city_id);
      if (row._weight === "") expect(w[i + 1][0]).toBe("");
      else close(w[i + 1][0], Number(row._weight), `weight ${row.city_id}`);
      close(p[i + 1][0], Number(row._pscore), `pscore ${row.city_id}`);
    });
  });
  it("balance: the pstest table", () => {
    const b = psm(NQP, X, ER, [[`rule=above-median; ${opts}; output=balance`]]);
    const gdp = b.find((row) => row[0] === "GDP")!;
    const c = r.pstest.covariates.GDP;
    close(gdp[3], c.U.pct_bias, "%bias U", 1e-8, 1);
    close(gdp[8], c.M.pct_bias, "%bias M", 1e-8, 1);
    close(gdp[10], c.M.t, "t M");
    const r2 = b.find((row) => row[0] === "pseudo R2")!;
    close(r2[1], r.pstest.summary.U.pseudo_r2, "pseudo R2 U");
    close(r2[6], r.pstest.summary.M.pseudo_r2, "pseudo R2 M");
    close(b.find((row) => row[0] === "B")![6], r.pstest.summary.M.B, "B M", 1e-8, 1);
  });
});

describe("=NQP.PSM errors", () => {
  it("a treatment that is not 0/1 without a rule: #VALUE! naming the column and row", () => {
    const e = excelErrorOf(() => psm(NQP, X, ER));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/"NQP" must hold 0 or 1/);
    expect(e.message).toMatch(/data row 1 holds/);
  });
  it("perfect separation (a covariate equal to the rule variable): #NUM! naming it", () => {
    const x = rows2022.map((r, i) => [i === 0 ? "Z" : r[h.indexOf("NQP")], r[h.indexOf("GDP")]]);
    x[0][1] = "GDP";
    const e = excelErrorOf(() => psm(NQP, x, ER, [["rule=above-median"]]));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toMatch(/Covariate "Z" perfectly predicts/);
  });
  it("a caliper that matches nobody: #NUM!", () => {
    const e = excelErrorOf(() => psm(NQP, X, ER, [["rule=above-median; caliper=1e-12"]]));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toMatch(/nobody is matched/);
  });
  it("an unknown option lists the allowed ones", () => {
    const e = excelErrorOf(() => psm(NQP, X, ER, [["bandwidth=0.1"]]));
    expect(e.message).toContain(describeOptions(PSM_OPTIONS));
  });
  it("ranges of different lengths", () => {
    const e = excelErrorOf(() => psm(NQP, X.slice(0, 100), ER));
    expect(e.message).toMatch(/rows/);
  });
});
