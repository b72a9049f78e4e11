/**
 * The built CLI (issue 19 item 8): scripts/build-cli.mjs bundles src/cli into one file that prints the same
 * as the sources (in-process main()), reads and writes .xlsx (ExcelJS loaded on first use), and answers
 * `nqp --help` in under 0.3 s beyond node's own start-up (the best of 5 runs each; node alone is timed
 * too, since this machine's load varies). bin/nqp.js picks the bundle only while it is fresh.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../support/cli";

jest.setTimeout(120_000);
const ROOT = join(__dirname, "../..");
const OUT = join(ROOT, "dist-cli", `test-${process.pid}`);
const BUNDLE = join(OUT, "nqp.js");
const G = join(ROOT, "data", "grunfeld.csv");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bin = require("../../bin/nqp.js") as { bundleProblem(root: string): string | null; entry(root: string): { kind: string; path: string } };

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs"), "--outdir", OUT], { encoding: "utf8" });
});
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const node = (args: string[], cwd = ROOT) => spawnSync(process.execPath, args, { encoding: "utf8", cwd });

function bestOf(n: number, args: string[]): number {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    const r = node(args);
    expect(r.status).toBe(0);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return best;
}

test("nqp --help from the bundle: same text as the sources, under 0.3 s beyond node's start-up", async () => {
  const r = node([BUNDLE, "--help"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe((await runCli(["--help"])).out);
  const bare = bestOf(5, ["-e", "0"]);
  const help = bestOf(5, [BUNDLE, "--help"]);
  console.log(`nqp --help from the bundle: ${help.toFixed(3)} s (node -e 0: ${bare.toFixed(3)} s)`);
  expect(help - bare).toBeLessThan(0.3);
});

test("the bundle computes what the sources compute (fe --json), and writes/reads .xlsx", async () => {
  const argv = ["fe", "--data", G, "--y", "inv", "--x", "value", "capital", "--fe", "firm", "year", "--cluster", "firm", "--json"];
  const r = node([BUNDLE, ...argv]);
  expect(r.stderr).toBe("");
  expect(r.stdout).toBe((await runCli(argv)).out);
  const dir = mkdtempSync(join(tmpdir(), "nqp-bundle-"));
  try {
    writeFileSync(join(dir, "s.json"), JSON.stringify({ tables: [{ kind: "regression", title: "T", models: [{ y: "inv", x: ["value"] }] }] }));
    const t = node([BUNDLE, "table", "--spec", "s.json", "--data", G, "--out", "t.xlsx", "--json"], dir);
    expect(t.status).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ExcelJS = require("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("d");
    ws.addRows([["a", "b"], [1, 2], [3, 5]]);
    await wb.xlsx.writeFile(join(dir, "d.xlsx"));
    const d = node([BUNDLE, "describe", "--data", "d.xlsx", "--cols", "a-b", "--json"], dir);
    expect(d.status).toBe(0);
    expect(JSON.parse(d.stdout).stats.b.mean).toBe(3.5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("bin/nqp.js uses the bundle only when it is fresh", () => {
  let root: string;
  const at = (f: string, seconds: number) => utimesSync(join(root, f), seconds, seconds);
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "nqp-bin-"));
    mkdirSync(join(root, "src", "cli", "commands"), { recursive: true });
    mkdirSync(join(root, "dist-cli"));
    writeFileSync(join(root, "src", "cli", "commands", "fe.ts"), "");
    writeFileSync(join(root, "src", "cli", "main.ts"), "");
    writeFileSync(join(root, "dist-cli", "nqp.js"), "");
    writeFileSync(join(root, "dist-cli", "inputs.json"), JSON.stringify({ commands: ["fe"], inputs: ["src/cli/main.ts", "src/cli/commands/fe.ts"] }));
    at("src/cli/main.ts", 1000);
    at("src/cli/commands/fe.ts", 1000);
    at("dist-cli/nqp.js", 2000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("fresh: the bundle", () => {
    expect(bin.bundleProblem(root)).toBeNull();
    expect(bin.entry(root)).toEqual({ kind: "bundle", path: join(root, "dist-cli", "nqp.js") });
  });
  test("a source edited after the build: tsx", () => {
    at("src/cli/main.ts", 3000);
    expect(bin.bundleProblem(root)).toBe("src/cli/main.ts is newer than the bundle");
    expect(bin.entry(root)).toEqual({ kind: "tsx", path: join(root, "src", "cli", "main.ts") });
  });
  test("a new command file, a deleted source, no bundle: tsx", () => {
    writeFileSync(join(root, "src", "cli", "commands", "lag.ts"), "");
    expect(bin.bundleProblem(root)).toBe("the commands changed");
    rmSync(join(root, "src", "cli", "commands", "lag.ts"));
    rmSync(join(root, "src", "cli", "main.ts"));
    expect(bin.bundleProblem(root)).toBe("src/cli/main.ts is gone");
    rmSync(join(root, "dist-cli", "nqp.js"));
    expect(bin.bundleProblem(root)).toBe("no bundle");
  });
  test("no sources beside it (an installed copy): the bundle", () => {
    rmSync(join(root, "src"), { recursive: true });
    expect(bin.bundleProblem(root)).toBeNull();
  });
});
