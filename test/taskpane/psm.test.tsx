/**
 * @jest-environment jsdom
 *
 * The task pane's PSM-FE model: the form (method, caliper / bandwidth, by period), buildSpec's messages,
 * and the job through the engine protocol, whose nearest / radius / kernel columns equal
 * test/reference/psm/expected/psm_panel_byyear_{nn1, radius005, kernel_epan006}.fe_unweighted_no_singletons
 * (NQP coefficient and CR1 t, 1e-8 relative) and whose balance table is the second table.
 */
import * as React from "react";
import { render, screen, fireEvent } from "@testing-library/react";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ModelForm } from "../../src/taskpane/components/ModelForm";
import { buildSpec, initialState, ModelState } from "../../src/taskpane/model-state";
import { EngineClient, inProcessPort } from "../../src/taskpane/worker/client";
import type { JobOutput, PsmJobSpec } from "../../src/taskpane/worker/protocol";
import type { VariableProfile } from "../../src/taskpane/worker/profile";
import { nqpCitiesWithIndices } from "../support/reference";
import { close, readPsmCase } from "../engine/matching/cases";

const CONTROLS = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];
const psmState = (patch: Partial<ModelState> = {}): ModelState => ({
  ...initialState(), kind: "psm", y: "ER", x: ["NQP"], controls: CONTROLS, fe: ["city_id", "year"], cluster: ["city_id"], timeVar: "year", ...patch,
});

describe("PSM form", () => {
  const vars = ["ER", "NQP", ...CONTROLS, "city_id", "year"].map((name) => ({ name, type: "numeric", nMissing: 0, nDistinct: 100, firstTextRow: 0 }) as unknown as VariableProfile);
  function Harness({ initial }: { initial: ModelState }) {
    const [s, set] = React.useState(initial);
    return (
      <FluentProvider theme={webLightTheme}>
        <ModelForm state={s} variables={vars} onChange={(p) => set((x) => ({ ...x, ...p }))} />
        <output data-testid="state">{JSON.stringify({ m: s.psmMethod, c: s.psmCaliper, b: s.psmBwidth, p: s.psmByPeriod })}</output>
      </FluentProvider>
    );
  }
  it("shows method, caliper, bandwidth and by-period; choosing kernel hides the caliper", () => {
    render(<Harness initial={psmState()} />);
    const method = screen.getByRole("combobox", { name: "Matching method" });
    expect(screen.getByLabelText("Radius (caliper)")).toBeInTheDocument();
    expect(screen.getByLabelText("Kernel bandwidth")).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: /Match period by period/ })).toBeChecked();
    fireEvent.change(method, { target: { value: "kernel" } });
    expect(screen.queryByLabelText("Radius (caliper)")).toBeNull();
    fireEvent.change(screen.getByLabelText("Kernel bandwidth"), { target: { value: "0.1" } });
    fireEvent.click(screen.getByRole("checkbox", { name: /Match period by period/ }));
    expect(JSON.parse(screen.getByTestId("state").textContent!)).toEqual({ m: "kernel", c: 0.05, b: 0.1, p: false });
  });
  it("buildSpec: the job spec, and messages for what is missing", () => {
    expect(buildSpec(psmState())).toMatchObject({ kind: "psm", method: "all", caliper: 0.05, bwidth: 0.06, by: "year", x: ["NQP"], controls: CONTROLS });
    expect(() => buildSpec(psmState({ controls: [] }))).toThrow(/covariates of the propensity score/);
    expect(() => buildSpec(psmState({ psmMethod: "radius", psmCaliper: 0 }))).toThrow(/radius > 0/);
    expect(() => buildSpec(psmState({ timeVar: "" }))).toThrow(/time variable/);
  });
});

describe("PSM job (engine protocol)", () => {
  let out: JobOutput;
  beforeAll(async () => {
    const client = new EngineClient(inProcessPort());
    const cells = nqpCitiesWithIndices();
    client.beginLoad(cells[0], cells.length - 1);
    for (let i = 1; i < cells.length; i += 1000) client.appendRows(cells.slice(i, i + 1000));
    await client.endLoad();
    const spec = buildSpec(psmState()) as PsmJobSpec;
    out = await client.run(spec, { paren: "t", decimals: 3 }).result;
  }, 60000);
  it("three columns equal the reference regressions on the matched samples; the balance table comes second", () => {
    const est = out.table.rows.find((r) => r.role === "estimate" && r.key === "NQP")!;
    const par = out.table.rows.find((r) => r.role === "paren" && r.key === "NQP")!;
    ["nn1", "radius005", "kernel_epan006"].forEach((m, j) => {
      const ref = readPsmCase(`psm_panel_byyear_${m}`).results.fe_unweighted_no_singletons;
      const e = est.cells[j + 1], t = par.cells[j + 1];
      close(e.kind === "number" ? e.value : NaN, ref.coef.NQP, `${m} coef`);
      close(t.kind === "number" ? t.value : NaN, ref.t.cr1.NQP, `${m} t`);
    });
    expect(out.extraTables).toHaveLength(1);
    expect(out.extraTables![0].title).toMatch(/Balance test/);
  });
});
