/**
 * The mediation table's indirect-effect rows and its sample note (issue 19 item 5), on nqp_cities with the
 * reference NQP and ER (test/support/reference.ts). Sources: test/reference case nqp_mediation_DI
 * (results.common_sample.sobel: indirect_ab, se_ab, z, p_two_sided, proportion_mediated; eq2_a_path.N) and
 * nqp_mechanism_DI (the a path on the mediator's own 3,124 rows: N and the NQP coefficient), 1e-8 relative.
 * The bootstrap has no reference values: the cells must be the engine's bootstrap record, laid out.
 */
import { frameFromCells } from "../../src/engine/frame";
import { fitLinear } from "../../src/engine/models/linear";
import { mediate } from "../../src/engine/models/mediation";
import { formatNumber } from "../../src/report/formats";
import { buildMediationTable, indirectEffect } from "../../src/report/mediation-table";
import { runTable } from "../../src/report/run-spec";
import { validateSpecFile } from "../../src/report/spec";
import { Table, TableCell } from "../../src/report/table";
import { nqpCitiesWithIndices, readCase, relErr } from "../support/reference";

const TOL = 1e-8;
const frame = frameFromCells(nqpCitiesWithIndices());
const controls = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];
const model = { y: "ER", treat: "NQP", mediators: ["DI"], controls, fe: ["city_id", "year"], cluster: ["city_id"] };
const ref = readCase("nqp_mediation_DI").results.common_sample;
const mech = readCase("nqp_mechanism_DI").results;
const labels = { city_id: "City", year: "Year" };

const value = (c: TableCell) => (c.kind === "number" ? c.value : NaN);
const shown = (c: TableCell) => (c.kind === "number" ? formatNumber(c.value, c.format) : c.kind === "text" ? c.text : "");
const stat = (t: Table, key: string, role = "stat") => {
  const r = t.rows.find((x) => x.role === role && x.key === key);
  if (!r) throw new Error(`no ${role} row ${key}: ${t.rows.map((x) => `${x.role}:${x.key}`).join(" ")}`);
  return r.cells;
};

describe("mediation table: a*b, SE, bootstrap interval, share mediated", () => {
  let table: Table;
  let boot: NonNullable<Awaited<ReturnType<typeof mediate>>["mediators"][0]["bootstrap"]>;

  beforeAll(async () => {
    const r = (await mediate(frame, { ...model, bootstrap: { reps: 40, seed: 7 } })).mediators[0];
    boot = r.bootstrap!;
    const own = fitLinear(frame, { y: "DI", x: ["NQP", ...controls], fe: model.fe, cluster: model.cluster });
    table = buildMediationTable({
      title: "Mediation",
      total: r.total,
      aPath: r.aPath,
      outcome: r.outcome!,
      indirect: [r.sobel],
      effect: indirectEffect(r),
      aPathOwnSample: own,
      controls,
      labels,
      feRows: { city_id: "City FE", year: "Year FE" },
    });
  }, 120000);

  test("a*b with its delta-method SE in parentheses, Sobel z [p] and the share mediated in column (3) = nqp_mediation_DI", () => {
    const ab = stat(table, "indirect");
    expect(ab[0]).toEqual({ kind: "text", text: "Indirect effect a*b" });
    expect(shown(ab[1])).toBe("");
    expect(shown(ab[2])).toBe("");
    expect(relErr(value(ab[3]), ref.sobel.indirect_ab)).toBeLessThan(TOL);
    const se = stat(table, "indirect", "stat2");
    expect(relErr(value(se[3]), ref.sobel.se_ab)).toBeLessThan(TOL);
    expect(shown(se[3])).toBe("(0.712)");
    expect(relErr(value(stat(table, "sobel")[3]), ref.sobel.z)).toBeLessThan(TOL);
    expect(relErr(value(stat(table, "sobel", "stat2")[3]), ref.sobel.p_two_sided)).toBeLessThan(TOL);
    const share = stat(table, "share_mediated");
    expect(share[0]).toEqual({ kind: "text", text: "Share mediated (a*b/c)" });
    expect(relErr(value(share[3]), ref.sobel.proportion_mediated)).toBeLessThan(TOL);
  });

  test("bootstrap SE and percentile interval are the engine's bootstrap record, with replications and seed in the note", () => {
    expect(value(stat(table, "indirect_boot_se")[3])).toBe(boot.se);
    expect(stat(table, "indirect_ci_low")[0]).toEqual({ kind: "text", text: "Bootstrap 95% CI, lower" });
    expect(value(stat(table, "indirect_ci_low")[3])).toBe(boot.ciLow);
    expect(value(stat(table, "indirect_ci_high")[3])).toBe(boot.ciHigh);
    expect(boot.ciLow).toBeLessThan(ref.sobel.indirect_ab);
    expect(boot.ciHigh).toBeGreaterThan(ref.sobel.indirect_ab);
    expect(table.notes).toContain("Bootstrap SE and 95% percentile interval of a*b: 40 replications of a cluster bootstrap by City (seed 7) on the sample of column (3).");
    expect(table.notes).toContain("Indirect effect a*b = a (NQP in column (2)) x b (DI in column (3)), its delta-method (Sobel) standard error in parentheses; share mediated = a*b / c, c the NQP coefficient in column (1).");
    // Row order under the estimates.
    const keys = table.rows.filter((r) => r.role === "stat").map((r) => r.key);
    expect(keys).toEqual(["n", "r2", "indirect", "sobel", "indirect_boot_se", "indirect_ci_low", "indirect_ci_high", "share_mediated"]);
  });

  test("the a-path note gives the mechanism table's N (3124) and NQP coefficient (nqp_mechanism_DI) against column (2)'s N (2840)", () => {
    expect(value(stat(table, "n")[2])).toBe(ref.eq2_a_path.N);
    expect(ref.eq2_a_path.N).toBe(2840);
    expect(mech.N).toBe(3124);
    const note = table.notes.find((n) => n.startsWith("Column (2) uses"));
    expect(note).toBe(
      `Column (2) uses the 2840 rows where ER is also present (the common sample of the three equations), not all 3124 rows with DI, NQP and the controls that a mechanism regression of DI uses; there the NQP coefficient is ${mech.coef.NQP.toFixed(3)}.`,
    );
  });

  test("no bootstrap: no bootstrap rows or note; same samples: no a-path note; no effect: the rows of before", async () => {
    const r = (await mediate(frame, model)).mediators[0];
    const t = buildMediationTable({ title: "M", total: r.total, aPath: r.aPath, outcome: r.outcome!, indirect: [r.sobel], effect: indirectEffect(r), aPathOwnSample: r.aPath });
    expect(t.rows.filter((x) => x.role === "stat").map((x) => x.key)).toEqual(["n", "r2", "indirect", "sobel", "share_mediated"]);
    expect(t.notes.some((n) => /Bootstrap|Column \(2\) uses/.test(n))).toBe(false);
    const bare = buildMediationTable({ title: "M", total: r.total, aPath: r.aPath, outcome: r.outcome!, indirect: [r.sobel] });
    expect(bare.rows.filter((x) => x.role === "stat").map((x) => x.key)).toEqual(["n", "r2", "sobel"]);
  }, 60000);
});

describe("mediation table spec: bootstrap field", () => {
  const base = { kind: "mediation", title: "M", labels, model: { y: "ER", treat: "NQP", mediator: "DI", x: controls, fe: ["city_id", "year"], cluster: ["city_id"] } };

  test("runs the bootstrap asked for (replications and seed in the note, interval rows present)", async () => {
    const spec = validateSpecFile({ ...base, bootstrap: { reps: 20, seed: 11, level: 0.9 } }).tables[0];
    const t = await runTable(frame, spec);
    expect(stat(t, "indirect_ci_low")[0]).toEqual({ kind: "text", text: "Bootstrap 90% CI, lower" });
    expect(t.notes.some((n) => n.includes("20 replications of a cluster bootstrap by City (seed 11)"))).toBe(true);
    expect(t.notes.some((n) => n.startsWith("Column (2) uses the 2840 rows"))).toBe(true);
  }, 60000);

  test.each([
    [{ reps: 20 }, /bootstrap needs "seed"/],
    [{ reps: 20, seed: 1, replications: 3 }, /bootstrap has no field "replications"/],
    [{ reps: "many", seed: 1 }, /bootstrap needs "reps" \(a number\)/],
    [[500], /bootstrap must be an object/],
  ])("bad bootstrap %j is refused", (bootstrap, msg) => {
    expect(() => validateSpecFile({ ...base, bootstrap })).toThrow(msg);
  });
});
