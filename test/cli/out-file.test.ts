/**
 * Output safety of every command that writes a file (issue 11 / issue 19): `--out` refuses an existing file
 * unless --replace, never writes over an input (not even with --replace), and a directory given as --data,
 * --spec or --out gets a message saying so (before: "internal error: EISDIR"). Also `--out FILE.csv` of
 * entropy / resilience / lag: the input plus the new column(s), read back and compared with --json.
 * Data: data/grunfeld.csv and data/nqp_panel.csv (shipped), copied into a temporary folder.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parseCsv } from "../../src/cli/data";
import { runCli } from "../support/cli";

const ROOT = join(__dirname, "../..");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nqp-out-"));
  copyFileSync(join(ROOT, "data", "grunfeld.csv"), join(dir, "grunfeld.csv"));
  copyFileSync(join(ROOT, "data", "nqp_panel.csv"), join(dir, "nqp_panel.csv"));
  writeFileSync(join(dir, "spec.json"), JSON.stringify({ tables: [{ kind: "regression", title: "T", models: [{ y: "inv", x: ["value"] }] }] }));
  mkdirSync(join(dir, "folder"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[]) => runCli(argv, dir);

/** Each writing command: its argv without --out, the extension it writes. */
const WRITERS: Record<string, { argv: string[]; ext: string }> = {
  entropy: { argv: ["entropy", "--data", "grunfeld.csv", "--cols", "inv,value,capital"], ext: ".csv" },
  resilience: { argv: ["resilience", "--data", "grunfeld.csv", "--id", "firm", "--time", "year", "--value", "inv"], ext: ".csv" },
  lag: { argv: ["lag", "--data", "grunfeld.csv", "--cols", "inv", "--id", "firm", "--time", "year"], ext: ".csv" },
  table: { argv: ["table", "--spec", "spec.json", "--data", "grunfeld.csv"], ext: ".xlsx" },
};

describe.each(Object.keys(WRITERS))("nqp %s --out", (name) => {
  const { argv, ext } = WRITERS[name];
  const out = `${name}-out${ext}`;

  test("writes a new file; refuses to overwrite it without --replace (file untouched); --replace overwrites", async () => {
    const first = await run([...argv, "--out", out]);
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    const before = readFileSync(join(dir, out));
    const again = await run([...argv, "--out", out]);
    expect(again.code).toBe(2);
    expect(again.err).toBe(`nqp: --out ${out} exists; add --replace to overwrite it, or give another name.\n`);
    expect(readFileSync(join(dir, out)).equals(before)).toBe(true);
    const replaced = await run([...argv, "--out", out, "--replace"]);
    expect(replaced.code).toBe(0);
    // No temporary file is left beside it.
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  test("never writes over an input file, even with --replace", async () => {
    const inputs = name === "table" ? ["grunfeld.csv", "spec.json"] : ["grunfeld.csv"];
    for (const input of inputs) {
      const size = statSync(join(dir, input)).size;
      const r = await run([...argv, "--out", input, "--replace"]);
      expect(r.code).toBe(2);
      // The extension check comes first for an input of another type.
      expect(r.err).toMatch(input.endsWith(ext) ? /is the input file; nqp never writes over its input \(not even with --replace\)/ : /--out must name a/);
      expect(statSync(join(dir, input)).size).toBe(size);
    }
  });

  test("a directory as --out or --data gets a clear message, not EISDIR", async () => {
    const d = await run([...argv, "--out", "folder"]);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/^nqp: --out names a directory, not a file: "folder"\. Give a file name, e.g\. folder\/result\./);
    const data = argv.map((a) => (a === "grunfeld.csv" ? "folder" : a));
    const dd = await run([...data, "--out", `x${ext}`]);
    expect(dd.code).toBe(2);
    expect(dd.err).toMatch(/--data names a directory, not a file: "folder"/);
    expect(dd.err).not.toMatch(/internal error|EISDIR/);
  });
});

test("every command that reads a file answers a directory as --data with a clear message", async () => {
  for (const argv of [
    ["fe", "--data", "folder", "--y", "inv", "--x", "value"],
    ["describe", "--data", "folder", "--cols", "inv"],
    ["table", "--spec", "folder", "--data", "grunfeld.csv", "--out", "s.xlsx"],
  ]) {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/names a directory, not a file: "folder"/);
  }
});

describe("--out FILE.csv is the input plus the new columns", () => {
  const read = (f: string) => parseCsv(readFileSync(join(dir, f), "utf8"));
  const input = () => read("nqp_panel.csv");

  test("entropy --name NQP: every input row and field unchanged, NQP equals the --json scores", async () => {
    const args = ["entropy", "--data", "nqp_panel.csv", "--cols", "gdp_pc-road_area_pc", "--negative", "energy_intensity"];
    const j = JSON.parse((await run([...args, "--json"])).out);
    const r = await run([...args, "--name", "NQP", "--out", "with_nqp.csv"]);
    expect(r.out).toContain("Wrote nqp_panel.csv plus the column NQP to with_nqp.csv.");
    const rows = read("with_nqp.csv");
    const orig = input();
    expect(rows.length).toBe(orig.length);
    expect(rows[0]).toEqual([...orig[0], "NQP"]);
    rows.forEach((row, i) => expect(row.slice(0, -1)).toEqual(orig[i]));
    // Exactly the JSON numbers (shortest round-trip text), not rounded.
    rows.slice(1).forEach((row, i) => expect(Number(row[row.length - 1])).toBe(j.scores[i]));
  });

  test("resilience --name ER: blank where undefined (the first period), else the --json value", async () => {
    const args = ["resilience", "--data", "nqp_panel.csv", "--id", "city_id", "--time", "year", "--value", "gdp_pc", "--national", "national_gdp_pc"];
    const j = JSON.parse((await run([...args, "--json"])).out);
    expect((await run([...args, "--name", "ER", "--out", "with_er.csv"])).code).toBe(0);
    const rows = read("with_er.csv");
    expect(rows[0][rows[0].length - 1]).toBe("ER");
    rows.slice(1).forEach((row, i) => {
      const v = row[row.length - 1];
      if (j.values[i] === null) expect(v).toBe("");
      else expect(Number(v)).toBe(j.values[i]);
    });
    expect(rows.slice(1).filter((r) => r[r.length - 1] === "").length).toBe(284);
  });

  test("lag: L1_gdp_pc is gdp_pc of the same city one year earlier", async () => {
    expect((await run(["lag", "--data", "nqp_panel.csv", "--cols", "gdp_pc", "--id", "city_id", "--time", "year", "--out", "with_lag.csv"])).code).toBe(0);
    const rows = read("with_lag.csv");
    const h = rows[0];
    const [ci, yi, gi, li] = ["city_id", "year", "gdp_pc", "L1_gdp_pc"].map((c) => h.indexOf(c));
    const at = new Map(rows.slice(1).map((r) => [`${r[ci]}|${r[yi]}`, r[gi]]));
    let defined = 0;
    for (const r of rows.slice(1)) {
      const prev = at.get(`${r[ci]}|${Number(r[yi]) - 1}`);
      if (prev === undefined) expect(r[li]).toBe("");
      else {
        expect(Number(r[li])).toBe(Number(prev));
        defined++;
      }
    }
    expect(defined).toBe(2840);
  });

  test("a new column that already exists is refused; --name needs one column", async () => {
    const clash = await run(["entropy", "--data", "nqp_panel.csv", "--cols", "gdp_pc,avg_wage", "--name", "GDP", "--out", "clash.csv"]);
    expect(clash.code).toBe(2);
    expect(clash.err).toMatch(/nqp_panel\.csv already has a column named "GDP"; choose another --name/);
    expect(existsSync(join(dir, "clash.csv"))).toBe(false);
    const two = await run(["lag", "--data", "nqp_panel.csv", "--cols", "gdp_pc,avg_wage", "--id", "city_id", "--time", "year", "--name", "L"]);
    expect(two.err).toMatch(/--name names one new column, but --cols has 2/);
  });
});
