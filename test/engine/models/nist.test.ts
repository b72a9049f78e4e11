/**
 * NIST StRD linear regression datasets (test/reference/nist/*.dat; certified values parsed from each
 * file's header). Prints the log relative error (LRE, digits agreeing with the certified value) of every
 * coefficient and SE. Asserts LRE >= 10 on all eleven: the polynomial files (Filip, Pontius, Wampler1-5)
 * through fitPolynomial (powers and least squares in double-double), the others through the general engine
 * (fitLinearData). The general engine fed the rounded powers is reported too and kept >= 9 (Filip >= 7.5).
 */
import { fitLinearData } from "../../../src/engine/models/linear-core";
import { fitPolynomial } from "../../../src/engine/models/polynomial";
import { nistFiles, parseNist } from "../../support/nist";

function lre(got: number, want: number): number {
  if (want === 0) return Math.min(15, -Math.log10(Math.abs(got)) || 15);
  const e = Math.abs(got - want) / Math.abs(want);
  return e === 0 ? 15 : Math.min(15, -Math.log10(e));
}

const files = nistFiles();

describe("NIST StRD linear least squares (certified values in test/reference/nist)", () => {
  it("has the 11 datasets", () => expect(files.length).toBe(11));

  const report: string[] = [];
  afterAll(() => console.log(`NIST StRD LRE (digits):\n${report.join("\n")}`));

  it.each(files)("%s", (file) => {
    const c = parseNist(file);
    const n = c.y.length;
    const slopes = c.params.filter((p) => p.name !== "B0");
    const xCols = c.polynomial
      ? slopes.map((_, j) => c.x[0].map((v) => v ** (j + 1)))
      : c.x;
    const fit = fitLinearData(
      { n, y: { name: "y", values: Float64Array.from(c.y) }, x: xCols.map((v, j) => ({ name: `B${j + 1}`, values: Float64Array.from(v) })) },
      { noConstant: !c.intercept, vcov: "iid" },
    );
    const res = fit.result;
    expect(res.omitted).toEqual([]);
    const coefL: number[] = [];
    const seL: number[] = [];
    for (const p of c.params) {
      const j = res.terms.indexOf(p.name === "B0" ? "_cons" : p.name);
      coefL.push(lre(res.coef[j], p.estimate));
      seL.push(lre(res.se[j], p.sd));
    }
    const sdL = lre(res.rmse, c.residualSd);
    const minL = Math.min(...coefL, ...seL);
    report.push(`${c.name.padEnd(9)} min ${minL.toFixed(1)} | coef ${coefL.map((v) => v.toFixed(1)).join(" ")} | se ${seL.map((v) => v.toFixed(1)).join(" ")} | resid sd ${sdL.toFixed(1)}`);
    // Filip: the powers x^k are rounded to double before the engine sees them. Solving that rounded
    // design exactly (60-digit mpmath least squares, run once by hand) agrees with the certified values
    // to only 7.6 digits (coef and SE), against 14 with exact powers: 9 digits is out of reach for any
    // solver fed double-precision columns. Hence fitPolynomial, which forms the powers itself.
    if (c.name === "Filip") expect(minL).toBeGreaterThanOrEqual(7.5);
    else expect(minL).toBeGreaterThanOrEqual(c.polynomial ? 9 : 10);
  });

  it.each(files.filter((f) => parseNist(f).polynomial))("%s as a polynomial (fitPolynomial): LRE >= 10", (file) => {
    const c = parseNist(file);
    const fit = fitPolynomial(c.x[0], c.y, { degree: c.params.filter((p) => p.name !== "B0").length, intercept: c.intercept });
    const coefL = c.params.map((p, j) => lre(fit.coef[j], p.estimate));
    const seL = c.params.map((p, j) => lre(fit.se[j], p.sd));
    const minL = Math.min(...coefL, ...seL, lre(fit.rmse, c.residualSd));
    report.push(`${c.name.padEnd(9)} min ${minL.toFixed(1)} (polynomial, double-double) | coef ${coefL.map((v) => v.toFixed(1)).join(" ")} | se ${seL.map((v) => v.toFixed(1)).join(" ")}`);
    expect(fit.terms[c.intercept ? 1 : 0]).toBe("x");
    expect(minL).toBeGreaterThanOrEqual(10);
  });
});
