/**
 * What a user reads (issue 19 item 7): `--vcov robust` is hc1 (and help says so); unknown columns, options,
 * choices and commands get the nearest match; every problem on the line is reported at once; text output
 * has no float noise (2.5323849999999997) and no "p = <0.0001"; the IV first stage labels instruments and
 * controls apart; `nqp mediate` text shows the SEs (equal to its --json se_*). Data: data/grunfeld.csv.
 */
import { join } from "path";
import { formatNumber } from "../../src/cli/output";
import { commandNames } from "../../src/cli/main";
import { runCli } from "../support/cli";

const G = join(__dirname, "../../data/grunfeld.csv");
const P = join(__dirname, "../../data/nqp_panel.csv");

describe("--vcov robust means hc1", () => {
  const CASES: Record<string, string[]> = {
    fe: ["--y", "inv", "--x", "value,capital", "--fe", "firm"],
    iv: ["--y", "inv", "--endog", "value", "--instruments", "capital", "--fe", "firm"],
    mediate: ["--y", "inv", "--treat", "value", "--mediator", "capital", "--fe", "firm"],
    hetero: ["--y", "inv", "--x", "value,capital", "--split", "value"],
    robust: ["--y", "inv", "--x", "value,capital", "--id", "firm", "--time", "year", "--trends"],
  };
  test.each(Object.keys(CASES))("nqp %s: same JSON as --vcov hc1, and --help says robust = hc1", async (name) => {
    const hc1 = await runCli([name, "--data", G, ...CASES[name], "--vcov", "hc1", "--json"]);
    const robust = await runCli([name, "--data", G, ...CASES[name], "--vcov", "robust", "--json"]);
    expect(hc1.code).toBe(0);
    expect(robust.out).toBe(hc1.out);
    expect(robust.out).toContain('"vcov":"hc1"');
    expect((await runCli([name, "--help"])).out).toMatch(/--vcov .*robust = hc1/);
  });
});

describe("nearest-match suggestions", () => {
  test("columns (list and single-name flags)", async () => {
    const r = await runCli(["fe", "--data", G, "--y", "Inv", "--x", "value,capitl"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`There is no column named "Inv" (--y) (did you mean "inv"?).`);
    expect(r.err).toContain(`There is no column named "capitl" (--x) (did you mean "capital"?).`);
  });
  test("a name far from every column lists the columns instead", async () => {
    const r = await runCli(["fe", "--data", G, "--y", "inv", "--x", "zzzzzzzz"]);
    expect(r.err).toBe(`nqp: There is no column named "zzzzzzzz" (--x). Columns: firm, year, inv, value, capital.\n`);
  });
  test("options, choices and commands", async () => {
    expect((await runCli(["fe", "--data", G, "--y", "inv", "--x", "value", "--clustr", "firm"])).err).toMatch(/^nqp: Unknown option --clustr \(did you mean --cluster\?\)\. Options: /);
    expect((await runCli(["fe", "--data", G, "--y", "inv", "--x", "value", "--vcov", "hc2"])).err).toMatch(/--vcov must be one of iid, hc1, cluster; got "hc2" \(did you mean "hc1"\?\); robust means hc1\./);
    const c = await runCli(["mediat", "--help"]);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/^nqp: Unknown command "mediat" \(did you mean "mediate"\?\)\. Commands: /);
  });
});

test("every problem is reported at once: flags, missing options and columns", async () => {
  const r = await runCli(["fe", "--data", G, "--x", "value,capitl", "--fe", "frim", "--clustr", "firm", "--vcov", "hc3", "stray"]);
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  const lines = r.err.trimEnd().split("\n");
  expect(lines[0]).toBe("nqp: 6 problems:");
  const expected = [
    "Unknown option --clustr (did you mean --cluster?).",
    'unexpected "stray" after --vcov hc3: --vcov takes one value.',
    '--vcov must be one of iid, hc1, cluster; got "hc3" (did you mean "hc1"?); robust means hc1.',
    "Missing required option --y NAME.",
    'There is no column named "capitl" (--x) (did you mean "capital"?).',
    'There is no column named "frim" (--fe) (did you mean "firm"?).',
  ];
  lines.slice(1).forEach((l, i) => expect(l.startsWith(`  - ${expected[i]}`)).toBe(true));
  expect(lines.length).toBe(7);
});

describe("text output: no float noise, no 'p = <0.0001'", () => {
  const RUNS: string[][] = [
    ["fe", "--data", G, "--y", "inv", "--x", "value,capital", "--fe", "firm,year", "--cluster", "firm"],
    ["iv", "--data", G, "--y", "inv", "--endog", "value", "--instruments", "capital", "--x", "year", "--fe", "firm"],
    ["describe", "--data", G, "--cols", "inv-capital"],
    ["describe", "--data", G, "--cols", "inv-capital", "--output", "corr"],
    ["entropy", "--data", G, "--cols", "inv-capital"],
    ["resilience", "--data", G, "--id", "firm", "--time", "year", "--value", "inv"],
    ["lag", "--data", G, "--cols", "inv", "--id", "firm", "--time", "year"],
    ["mediate", "--data", G, "--y", "inv", "--treat", "value", "--mediator", "capital", "--fe", "firm", "--bootstrap", "20", "--quiet"],
    // The split cutoff of value was printed with all 17 digits.
    ["hetero", "--data", G, "--y", "inv", "--x", "value,capital", "--split", "capital", "--quantile", "0.3", "--permutations", "20", "--quiet"],
    ["robust", "--data", G, "--y", "inv", "--x", "value,capital", "--id", "firm", "--time", "year", "--winsor", "inv,value", "--period", "1940:1950"],
    ["psm", "--data", P, "--where", "year=2022", "--treat-rule", "above-median:rd_fte", "--x", "GDP,FTE,BOOK,OPEN,FEF", "--method", "nn", "--outcome", "UR"],
    ["weights", "--data", P, "--id", "city_id", "--lat", "lat", "--lon", "lon", "--weights", "knn:5"],
    ["moran", "--data", P, "--var", "GDP", "--id", "city_id", "--lat", "lat", "--lon", "lon", "--weights", "knn:5", "--time", "year"],
    ["spatial", "--model", "sar", "--data", P, "--y", "GDP", "--x", "FTE,BOOK", "--id", "city_id", "--time", "year", "--lat", "lat", "--lon", "lon", "--weights", "knn:5"],
    ["boost", "--data", P, "--y", "UR", "--x", "GDP,FTE,BOOK", "--trees", "20", "--depth", "3"],
  ];
  // Their own suites cover these: table (test/cli/table), plot (writes files: test/cli/plot), gp (minutes of fitting: test/cli/gp).
  const ELSEWHERE = ["table", "plot", "gp"];
  test("every command runs", () => expect([...new Set([...RUNS.map((r) => r[0]), ...ELSEWHERE])].sort()).toEqual(commandNames()));
  test.each(RUNS.map((r) => [r.join(" "), r]))("nqp %s", async (_l, argv) => {
    const r = await runCli(argv as string[]);
    expect(r.code).toBe(0);
    // Shortest round-trip text of a double (2.5323849999999997) has 15-17 significant digits; formatNumber gives 6.
    expect(r.out).not.toMatch(/\d\.\d{11,}/);
    expect(r.out).not.toMatch(/= </);
  });
  test("hetero prints the cutoff as a number is read", async () => {
    const r = await runCli(RUNS[8]);
    const j = JSON.parse((await runCli([...RUNS[8], "--json"])).out);
    expect(r.out.split("\n")[0]).toBe(`Heterogeneity of value by capital <= ${formatNumber(j.assignment.cutoff)} (${j.assignment.rule.split("(")[1]}`);
    expect(r.out).toMatch(/Permutation test .*, p (<|=) /);
  });
});

test("IV first stage: instruments and controls labelled apart, instruments first", async () => {
  const r = await runCli(["iv", "--data", G, "--y", "inv", "--endog", "value", "--instruments", "capital", "--x", "year", "--fe", "firm"]);
  const fs = r.out.slice(r.out.indexOf("First stage: value"));
  const rows = fs.split("\n").slice(1, 5);
  expect(rows[0]).toMatch(/^term\s+role\s+coef\s+se\s+t\s+p$/);
  expect(rows[2]).toMatch(/^capital\s+instrument\s/);
  expect(rows[3]).toMatch(/^year\s+control\s/);
  expect(fs).toMatch(/^First stage: value  F\(1, \d+\) = \S+  p (<|=) /);
});

test("nqp mediate text shows each path's SE, equal to the --json se_*", async () => {
  const argv = ["mediate", "--data", G, "--y", "inv", "--treat", "value", "--mediator", "capital", "--x", "year", "--fe", "firm"];
  const j = JSON.parse((await runCli([...argv, "--json"])).out).mediators.capital;
  const t = (await runCli(argv)).out;
  // The last four fields of a path row: estimate, se, statistic, p.
  const row = (label: string) => ["", ...t.split("\n").find((l) => l.startsWith(label))!.trim().split(/\s+/).slice(-4)];
  expect(row("c   total")[1]).toBe(formatNumber(j.c));
  expect(row("c   total")[2]).toBe(formatNumber(j.se_c));
  expect(row("a   value")[2]).toBe(formatNumber(j.se_a));
  expect(row("b   capital")[2]).toBe(formatNumber(j.se_b));
  expect(row("c'  direct")[2]).toBe(formatNumber(j.se_c_prime));
  expect(row("a*b")[1]).toBe(formatNumber(j.indirect));
  expect(row("a*b")[2]).toBe(formatNumber(j.se_indirect));
  expect(row("a*b")[3]).toBe(formatNumber(j.sobel_z));
  expect(t).toContain(`Share mediated (a*b / c): ${formatNumber(100 * j.proportion_mediated, 4)}%`);
});
