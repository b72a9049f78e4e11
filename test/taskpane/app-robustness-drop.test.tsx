/**
 * @jest-environment jsdom
 *
 * The robustness form's "drop groups" controls: rule (chosen values / 0/1 flag), the column and the
 * values; labelled native controls; the MessageBar says how many rows the drop removed. Data:
 * nqp_cities.csv + reference NQP/ER with its province column (test/taskpane/support/pane-fixture.tsx);
 * row counts are counted in that file. Numeric agreement: jobs-robustness-drop.test.ts.
 */
import { screen, fireEvent, within } from "@testing-library/react";
import "@testing-library/jest-dom";
import { erOnNqp, nqpWorkbook, openForm, runModel, selectVar } from "./support/pane-fixture";
import { nqpCitiesWithIndices } from "../support/reference";

jest.setTimeout(120000);

const CELLS = nqpCitiesWithIndices();
/** The success MessageBar and the preview's notes both carry the drop note. */
function expectDropNote(re: RegExp) {
  const status = screen.getAllByRole("status").find((el) => el.textContent?.startsWith("Done"));
  expect(status).toHaveTextContent(re);
  expect(screen.getByRole("figure", { name: /Preview/ })).toHaveTextContent(re);
}

const rowsWhere = (col: string, keep: (v: unknown) => boolean) => CELLS.slice(1).filter((r) => keep(r[(CELLS[0] as string[]).indexOf(col)])).length;

async function dropForm() {
  const utils = await openForm("robustness", nqpWorkbook(["province"]));
  erOnNqp();
  fireEvent.click(screen.getByRole("checkbox", { name: "Winsorise variables at 1%/99%" }));
  fireEvent.click(screen.getByRole("checkbox", { name: "Lag the key regressor one period" }));
  expect(screen.queryByRole("group", { name: "Drop groups" })).toBeNull();
  fireEvent.click(screen.getByRole("checkbox", { name: "Drop groups (chosen values or a 0/1 flag)" }));
  return { ...utils, group: screen.getByRole("group", { name: "Drop groups" }) };
}

test("defaults to the municipality flag; the message counts the rows dropped", async () => {
  const { group } = await dropForm();
  expect(within(group).getByRole("radio", { name: "Rows flagged 1 in a 0/1 column" })).toBeChecked();
  expect(within(group).getByRole("combobox", { name: "Drop rows by" })).toHaveValue("municipality");
  expect(within(group).queryByRole("textbox", { name: "Values to drop" })).toBeNull();
  await runModel();
  expect(await screen.findByTestId("preview-table")).toHaveTextContent("Without municipalities");
  const n = rowsWhere("municipality", (v) => Number(v) === 1);
  expectDropNote(new RegExp(`"Without municipalities" drops the ${n} data rows with municipality = 1; N \\d+ -> \\d+\\.`));
});

test("chosen values of a group column (province P01..P04), typed with commas", async () => {
  const { group } = await dropForm();
  fireEvent.click(within(group).getByRole("radio", { name: "Rows with chosen values" }));
  selectVar("Drop rows by", "province");
  const values = within(group).getByRole("textbox", { name: "Values to drop" });
  fireEvent.change(values, { target: { value: "P01, P02;P03 , P04" } });
  await runModel();
  expect(await screen.findByTestId("preview-table")).toHaveTextContent("Without 4 province values");
  const n = rowsWhere("province", (v) => ["P01", "P02", "P03", "P04"].includes(String(v)));
  expectDropNote(new RegExp(`drops the ${n} data rows with province = P01, P02, P03, P04 \\(P01: \\d+, P02: \\d+, P03: \\d+, P04: \\d+\\)`));
});

test("error states: no values typed; a value the column does not hold; a column that is not 0/1", async () => {
  const { group } = await dropForm();
  fireEvent.click(within(group).getByRole("radio", { name: "Rows with chosen values" }));
  selectVar("Drop rows by", "province");
  fireEvent.click(screen.getByRole("button", { name: "Run" }));
  expect(await screen.findByText(/List the values of "province" to drop, separated by commas/)).toBeInTheDocument();
  fireEvent.change(within(group).getByRole("textbox", { name: "Values to drop" }), { target: { value: "P01, P1" } });
  await runModel();
  expect(await screen.findByText(/Column "province" has no rows with the value\(s\) P1 to drop \(check the spelling\)/)).toBeInTheDocument();
  fireEvent.click(within(group).getByRole("radio", { name: "Rows flagged 1 in a 0/1 column" }));
  selectVar("Drop rows by", "year");
  await runModel();
  expect(await screen.findByText(/"year" is not a 0\/1 flag: data row 1 holds 2012/)).toBeInTheDocument();
});

test("accessibility: every drop control is a named native control in the tab order", async () => {
  const { group } = await dropForm();
  fireEvent.click(within(group).getByRole("radio", { name: "Rows with chosen values" }));
  const { computeAccessibleName } = await import("dom-accessibility-api");
  const controls = group.querySelectorAll("input, select");
  expect(controls.length).toBe(5); // two radios, search, select, values
  controls.forEach((el) => {
    expect(computeAccessibleName(el).trim()).not.toBe("");
    expect(el.getAttribute("tabindex")).not.toBe("-1");
  });
  expect(within(group).getByRole("radiogroup", { name: "Drop rule" })).toBeInTheDocument();
  expect(within(group).getByRole("textbox", { name: "Search Drop rows by" })).toBeInTheDocument();
  // Keyboard: the values box takes focus and typing goes in.
  const values = within(group).getByRole("textbox", { name: "Values to drop" });
  values.focus();
  expect(values).toHaveFocus();
  expect(values).toHaveAccessibleDescription(/Separated by commas/);
});
