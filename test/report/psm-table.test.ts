/**
 * The "psm" table kind of `nqp table` specs: validation messages, and the pooled variant's ATT row and
 * regression against test/reference/psm/expected/psm_panel_pooled_kernel_epan006.json (1e-8 relative).
 */
import { frameFromCells } from "../../src/engine/frame";
import { runTable } from "../../src/report/run-spec";
import { validateSpecFile, TableSpec } from "../../src/report/spec";
import { nqpCitiesWithIndices } from "../support/reference";
import { close, readPsmCase } from "../engine/matching/cases";

const CTRL = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];
const base = {
  kind: "psm", title: "Table 4: PSM", psm: { treat: "above-median:NQP", x: CTRL, outcome: "ER", by: "year", pooled: true },
  methods: [{ method: "kernel" }], model: { y: "ER", x: ["NQP", ...CTRL], fe: ["city_id", "year"], cluster: ["city_id"] },
};

describe("psm table spec validation", () => {
  it.each([
    [{ ...base, methods: [] }, /non-empty "methods"/],
    [{ ...base, psm: { x: CTRL } }, /needs "psm"/],
    [{ ...base, psm: { ...base.psm, caliper: 0.1 } }, /psm has no field "caliper"/],
    [{ ...base, model: undefined }, /needs "model"/],
    [{ ...base, show: "both" }, /"regression" or "balance"/],
    [{ ...base, balanceMethod: 3 }, /balanceMethod must index/],
    [{ ...base, method: "nn" }, /has no field "method"/],
  ])("%#: a clear message", (t, msg) => {
    expect(() => validateSpecFile({ tables: [t] })).toThrow(msg as RegExp);
  });
});

describe("psm table on the reference panel (pooled kernel)", () => {
  it("ATT row and the NQP coefficient equal psm_panel_pooled_kernel_epan006", async () => {
    const r = readPsmCase("psm_panel_pooled_kernel_epan006").results;
    const frame = frameFromCells(nqpCitiesWithIndices());
    const spec = validateSpecFile({ tables: [base] }).tables[0] as TableSpec;
    const t = await runTable(frame, spec);
    const cell = (role: string, key: string) => {
      const row = t.rows.find((x) => x.role === role && x.key === key);
      if (!row) throw new Error(`no ${role} row ${key}: ${t.rows.map((x) => `${x.role}:${x.key}`).join(" ")}`);
      const c = row.cells[1];
      return c.kind === "number" ? c.value : NaN;
    };
    close(cell("estimate", "NQP"), r.fe_unweighted_no_singletons.coef.NQP, "NQP coef");
    close(cell("paren", "NQP"), r.fe_unweighted_no_singletons.t.cr1.NQP, "NQP t");
    close(cell("stat", "psm_att"), r.matching.per_group.all.ATT, "ATT");
  });
});
