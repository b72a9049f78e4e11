/**
 * @jest-environment jsdom
 *
 * Component tests of the task pane: every model form, the run/preview/write/history flow and the error
 * states. The pane runs over the in-memory workbook holding nqp_cities.csv + reference NQP/ER
 * (test/reference; test/support/reference.ts) and the in-process engine. Numeric agreement with the
 * reference cases is asserted in jobs-regression.test.ts; here the written sheet must hold the same
 * numbers the preview shows (nqp_table3_col6 NQP coefficient, written as a numeric cell).
 */
import { screen, fireEvent, within, waitFor } from "@testing-library/react";
import "@testing-library/jest-dom";
import { chooseModel, erOnNqp, grunfeldWorkbook, loadData, NQP_COLUMNS, nqpWorkbook, openForm, renderPane, runModel, selectVar, tick } from "./support/pane-fixture";
import { readCase, relErr } from "../support/reference";

jest.setTimeout(120000);

test("data panel: N rows, variable types, missing counts, detected panel id and time", async () => {
  renderPane(nqpWorkbook());
  await loadData();
  expect(screen.getByTestId("data-summary")).toHaveTextContent(`3,124 rows, ${NQP_COLUMNS.length} variables`);
  const vars = screen.getByRole("table", { name: "Variables" });
  const cityName = within(vars).getByText("city_name").closest("tr")!;
  expect(cityName).toHaveTextContent("text");
  const er = within(vars).getByText("ER").closest("tr")!;
  expect(er).toHaveTextContent("numeric");
  expect(er).toHaveTextContent("284");
  await waitFor(() => expect(screen.getByRole("combobox", { name: "Panel id" })).toHaveValue("city_id"));
  expect(screen.getByRole("combobox", { name: "Time" })).toHaveValue("year");
});

test("fixed effects: defaults (city + year FE, cluster by city), run, preview, write a new sheet, history", async () => {
  const wb = nqpWorkbook();
  await openForm("fe", wb);
  erOnNqp();
  tick("Controls", "GDP", "FTE", "BOOK", "OPEN", "FEF");
  expect(screen.getByRole("group", { name: "Fixed effects (absorbed)" })).toHaveTextContent("city_id, year");
  expect(screen.getByRole("group", { name: "Cluster by" })).toHaveTextContent("city_id");
  await runModel();
  const preview = await screen.findByTestId("preview-table");
  expect(preview).toHaveTextContent("(6)");
  fireEvent.click(screen.getByRole("button", { name: "Write table" }));
  await screen.findByText(/The table is on the new sheet/);
  const sheet = wb.sheets.find((s) => s.name.startsWith("Baseline"))!;
  expect(sheet).toBeDefined();
  const block = wb.block(sheet.name);
  const nqpRow = block.find((r) => r[0] === "NQP")!;
  expect(relErr(nqpRow[6] as number, readCase("nqp_table3_col6").results.coef.NQP)).toBeLessThan(1e-8);
  // History lists the run; Re-run asks first (naming the cells it replaces), then refreshes that sheet in place.
  const runs = await screen.findByRole("list", { name: "Runs" });
  await within(runs).findByText(sheet.name);
  const before = wb.sheets.length;
  fireEvent.click(within(runs).getByRole("button", { name: `Re-run ${sheet.name}` }));
  const confirm = within(runs).getByRole("group", { name: `Confirm re-run of ${sheet.name}` });
  expect(confirm).toHaveTextContent(/Re-run replaces cells A1:[A-Z]+\d+ of ".*" \(the table the add-in wrote\).*other cells on that sheet are kept/);
  fireEvent.click(within(confirm).getByRole("button", { name: "Cancel" }));
  expect(within(runs).queryByRole("group")).toBeNull();
  fireEvent.click(within(runs).getByRole("button", { name: `Re-run ${sheet.name}` }));
  fireEvent.click(within(runs).getByRole("button", { name: "Replace" }));
  await screen.findByText(/was re-run on the current data/, {}, { timeout: 30000 });
  expect(wb.sheets.length).toBe(before);
});

test("error: a text column chosen as regressor shows a MessageBar naming it and the rows", async () => {
  await openForm("fe");
  selectVar("Dependent variable (y)", "ER");
  tick("Key regressor(s)", "city_name (text)");
  await runModel();
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent(/regressor "city_name" must be numeric, but 3124 of its 3124 rows hold text/);
  expect(alert).toHaveTextContent(/Choose a numeric variable/);
});

test("error: missing choices are named before anything runs", async () => {
  await openForm("iv");
  fireEvent.click(screen.getByRole("button", { name: "Run" }));
  expect(await screen.findByText(/Choose the dependent variable\./)).toBeInTheDocument();
  erOnNqp("Endogenous regressor(s)");
  fireEvent.click(screen.getByRole("button", { name: "Run" }));
  expect(await screen.findByText(/Choose at least one excluded instrument\./)).toBeInTheDocument();
});

test("error: a header-only selection says what the data block needs", async () => {
  const wb = nqpWorkbook();
  renderPane(wb);
  wb.select("Data", 0, 0, 1, 3);
  fireEvent.click(screen.getByRole("button", { name: /use data/i }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent(/header row with variable names and at least one data row/);
});

test("IV form: instruments field, first and second stage in the preview", async () => {
  await openForm("iv");
  erOnNqp("Endogenous regressor(s)");
  tick("Excluded instruments", "GDP");
  tick("Controls", "FTE", "BOOK");
  await runModel();
  const preview = await screen.findByTestId("preview-table");
  expect(preview).toHaveTextContent("First stage");
  expect(preview).toHaveTextContent("Second stage");
});

test("mediation form: mediator and bootstrap fields; three equations and the Sobel row", async () => {
  await openForm("mediation");
  erOnNqp();
  selectVar("Mediator", "DI");
  expect(screen.getByRole("spinbutton", { name: /Bootstrap replications/ })).toBeInTheDocument();
  await runModel();
  const preview = await screen.findByTestId("preview-table");
  expect(preview).toHaveTextContent(/Sobel/);
  expect(preview).toHaveTextContent("(3)");
});

test("heterogeneity form: split variable and rule", async () => {
  await openForm("heterogeneity");
  erOnNqp();
  selectVar("Split by", "hu_east");
  await runModel();
  expect(await screen.findByTestId("preview-table")).toHaveTextContent("hu_east = 1");
});

test("robustness form: checks, alternative outcome asked for when chosen", async () => {
  await openForm("robustness");
  erOnNqp();
  fireEvent.click(screen.getByRole("checkbox", { name: "Alternative outcome" }));
  fireEvent.click(screen.getByRole("button", { name: "Run" }));
  expect(await screen.findByText(/needs the alternative outcome variable/)).toBeInTheDocument();
  selectVar("Alternative outcome", "UR");
  await runModel();
  expect(await screen.findByTestId("preview-table")).toHaveTextContent("Alternative outcome: UR");
});

test("descriptive statistics form", async () => {
  await openForm("describe");
  tick("Variables", "ER", "NQP");
  await runModel();
  const preview = await screen.findByTestId("preview-table");
  expect(preview).toHaveTextContent("Mean");
  expect(preview).toHaveTextContent("NQP");
});

test("entropy index form: indicators with direction and layer, weights table", async () => {
  await openForm("entropy");
  const search = screen.getByRole("textbox", { name: "Search Indicators" });
  fireEvent.change(search, { target: { value: "apps" } });
  tick("Indicators", "invention_apps", "utility_apps");
  fireEvent.change(search, { target: { value: "energy" } });
  tick("Indicators", "energy_intensity");
  fireEvent.change(screen.getByRole("combobox", { name: "Direction of energy_intensity" }), { target: { value: "-1" } });
  fireEvent.change(screen.getByRole("textbox", { name: "Layer of energy_intensity" }), { target: { value: "Green" } });
  fireEvent.change(screen.getByRole("textbox", { name: "Name of the new index" }), { target: { value: "IDX" } });
  await runModel();
  const preview = await screen.findByTestId("preview-table");
  expect(preview).toHaveTextContent("energy_intensity");
  expect(preview).toHaveTextContent("Layer Green");
});

test("resilience index form", async () => {
  await openForm("resilience");
  selectVar("Level variable", "gdp_pc");
  selectVar("National level (optional)", "national_gdp_pc");
  fireEvent.change(screen.getByRole("textbox", { name: "Name of the new index" }), { target: { value: "ER2" } });
  await runModel();
  expect(await screen.findByTestId("preview-table")).toHaveTextContent("National growth G");
});

test("options: SE in parentheses and decimals change the preview", async () => {
  await openForm("fe");
  erOnNqp();
  fireEvent.click(screen.getByRole("radio", { name: "SE in ( )" }));
  await runModel();
  const before = (await screen.findByTestId("preview-table")).textContent!;
  expect(screen.getByRole("figure", { name: /Preview/ })).toHaveTextContent(/clustered by City in parentheses/i);
  // Two decimals instead of three: the same table, shorter numbers.
  fireEvent.change(screen.getByRole("spinbutton", { name: "Decimals" }), { target: { value: "2" } });
  fireEvent.blur(screen.getByRole("spinbutton", { name: "Decimals" }));
  await runModel();
  await waitFor(() => expect(screen.getByTestId("preview-table").textContent!.length).toBeLessThan(before.length));
});

test("an index built in the pane becomes a variable for the next model", async () => {
  await openForm("resilience");
  selectVar("Level variable", "gdp_pc");
  fireEvent.change(screen.getByRole("textbox", { name: "Name of the new index" }), { target: { value: "ER_new" } });
  await runModel();
  expect(await screen.findByText(/ER_new is now a variable of the loaded data/)).toBeInTheDocument();
  chooseModel("fe");
  expect(within(screen.getByRole("group", { name: "Key regressor(s)" })).getByRole("checkbox", { name: "ER_new" })).toBeInTheDocument();
});

test("Cancel stops a long run (mediation bootstrap) and says nothing was written", async () => {
  await openForm("mediation");
  erOnNqp();
  selectVar("Mediator", "DI");
  const reps = screen.getByRole("spinbutton", { name: /Bootstrap replications/ });
  fireEvent.change(reps, { target: { value: "5000" } });
  fireEvent.blur(reps);
  fireEvent.click(screen.getByRole("button", { name: "Run" }));
  await screen.findByText(/bootstrap DI: [1-9]\d* of 5000/, {}, { timeout: 60000 });
  expect(screen.getByRole("progressbar", { name: "Running the model" })).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
  expect(await screen.findByText(/The run was cancelled\. Nothing was written/, {}, { timeout: 30000 })).toBeInTheDocument();
  expect(screen.queryByTestId("preview-table")).toBeNull();
});

test("accessibility: every control of every form has a name; the pane is keyboard-reachable native controls", async () => {
  const { container } = renderPane(grunfeldWorkbook());
  await loadData();
  const { computeAccessibleName } = await import("dom-accessibility-api");
  for (const kind of ["describe", "fe", "iv", "mediation", "heterogeneity", "robustness", "entropy", "resilience"]) {
    chooseModel(kind);
    if (kind === "entropy") tick("Indicators", "value", "capital");
    const controls = container.querySelectorAll("input, select, button, textarea");
    expect(controls.length).toBeGreaterThan(5);
    controls.forEach((el) => {
      const name = computeAccessibleName(el);
      if (!name.trim()) throw new Error(`${kind}: a ${el.tagName.toLowerCase()} (${el.outerHTML.slice(0, 120)}) has no accessible name`);
      // Only the spin buttons' arrows leave the tab order (Fluent: the arrow keys step the value).
      if (el.getAttribute("tabindex") === "-1") expect(el.closest(".fui-SpinButton")).not.toBeNull();
    });
  }
});
