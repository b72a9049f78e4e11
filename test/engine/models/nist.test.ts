/**
 * NIST StRD linear regression datasets (test/reference/nist/*.dat; certified values parsed from each
 * file's header). Prints the log relative error (LRE, digits agreeing with the certified value) of every
 * coefficient and SE; asserts >= 9 digits on all files but Filip, and reports Filip's digits.
 */
import { fitLinearData } from "../../../src/engine/models/linear-core";
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
    // solver fed double-precision columns, and the engine's ~8 digits is at that ceiling.
    if (c.name === "Filip") expect(minL).toBeGreaterThanOrEqual(7.5);
    else expect(minL).toBeGreaterThanOrEqual(9);
  });
});
