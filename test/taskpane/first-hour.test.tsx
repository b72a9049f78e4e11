/**
 * @jest-environment jsdom
 *
 * Issue 19 item 6, the pane a new user meets: step headings in order before any data; the panel id, the
 * time variable and text columns greyed (with the reason) where a number is needed, still offered as fixed
 * effects; tables labelled as the workbook's ("City FE", "clustered by City"); a preview wider than the pane
 * says so and can be fitted. Data: nqp_cities.csv + reference NQP/ER (test/support/reference.ts).
 */
import { screen, fireEvent, within } from "@testing-library/react";
import "@testing-library/jest-dom";
import { erOnNqp, openForm, renderPane, runModel, tick } from "./support/pane-fixture";
import { nqpWorkbook } from "./support/pane-fixture";

jest.setTimeout(120000);

test("step headings read 1, 2, 3, 4 before the data are loaded", () => {
  renderPane(nqpWorkbook());
  expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["1. Data", "2. Model", "3. Run", "4. History"]);
});

test("panel id, time and text columns are greyed with the reason as regressors and outcome; still offered as FE and clusters", async () => {
  await openForm("fe");
  const key = screen.getByRole("group", { name: "Key regressor(s)" });
  expect(within(key).getByRole("checkbox", { name: "city_id (panel id)" })).toBeDisabled();
  expect(within(key).getByRole("checkbox", { name: "year (time)" })).toBeDisabled();
  expect(within(key).getByRole("checkbox", { name: "city_name (text)" })).toBeDisabled();
  expect(within(key).getByRole("checkbox", { name: "NQP" })).not.toBeDisabled();
  expect(key).toHaveTextContent(/Greyed out: the panel id, the time variable and text columns/);
  const controls = screen.getByRole("group", { name: "Controls" });
  expect(within(controls).getByRole("checkbox", { name: "city_name (text)" })).toBeDisabled();
  const y = screen.getByRole("combobox", { name: "Dependent variable (y)" });
  const opt = (name: string) => within(y).getByRole("option", { name }) as HTMLOptionElement;
  expect(opt("city_id (panel id)").disabled).toBe(true);
  expect(opt("year (time)").disabled).toBe(true);
  expect(opt("ER").disabled).toBe(false);
  const fe = screen.getByRole("group", { name: "Fixed effects (absorbed)" });
  expect(within(fe).getByRole("checkbox", { name: "city_id (text)" })).not.toBeDisabled();
  expect(within(fe).getByRole("checkbox", { name: "city_name (text)" })).not.toBeDisabled();
});

test("the FE preview labels the indicator rows and the clustering as the workbook does (City FE, not city_id FE)", async () => {
  await openForm("fe");
  erOnNqp();
  await runModel();
  const fig = screen.getByRole("figure", { name: /Preview/ });
  const rows = within(screen.getByTestId("preview-table")).getAllByRole("row").map((r) => r.firstChild?.textContent);
  expect(rows).toContain("City FE");
  expect(rows).toContain("Year FE");
  expect(rows).not.toContain("city_id FE");
  expect(fig).toHaveTextContent("standard errors clustered by City.");
});

test("a preview wider than the pane says so, shows a right-edge shadow, and Fit to pane scales it to the width", async () => {
  // jsdom does no layout: give every element the widths of a 6-column table in a 320 px pane.
  const sw = jest.spyOn(HTMLElement.prototype, "scrollWidth", "get").mockReturnValue(520);
  const cw = jest.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(320);
  try {
    await openForm("fe");
    erOnNqp();
    tick("Controls", "GDP", "FTE", "BOOK", "OPEN", "FEF");
    await runModel();
    const bar = await screen.findByTestId("preview-overflow");
    expect(bar).toHaveTextContent("Wider than the pane: scroll sideways for all 6 columns");
    expect(screen.getByTestId("preview-more-right")).toBeInTheDocument();
    fireEvent.click(within(bar).getByRole("button", { name: "Fit to pane" }));
    expect(await screen.findByText("All 6 columns, scaled to the pane.")).toBeInTheDocument();
    expect(screen.getByTestId("preview-table").style.zoom).toBe(String(Math.floor((320 / 520) * 100) / 100));
    fireEvent.click(within(screen.getByTestId("preview-overflow")).getByRole("button", { name: "Actual size" }));
    expect(screen.getByTestId("preview-table").style.zoom).toBe("");
  } finally {
    sw.mockRestore();
    cw.mockRestore();
  }
});
