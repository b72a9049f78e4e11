/**
 * Table specs: validation messages, row filters and derived columns (on test/reference/data/
 * grunfeld.csv, whose rows are checked directly), and notes for mixed variance types (synthetic results).
 */
import { join } from "path";
import { frameFromCells, numericColumn, keyColumn } from "../../src/engine/frame";
import { validateSpecFile } from "../../src/report/spec";
import { applyDerive, rowsWhere } from "../../src/report/run-spec";
import { parenNote } from "../../src/report/notes";
import { readCsvRows, REFERENCE } from "../support/reference";
import { synthResult } from "./synthetic";

const grunfeld = () => frameFromCells(readCsvRows(join(REFERENCE, "data", "grunfeld.csv")));

describe("validateSpecFile", () => {
  test("a single table is accepted as a file with one table", () => {
    const f = validateSpecFile({ kind: "descriptives", title: "T", variables: ["inv"] });
    expect(f.tables).toHaveLength(1);
  });
  test.each([
    [null, /JSON object/],
    [{ tables: [] }, /non-empty/],
    [{ tables: [{ kind: "regression", title: "T", models: [] }] }, /tables\[0\] \(regression\) needs a non-empty "models"/],
    [{ tables: [{ kind: "regression", title: "", models: [{ y: "a", x: ["b"] }] }] }, /needs a "title"/],
    [{ tables: [{ kind: "regression", title: "T", models: [{ y: "a", x: "b" }] }] }, /models\[0\] needs "y".*"x"/],
    [{ tables: [{ kind: "iv", title: "T", model: { y: "a", x: [] } }] }, /"endog" and "instruments"/],
    [{ tables: [{ kind: "heterogeneity", title: "T", model: { y: "a", x: ["b"] }, splits: [{ label: "L" }] }] }, /"column".*"variable"/],
    [{ tables: [{ kind: "robustness", title: "T", model: { y: "a", x: ["b"] }, variants: [{ steps: [] }] }] }, /"panel"/],
    // "where" is a list of conditions; a string used to reach the engine and crash with a TypeError
    [{ tables: [{ kind: "regression", title: "T", models: [{ y: "a", x: ["b"], where: "firm > 20" }] }] }, /models\[0\]\.where must be a list of conditions/],
    [{ tables: [{ kind: "regression", title: "T", models: [{ y: "a", x: ["b"], where: [{ column: "year" }] }] }] }, /where\[0\] needs "in".*"min"\/"max"/],
    [{ tables: [{ kind: "regression", title: "T", models: [{ y: "a", x: ["b"], where: [{ column: "year", min: "2012" }] }] }] }, /where\[0\]\.min must be a number/],
    [{ tables: [{ kind: "regression", title: "T", models: [{ y: "a", x: ["b"], fe: "firm" }] }] }, /models\[0\]\.fe must be a list of column names/],
    [{ tables: [{ kind: "iv", title: "T", model: { y: "a", x: [], endog: ["e"], instruments: ["z"], vcov: "robust" } }] }, /model\.vcov must be one of iid, hc1, cluster; got "robust"/],
    // a misspelt field was ignored: "clusters" gave iid SEs, "stat" dropped the requested rows
    [{ tables: [{ kind: "regression", title: "T", models: [{ y: "a", x: ["b"], clusters: ["id"] }] }] }, /tables\[0\]\.models\[0\] has no field "clusters"\. Its fields: y, x, fe, cluster, vcov/],
    [{ tables: [{ kind: "regression", title: "T", models: [{ y: "a", x: ["b"] }], stat: ["n"] }] }, /tables\[0\] has no field "stat"\./],
    [{ tables: [{ kind: "heterogeneity", title: "T", model: { y: "a", x: ["b"] }, splits: [{ label: "L", variable: "v", quantil: 0.3 }] }] }, /splits\[0\] has no field "quantil"/],
    [{ derive: [{ kind: "entropy", name: "E", indicators: ["a", "b"], negatives: ["b"] }], tables: [{ kind: "descriptives", title: "T", variables: ["E"] }] }, /derive\[0\] \(entropy\) has no field "negatives"/],
    [{ tables: [{ kind: "regression", title: "T", models: [{ y: "a", x: ["b"] }], options: { decimal: 5 } }] }, /tables\[0\]\.options has no field "decimal"\. Its fields: paren, decimals, parenDecimals, starLevels, r2/],
    // layout lists and objects of the wrong type used to crash the builders ("spec.terms.filter is not a function")
    [{ tables: [{ kind: "regression", title: "T", models: [{ y: "a", x: ["b"] }], terms: "b" }] }, /tables\[0\]\.terms must be a list of names/],
    [{ tables: [{ kind: "regression", title: "T", models: [{ y: "a", x: ["b"] }], stats: "r2" }] }, /tables\[0\]\.stats must be a list of names/],
    [{ tables: [{ kind: "descriptives", title: "T", variables: ["a"], roles: ["x"] }] }, /tables\[0\]\.roles must be an object/],
    [{ derive: [{ kind: "resilience", name: "R", value: "inv" }], tables: [{ kind: "descriptives", title: "T", variables: ["R"] }] }, /derive\[0\] \(resilience\) needs "id"/],
    [{ derive: [{ kind: "lag", name: "L", of: "inv", id: "firm", time: "year", k: "1" }], tables: [{ kind: "descriptives", title: "T", variables: ["L"] }] }, /"k" must be a number, e\.g\. 1; got "1"/],
    [{ derive: [{ kind: "pca", name: "x" }], tables: [{ kind: "descriptives", title: "T", variables: ["a"] }] }, /Allowed: entropy, resilience, lag/],
    [{ derive: [{ kind: "entropy", name: "x", indicators: ["a"] }], tables: [{ kind: "descriptives", title: "T", variables: ["a"] }] }, /at least two/],
  ])("rejects %j", (raw, msg) => {
    expect(() => validateSpecFile(raw)).toThrow(msg);
  });
});

describe("row filters and derived columns (grunfeld.csv)", () => {
  const f = grunfeld();
  test("where: values in a list, numeric bounds; no rows is an error", () => {
    const rows = rowsWhere(f, [{ column: "firm", in: [1, "2"] }, { column: "year", min: 1940, max: 1949 }])!;
    const firm = keyColumn(f, "firm");
    const year = numericColumn(f, "year");
    const expected = [...Array(f.nrow).keys()].filter((i) => ["1", "2"].includes(firm[i]!) && year[i] >= 1940 && year[i] <= 1949);
    expect(Array.from(rows)).toEqual(expected);
    expect(rows.length).toBe(20);
    expect(rowsWhere(f, [])).toBeUndefined();
    expect(() => rowsWhere(f, [{ column: "year", min: 3000 }])).toThrow(/No rows meet/);
  });
  test("derive lag: the previous year's value of the same firm", () => {
    const g = applyDerive(f, [{ kind: "lag", name: "L_value", of: "value", id: "firm", time: "year" }]);
    const v = numericColumn(g, "value");
    const l = numericColumn(g, "L_value");
    const firm = keyColumn(g, "firm");
    const year = numericColumn(g, "year");
    for (let i = 0; i < g.nrow; i++) {
      const j = [...Array(g.nrow).keys()].find((k) => firm[k] === firm[i] && year[k] === year[i] - 1);
      if (j === undefined) expect(l[i]).toBeNaN();
      else expect(l[i]).toBe(v[j]);
    }
    expect(() => applyDerive(f, [{ kind: "entropy", name: "E", indicators: ["inv", "value"], negative: ["capital"] }])).toThrow(/"capital" is not among/);
  });
});

describe("notes", () => {
  const lab = (n: string) => n;
  test("mixed variance types are named per column; z statistics", () => {
    const a = synthResult("y", [{ name: "x", coef: 1, se: 1, p: 0.5 }]);
    const b = synthResult("y", [{ name: "x", coef: 1, se: 1, p: 0.5 }], { vcovType: "hc1", clusterVars: [] });
    expect(parenNote([a, b, a], "t", lab)).toBe("t statistics in parentheses; standard errors clustered by city_id in columns (1), (3); heteroskedasticity-robust (HC1) standard errors in column (2).");
    expect(parenNote([{ ...a, statName: "z" }], "t", lab)).toBe("z statistics in parentheses; standard errors clustered by city_id.");
    expect(parenNote([b], "se", lab)).toBe("Heteroskedasticity-robust (HC1) standard errors in parentheses.");
  });
});
