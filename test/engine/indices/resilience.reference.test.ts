/** Source: test/reference/expected/nqp_martin_er.json and nqp_martin_er.csv (numpy, cross-checked with R). */
import { keyColumn, numericColumn } from "../../../src/engine/frame";
import { martinResilience } from "../../../src/engine/indices/resilience";
import { readCase } from "../../support/reference";
import { citiesFrame, maxRelErr, referenceColumn } from "./fixtures";

const TOL = 1e-10;
const ref = readCase("nqp_martin_er");

describe("Martin sensitivity index, case nqp_martin_er", () => {
  const frame = citiesFrame();
  const res = martinResilience({
    value: numericColumn(frame, "gdp_pc"),
    id: keyColumn(frame, "city_id"),
    time: numericColumn(frame, "year"),
    national: numericColumn(frame, "national_gdp_pc"),
  });

  test("per-row g, G and ER (nqp_martin_er.csv) to 1e-10, blanks where the CSV is empty", () => {
    const ids = keyColumn(frame, "city_id");
    const years = keyColumn(frame, "year");
    for (const [col, ours] of [["g", res.g], ["G", res.G], ["ER", res.values]] as const) {
      const theirs = referenceColumn("nqp_martin_er.csv", col);
      expect(ids.map((id, i) => `${id}|${years[i]}`)).toEqual(theirs.keys);
      const masked = Float64Array.from(ours, (v, i) => (Number.isNaN(res.values[i]) ? NaN : v));
      expect(maxRelErr(masked, theirs.values)).toBeLessThan(TOL);
    }
  });

  test("national growth G_t by year", () => {
    const expected = ref.results.national_growth_G;
    const years = Object.keys(expected);
    expect(res.nationalGrowth.map((x) => String(x.time))).toEqual(years);
    expect(maxRelErr(res.nationalGrowth.map((x) => x.G), years.map((y) => expected[y]))).toBeLessThan(TOL);
  });

  test("count of defined values and the reason for the rest (first period)", () => {
    expect(res.values.length - res.nMissing).toBe(ref.results.summary.n);
    expect(res.missingBy.first_period).toBe(res.nMissing);
  });

  test("first 20 rows", () => {
    const rows = ref.results.first20_rows as { ER: number | null }[];
    expect(maxRelErr(res.values.slice(0, rows.length), rows.map((r) => (r.ER === null ? NaN : r.ER)))).toBeLessThan(TOL);
  });
});
