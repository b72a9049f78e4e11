/**
 * =NQP.FE2WAY called directly with ranges built from the reference data, against
 * test/reference/expected/{grunfeld_fe_twoway, nqp_table3_col6}.json (tolerance 1e-8 relative),
 * and every error path (Excel error code + message).
 */
import { join } from "path";
import { Cell } from "../../src/engine/frame/missing";
import { fe2way, FE2WAY_OPTIONS } from "../../src/functions/formulas/fe2way";
import { describeOptions } from "../../src/functions/args";
import { tQuantileAt } from "../../src/engine/stats/distributions";
import { excelErrorOf as excelError } from "../support/formula";
import { nqpCitiesWithIndices, readCase, readCsvRows, REFERENCE, relErr } from "../support/reference";

const TOL = 1e-8;

interface Dataset {
  rows: Cell[][];
  /** Range of the named columns, header row included: [[h1, h2], [v, v], ...]. */
  range(...names: string[]): Cell[][];
}

function dataset(rows: Cell[][]): Dataset {
  const h = rows[0].map(String);
  return {
    rows,
    range: (...names) => {
      const idx = names.map((n) => {
        const j = h.indexOf(n);
        if (j < 0) throw new Error(`no column ${n}`);
        return j;
      });
      return rows.map((r) => idx.map((j) => r[j]));
    },
  };
}

const grunfeld = dataset(readCsvRows(join(REFERENCE, "data", "grunfeld.csv")));
const cities = dataset(nqpCitiesWithIndices());
const DATA: Record<string, Dataset> = { grunfeld_fe_twoway: grunfeld, nqp_table3_col6: cities };

type Vcov = "iid" | "hc1" | "cr1";

function run(caseName: string, vcov: Vcov): { table: any[][]; ref: any } {
  const ref = readCase(caseName);
  const d = DATA[caseName];
  const s = ref.spec;
  const [id, time] = s.fixed_effects;
  const table = fe2way(
    d.range(s.dependent),
    d.range(...s.regressors),
    d.range(id),
    d.range(time),
    vcov === "cr1" ? d.range(s.cluster) : undefined,
    vcov === "hc1" ? [["vcov=hc1"]] : undefined,
  );
  return { table, ref };
}

function rowOf(table: any[][], label: string): any[] {
  const r = table.find((row) => row[0] === label);
  if (!r) throw new Error(`no row ${label}`);
  return r;
}

describe.each(["grunfeld_fe_twoway", "nqp_table3_col6"])("FE2WAY reproduces %s", (caseName) => {
  test.each(["iid", "hc1", "cr1"] as Vcov[])("coef, se, t, p with %s", (vcov) => {
    const { table, ref } = run(caseName, vcov);
    const r = ref.results;
    expect(table[0]).toEqual(["term", "coef", "se", "t", "p", "ci_low", "ci_high"]);
    const df = r.df[vcov];
    for (const name of ref.spec.regressors as string[]) {
      const row = rowOf(table, name);
      expect(relErr(row[1], r.coef[name])).toBeLessThan(TOL);
      expect(relErr(row[2], r.se[vcov][name])).toBeLessThan(TOL);
      expect(relErr(row[3], r.t[vcov][name])).toBeLessThan(TOL);
      expect(relErr(row[4], r.p[vcov][name])).toBeLessThan(TOL);
      // 95% CI = coef -/+ t_{0.975}(df) se with the case's df.
      const half = tQuantileAt(0.975, df) * r.se[vcov][name];
      expect(relErr(row[5], r.coef[name] - half)).toBeLessThan(TOL);
      expect(relErr(row[6], r.coef[name] + half)).toBeLessThan(TOL);
    }
    expect(rowOf(table, "N")[1]).toBe(r.N);
    expect(relErr(rowOf(table, "within R-squared")[1], r.r2_within)).toBeLessThan(TOL);
    expect(rowOf(table, "clusters")[1]).toBe(vcov === "cr1" ? r.G : "");
    // Every row is 7 cells wide (a rectangular spill).
    for (const row of table) expect(row).toHaveLength(7);
  });

  test("groups and periods count the FE levels of the estimation sample", () => {
    const { table, ref } = run(caseName, "cr1");
    expect(rowOf(table, "groups")[1]).toBe(ref.results.G);
    // grunfeld_fe_twoway has no T: its sample is every row, so T = distinct years in the data.
    const years = new Set(DATA[caseName].range(ref.spec.fixed_effects[1]).slice(1).map((r) => String(r[0])));
    expect(rowOf(table, "periods")[1]).toBe(ref.results.T ?? years.size);
  });
});

describe("FE2WAY arguments", () => {
  const y = grunfeld.range("inv");
  const x = grunfeld.range("value", "capital");
  const id = grunfeld.range("firm");
  const yr = grunfeld.range("year");
  const ref = readCase("grunfeld_fe_twoway").results;

  test("ranges without header rows: names x1, x2 and the same numbers", () => {
    const t = fe2way(y.slice(1), x.slice(1), id.slice(1), yr.slice(1), id.slice(1));
    expect(t.map((r) => r[0]).slice(1, 3)).toEqual(["x1", "x2"]);
    expect(relErr(t[1][2], ref.se.cr1.value)).toBeLessThan(TOL);
  });

  test("options as a two-column range and in mixed case", () => {
    const t = fe2way(y, x, id, yr, undefined, [["VCOV", "HC1"], ["keep-singletons", true]]);
    expect(relErr(rowOf(t, "value")[2], ref.se.hc1.value)).toBeLessThan(TOL);
  });

  test("noconstant drops the _cons row; the default reports it", () => {
    expect(fe2way(y, x, id, yr).some((r) => r[0] === "_cons")).toBe(true);
    expect(fe2way(y, x, id, yr, undefined, [["noconstant"]]).some((r) => r[0] === "_cons")).toBe(false);
  });

  test("a collinear regressor is reported as omitted and the rest is unchanged", () => {
    const x3 = x.map((r, i) => [...r, i === 0 ? "value2" : 2 * Number(r[0])]);
    const t = fe2way(y, x3, id, yr);
    expect(rowOf(t, "value2")[1]).toBe("omitted");
    expect(relErr(rowOf(t, "value")[1], ref.coef.value)).toBeLessThan(TOL);
  });

  test("mismatched lengths name both arguments and their row counts", () => {
    const e = excelError(() => fe2way(y, x.slice(0, 150), id, yr));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^x has 149 rows but y has 200/);
  });

  test("header on y but not on x", () => {
    const e = excelError(() => fe2way(y, x.slice(1), id, yr));
    expect(e.message).toMatch(/y has a header row but x does not/);
  });

  test("text in a numeric column names the column and row", () => {
    const bad = x.map((r, i) => (i === 5 ? [r[0], "n/a?"] : r));
    const e = excelError(() => fe2way(y, bad, id, yr));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/"capital".*row 5.*"n\/a\?"/);
  });

  test("missing tokens are dropped listwise", () => {
    const holes = y.map((r, i) => (i === 3 ? ["NA"] : i === 7 ? ["#N/A"] : i === 9 ? [""] : r));
    const t = fe2way(holes, x, id, yr);
    expect(rowOf(t, "N")[1]).toBe(197);
    expect(rowOf(t, "dropped (missing)")[1]).toBe(3);
    expect(rowOf(t, "dropped (singletons)")[1]).toBe(0);
  });

  test("a firm with one row is dropped as a singleton (reghdfe) and counted; N and coefficients as grunfeld_fe_twoway", () => {
    const t = fe2way([...y, [1]], [...x, [2, 3]], [...id, [99]], [...yr, [1940]]);
    expect(rowOf(t, "N")[1]).toBe(ref.N);
    expect(rowOf(t, "dropped (singletons)")[1]).toBe(1);
    expect(relErr(rowOf(t, "value")[1], ref.coef.value)).toBeLessThan(TOL);
  });

  test("unknown option and bad option value list what is allowed", () => {
    const e1 = excelError(() => fe2way(y, x, id, yr, undefined, [["robust"]]));
    expect(e1.message).toContain(describeOptions(FE2WAY_OPTIONS));
    const e2 = excelError(() => fe2way(y, x, id, yr, undefined, [["vcov=hc3"]]));
    expect(e2.message).toMatch(/vcov must be one of iid, hc1, cluster; got "hc3"/);
  });

  test("y with two columns, id with two columns, and three cluster columns are refused", () => {
    expect(excelError(() => fe2way(x, x, id, yr)).message).toMatch(/y must be a single column/);
    expect(excelError(() => fe2way(y, x, x, yr)).message).toMatch(/id must be a single column/);
    const three = grunfeld.range("firm", "year", "firm");
    expect(excelError(() => fe2way(y, x, id, yr, three)).message).toMatch(/cluster must be at most 2 columns/);
  });

  test("an empty required range", () => {
    expect(excelError(() => fe2way([[null]], x, id, yr)).message).toMatch(/Argument y is empty/);
  });

  test("vcov=cluster without a cluster range is an error from the engine", () => {
    const e = excelError(() => fe2way(y, x, id, yr, undefined, [["vcov=cluster"]]));
    expect(e.message).toMatch(/cluster/);
  });

  test("the same column as id and time is refused", () => {
    expect(excelError(() => fe2way(y, x, id, id)).message).toMatch(/id and time are the same column/);
  });
});
