/**
 * Space-separated lists (issue 19 item 2): on every command, `--x value capital` means what
 * `--x value,capital` means (as Stata's varlists), and a word left over after a one-value flag is refused
 * naming it (before, `--x value capital` silently fitted value alone with exit 0). Data: data/grunfeld.csv
 * (the shipped sample). Also Stata-style ranges `a-d` in file order on data/nqp_panel.csv.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { commandNames } from "../../src/cli/main";
import { runCli } from "../support/cli";

const ROOT = join(__dirname, "../..");
const G = join(ROOT, "data", "grunfeld.csv");
const PANEL = join(ROOT, "data", "nqp_panel.csv");
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "nqp-lists-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Per command: the argv with comma lists, the same with space lists, and what the JSON must show of both names. */
const CASES: Record<string, { comma: string[]; space: string[]; check: (j: any) => void }> = {
  fe: {
    comma: ["--y", "inv", "--x", "value,capital", "--fe", "firm,year", "--cluster", "firm"],
    space: ["--y", "inv", "--x", "value", "capital", "--fe", "firm", "year", "--cluster", "firm"],
    check: (j) => {
      expect(j.terms).toEqual(["value", "capital", "_cons"]);
      expect(Object.keys(j.fixed_effects)).toEqual(["firm", "year"]);
    },
  },
  iv: {
    comma: ["--y", "inv", "--endog", "value", "--instruments", "capital,year", "--fe", "firm"],
    space: ["--y", "inv", "--endog", "value", "--instruments", "capital", "year", "--fe", "firm"],
    check: (j) => expect(j.instruments).toEqual(["capital", "year"]),
  },
  describe: {
    comma: ["--cols", "inv,value,capital"],
    space: ["--cols", "inv", "value", "capital"],
    check: (j) => expect(Object.keys(j.stats)).toEqual(["inv", "value", "capital"]),
  },
  entropy: {
    comma: ["--cols", "inv,value,capital", "--negative", "capital"],
    space: ["--cols", "inv", "value", "capital", "--negative", "capital"],
    check: (j) => expect(Object.keys(j.weights)).toEqual(["inv", "value", "capital"]),
  },
  lag: {
    comma: ["--cols", "inv,value", "--id", "firm", "--time", "year"],
    space: ["--cols", "inv", "value", "--id", "firm", "--time", "year"],
    check: (j) => expect(Object.keys(j.columns)).toEqual(["L1_inv", "L1_value"]),
  },
  mediate: {
    comma: ["--y", "inv", "--treat", "value", "--mediator", "capital,year", "--fe", "firm", "--quiet"],
    space: ["--y", "inv", "--treat", "value", "--mediator", "capital", "year", "--fe", "firm", "--quiet"],
    check: (j) => expect(Object.keys(j.mediators)).toEqual(["capital", "year"]),
  },
  hetero: {
    comma: ["--y", "inv", "--x", "value,capital", "--split", "value", "--fe", "firm,year"],
    space: ["--y", "inv", "--x", "value", "capital", "--split", "value", "--fe", "firm", "year"],
    check: (j) => expect(j.groups.low.terms).toEqual(["value", "capital", "_cons"]),
  },
  robust: {
    comma: ["--y", "inv", "--x", "value,capital", "--id", "firm", "--time", "year", "--fe", "firm,year", "--winsor", "inv,value"],
    space: ["--y", "inv", "--x", "value", "capital", "--id", "firm", "--time", "year", "--fe", "firm", "year", "--winsor", "inv", "value"],
    check: (j) => {
      expect(j.baseline.terms).toEqual(["value", "capital", "_cons"]);
      expect(Object.keys(j.variants[0].changes.winsor)).toEqual(["inv", "value"]);
    },
  },
};

describe("space-separated lists mean the same as comma lists, on every command with a list flag", () => {
  test.each(Object.keys(CASES))("nqp %s", async (name) => {
    const c = CASES[name];
    const comma = await runCli([name, "--data", G, ...c.comma, "--json"]);
    const space = await runCli([name, "--data", G, ...c.space, "--json"]);
    expect(comma.err).toBe("");
    expect(comma.code).toBe(0);
    expect(space.code).toBe(0);
    expect(space.out).toBe(comma.out);
    c.check(JSON.parse(space.out));
  });

  test("mixed forms: `--x value, capital` and `--x=value capital`", async () => {
    const ref = (await runCli(["fe", "--data", G, "--y", "inv", "--x", "value,capital", "--json"])).out;
    expect((await runCli(["fe", "--data", G, "--y", "inv", "--x", "value,", "capital", "--json"])).out).toBe(ref);
    expect((await runCli(["fe", "--data", G, "--y", "inv", "--x=value", "capital", "--json"])).out).toBe(ref);
  });
});

/** A word after a one-value flag, per command (those without list flags included): refused, naming the word. */
const LEFTOVER: Record<string, { argv: string[]; word: string; after: string }> = {
  fe: { argv: ["--data", G, "--y", "inv", "value", "--x", "capital"], word: "value", after: "--y inv" },
  iv: { argv: ["--data", G, "--y", "inv", "value", "--endog", "value", "--instruments", "capital"], word: "value", after: "--y inv" },
  describe: { argv: ["--data", G, "--cols", "inv", "--sample", "listwise", "value"], word: "value", after: "--sample listwise" },
  entropy: { argv: ["--data", G, "--cols", "inv,value", "--by", "firm", "value"], word: "value", after: "--by firm" },
  lag: { argv: ["--data", G, "--cols", "inv", "--id", "firm", "--time", "year", "value"], word: "value", after: "--time year" },
  mediate: { argv: ["--data", G, "--y", "inv", "--treat", "value", "year", "--mediator", "capital"], word: "year", after: "--treat value" },
  hetero: { argv: ["--data", G, "--y", "inv", "--x", "value", "--group", "firm", "year"], word: "year", after: "--group firm" },
  robust: { argv: ["--data", G, "--y", "inv", "--x", "value", "--id", "firm", "--time", "year", "value", "--trends"], word: "value", after: "--time year" },
  resilience: { argv: ["--data", G, "--id", "firm", "--time", "year", "--value", "inv", "value"], word: "value", after: "--value inv" },
  boost: { argv: ["--data", G, "--y", "inv", "value", "--x", "capital"], word: "value", after: "--y inv" },
  gp: { argv: ["--data", G, "--y", "inv", "value", "--x", "capital", "--lat", "year", "--lon", "firm"], word: "value", after: "--y inv" },
  moran: { argv: ["--data", G, "--var", "inv", "value", "--id", "firm", "--lat", "year", "--lon", "capital", "--weights", "knn:5"], word: "value", after: "--var inv" },
  plot: { argv: ["--kind", "trend", "extra", "--data", G, "--out", "f.svg"], word: "extra", after: "--kind trend" },
  psm: { argv: ["--data", G, "--outcome", "inv", "value", "--treat-rule", "above-median:value", "--x", "capital"], word: "value", after: "--outcome inv" },
  spatial: { argv: ["--model", "sar", "--data", G, "--y", "inv", "value", "--x", "capital", "--id", "firm", "--time", "year", "--lat", "year", "--lon", "capital", "--weights", "knn:5"], word: "value", after: "--y inv" },
  weights: { argv: ["--data", G, "--id", "firm", "value", "--weights", "knn:5"], word: "value", after: "--id firm" },
  table: { argv: ["--spec", join(ROOT, "data", "demo-spec.json"), "--data", G, "--out", "t.xlsx", "extra.xlsx"], word: "extra.xlsx", after: "--out t.xlsx" },
};

test("every command is covered by the leftover-word cases", () => {
  expect(Object.keys(LEFTOVER).sort()).toEqual(commandNames());
  for (const name of Object.keys(CASES)) expect(commandNames()).toContain(name);
});

describe("a word left over after a one-value flag is refused, naming it (exit 2, nothing run)", () => {
  test.each(Object.keys(LEFTOVER))("nqp %s", async (name) => {
    const { argv, word, after } = LEFTOVER[name];
    const r = await runCli([name, ...argv], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`unexpected "${word}" after ${after}: ${after.split(" ")[0]} takes one value`);
  });

  test("a word before any option", async () => {
    const r = await runCli(["fe", "inv", "--data", G, "--y", "inv", "--x", "value"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unexpected "inv" \(options start with --\)/);
  });
});

describe("ranges a-d (Stata varlists, in file order)", () => {
  test("gdp_pc-road_area_pc is the 28 NQP indicators of data/nqp_panel.csv, as listed in data/demo-spec.json", async () => {
    const spec = require(join(ROOT, "data", "demo-spec.json"));
    const indicators: string[] = spec.derive[0].indicators;
    expect(indicators.length).toBe(28);
    const range = await runCli(["entropy", "--data", PANEL, "--cols", "gdp_pc-road_area_pc", "--negative", "energy_intensity", "--json"]);
    const listed = await runCli(["entropy", "--data", PANEL, "--cols", indicators.join(","), "--negative", "energy_intensity", "--json"]);
    expect(range.code).toBe(0);
    expect(Object.keys(JSON.parse(range.out).weights)).toEqual(indicators);
    expect(range.out).toBe(listed.out);
  });

  test("ranges mix with names in any list flag; backwards or unknown ends are refused", async () => {
    const r = await runCli(["describe", "--data", G, "--cols", "firm", "inv-capital", "--json"]);
    expect(Object.keys(JSON.parse(r.out).stats)).toEqual(["firm", "inv", "value", "capital"]);
    const back = await runCli(["describe", "--data", G, "--cols", "capital-inv"]);
    expect(back.code).toBe(2);
    expect(back.err).toMatch(/range "capital-inv" \(--cols\) runs backwards: "inv" comes before "capital"/);
    const bad = await runCli(["describe", "--data", G, "--cols", "inv-capitl"]);
    expect(bad.err).toMatch(/range "inv-capitl" \(--cols\): there is no column named "capitl" \(did you mean "capital"\?\)/);
  });
});
