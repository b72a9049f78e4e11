/**
 * =NQP.MEDIATION through its wrapper, on ranges cut from nqp_cities.csv joined with the reference NQP
 * and ER columns. Expected values: test/reference case nqp_mediation_DI (common_sample: Sobel and
 * the three equations; a_path_own_sample with sample=own); 1e-8 relative.
 */
import { mediation } from "../../src/functions/formulas/mediation";
import { FormulaError } from "../../src/functions/errors";
import { nqpCitiesWithIndices, readCase, relErr } from "../support/reference";

const TOL = 1e-8;
const data = nqpCitiesWithIndices();
const header = data[0] as string[];
const range = (...names: string[]): any[][] => data.map((r) => names.map((n) => r[header.indexOf(n)]));
const controls = range("GDP", "FTE", "BOOK", "OPEN", "FEF");

function value(table: any[][], label: string, col: number): number {
  const row = table.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row[col];
}

describe("NQP.MEDIATION", () => {
  it("spills a, b, c, c', a*b, Sobel z/p and N per mediator (nqp_mediation_DI common sample)", async () => {
    const t = await mediation(range("ER"), range("NQP"), range("DI", "IA"), range("city_id"), range("year"), controls, range("city_id"));
    expect(t[0]).toEqual(["statistic", "DI", "IA"]);
    const s = readCase("nqp_mediation_DI").results.common_sample;
    expect(relErr(value(t, "a", 1), s.sobel.a)).toBeLessThan(TOL);
    expect(relErr(value(t, "se_a", 1), s.sobel.se_a)).toBeLessThan(TOL);
    expect(relErr(value(t, "b", 1), s.sobel.b)).toBeLessThan(TOL);
    expect(relErr(value(t, "c", 1), s.eq1_total.coef.NQP)).toBeLessThan(TOL);
    expect(relErr(value(t, "c'", 1), s.eq3_direct.coef.NQP)).toBeLessThan(TOL);
    expect(relErr(value(t, "a*b", 1), s.sobel.indirect_ab)).toBeLessThan(TOL);
    expect(relErr(value(t, "Sobel z", 1), s.sobel.z)).toBeLessThan(TOL);
    expect(relErr(value(t, "Sobel p", 1), s.sobel.p_two_sided)).toBeLessThan(TOL);
    expect(value(t, "N", 1)).toBe(s.eq3_direct.N);
    // every data row is in the common sample or counted as dropped (no silent drop)
    expect(value(t, "dropped (missing)", 1) + value(t, "dropped (singletons)", 1)).toBe(data.length - 1 - s.eq3_direct.N);
    expect(value(t, "dropped (singletons)", 1)).toBe(s.eq3_direct.n_singletons_dropped);
    // no bootstrap asked: the CI cells are #N/A
    expect(value(t, "boot CI low", 1)).toBeInstanceOf(FormulaError);
  });

  it("options: sample=own reproduces the own-sample a path; bootstrap gives an ordered interval", async () => {
    const t = await mediation(range("ER"), range("NQP"), range("DI"), range("city_id"), range("year"), controls, range("city_id"), [["sample=own; bootstrap=20; seed=3"]]);
    const s = readCase("nqp_mediation_DI").results.a_path_own_sample.sobel;
    expect(relErr(value(t, "a", 1), s.a)).toBeLessThan(TOL);
    expect(relErr(value(t, "Sobel z", 1), s.z)).toBeLessThan(TOL);
    expect(value(t, "boot CI low", 1)).toBeLessThan(value(t, "boot CI high", 1));
  });

  it("bad input becomes an Excel error naming the problem", async () => {
    await expect(mediation(range("ER"), range("NQP"), range("DI"), range("city_id"), range("year"), controls, undefined, [["bootstrap=50"]])).rejects.toMatchObject({
      message: expect.stringMatching(/give the cluster range/),
    });
    await expect(mediation(range("ER"), range("NQP"), range("DI"), range("city_id"), range("year"), controls, range("city_id"), [["design=sobel"]])).rejects.toMatchObject({
      message: expect.stringMatching(/baron-kenny, two-step/),
    });
    await expect(mediation(range("ER"), range("NQP", "GDP"), range("DI"), range("city_id"), range("year"))).rejects.toMatchObject({
      message: expect.stringMatching(/treat must be a single column/),
    });
  });

  it("a mediator absorbed by the city FE (hu_east is time-invariant) is a #VALUE! whose message says so (Excel shows no message on #NUM!, see src/functions/errors.ts)", async () => {
    await expect(mediation(range("ER"), range("NQP"), range("hu_east"), range("city_id"), range("year"), controls, range("city_id"))).rejects.toMatchObject({
      code: "#VALUE!",
      // The mediator equation (hu_east on NQP) meets it first: the outcome of that equation has no variation within cities.
      message: expect.stringMatching(/hu_east is constant within the groups of the fixed effects \(city_id, year\)/),
    });
  });
});
