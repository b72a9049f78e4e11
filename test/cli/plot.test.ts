/** `nqp plot`: each kind writes an SVG (or PNG) from the shipped panel or small CSVs; errors name the flag. */
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli, writeCsv } from "../support/cli";
import * as F from "../report/charts/fixtures";

const dir = mkdtempSync(join(tmpdir(), "nqp-plot-"));
const PANEL = ["--data", "data/nqp_panel.csv", "--spec", "data/demo-spec.json"];

describe("nqp plot", () => {
  it("coef --stepwise: one column per added control, JSON summary", async () => {
    const out = join(dir, "coef.svg");
    const r = await runCli(["plot", "--kind", "coef", ...PANEL, "--y", "ER", "--x", "NQP", "--controls", "GDP,FTE", "--stepwise", "--fe", "city_id,year", "--cluster", "city_id", "--out", out, "--json"]);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).series).toEqual([{ name: "NQP", n: 3 }]);
    expect(readFileSync(out, "utf8")).toMatch(/^<svg[\s\S]*\(3\)/);
  });
  it("trend and map (PNG) on the panel", async () => {
    const png = join(dir, "map.png");
    expect((await runCli(["plot", "--kind", "trend", ...PANEL, "--value", "NQP", "--group", "hu_east", "--marker", "2016", "--out", join(dir, "t.svg")])).code).toBe(0);
    expect((await runCli(["plot", "--kind", "map", ...PANEL, "--value", "NQP", "--where", "year=2020", "--out", png])).code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
  });
  it("weights from the spec's entropy step", async () => {
    const r = await runCli(["plot", "--kind", "weights", ...PANEL, "--index", "NQP", "--out", join(dir, "w.svg"), "--json"]);
    expect(JSON.parse(r.out).series[0].n).toBe(28);
  });
  it("moran, lisa, geoshapley-map and the SHAP kinds from plain columns", async () => {
    const m = F.moranInput(10);
    const sh = F.shapInput(10);
    const csv = join(dir, "plain.csv");
    const shapCsv = join(dir, "shap.csv");
    writeCsv(csv, [["z", "wz", "lon", "lat", "c", "g", ...sh.names], ...m.z.map((z, i) => [z, m.wz[i], 100 + i, 30 + i, i % 5, z / 10, ...sh.values.map((v) => v[i])])]);
    writeCsv(shapCsv, [sh.names, ...m.z.map((_, i) => sh.shap.map((v) => v[i]))]);
    const cases = [
      ["--kind", "moran", "--z", "z", "--wz", "wz"],
      ["--kind", "lisa", "--lisa", "c"],
      ["--kind", "geoshapley-map", "--value", "g"],
      ["--kind", "shap-summary", "--shap", shapCsv, "--features", sh.names.join(",")],
      ["--kind", "shap-bar", "--shap", shapCsv, "--features", sh.names.join(",")],
      ["--kind", "shap-dependence", "--shap", shapCsv, "--features", sh.names.join(","), "--feature", "NQP", "--colour", "GDP"],
    ];
    for (const c of cases) {
      const r = await runCli(["plot", ...c, "--data", csv, "--out", join(dir, `${c[1]}.svg`)]);
      expect([c[1], r.code, r.err]).toEqual([c[1], 0, ""]);
    }
  });
  it("errors name the missing flag and the bad extension", async () => {
    const r = await runCli(["plot", "--kind", "trend", ...PANEL, "--out", join(dir, "x.svg")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--kind trend needs --value/);
    const r2 = await runCli(["plot", "--kind", "trend", ...PANEL, "--value", "NQP", "--out", join(dir, "x.pdf")]);
    expect(r2.err).toMatch(/\.svg or \.png/);
  });
});
