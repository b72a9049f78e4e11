/**
 * @jest-environment jsdom
 *
 * "Write scores" in the task pane: the index builders write id, time and the score columns to a NEW
 * sheet, row-aligned with the data, with a note on the blank rows. Data: nqp_cities.csv + reference
 * NQP/ER (test/taskpane/support/pane-fixture.tsx); the written ER must equal the data's reference ER
 * column (expected/nqp_martin_er.csv) row by row, 1e-10 relative (reference README).
 */
import { screen, fireEvent, waitFor } from "@testing-library/react";
import "@testing-library/jest-dom";
import { erOnNqp, nqpWorkbook, openForm, runModel, selectVar } from "./support/pane-fixture";
import { relErr } from "../support/reference";

jest.setTimeout(120000);

async function resilienceRun(name: string) {
  const wb = nqpWorkbook();
  const utils = await openForm("resilience", wb);
  selectVar("Level variable", "gdp_pc");
  selectVar("National level (optional)", "national_gdp_pc");
  fireEvent.change(screen.getByRole("textbox", { name: "Name of the new index" }), { target: { value: name } });
  await runModel();
  return { wb, ...utils };
}

test("resilience: Write scores puts id, year, g, G and the index on a new sheet, blanks explained", async () => {
  const { wb } = await resilienceRun("ER2");
  wb.addSheet("ER2 scores", { name: "ER2 scores", rows: [["mine"]] });
  const sheets = wb.sheets.length;
  fireEvent.click(screen.getByRole("button", { name: "Write scores" }));
  const msg = await screen.findByText(/one row per data row, are on the new sheet "ER2 scores \(2\)"/, {}, { timeout: 30000 });
  expect(msg).toHaveTextContent("g, G, ER2");
  expect(msg).toHaveTextContent("284 of 3124 rows have no ER2: 284 first period of the unit.");
  expect(wb.sheets.length).toBe(sheets + 1);
  expect(wb.block("ER2 scores")).toEqual([["mine"]]);

  const data = wb.block("Data");
  const out = wb.block("ER2 scores (2)");
  expect(out[0]).toEqual(["city_id", "year", "g", "G", "ER2", "", "Note"]);
  expect(out[1][6]).toBe("284 of 3124 rows have no ER2: 284 first period of the unit.");
  expect(out.length).toBe(data.length);
  const er = data[0].indexOf("ER");
  let blanks = 0;
  for (let i = 1; i < data.length; i++) {
    expect(out[i][0]).toBe(data[i][0]);
    expect(out[i][1]).toBe(data[i][data[0].indexOf("year")]);
    if (data[i][er] === "") {
      expect(out[i][4]).toBe("");
      blanks++;
    } else expect(relErr(out[i][4] as number, data[i][er] as number)).toBeLessThan(1e-10);
  }
  expect(blanks).toBe(284);
});

test("a write failure is shown as an error MessageBar; regressions have no Write scores", async () => {
  const { services } = await resilienceRun("ER3");
  services.workbook.writeColumns = async () => {
    throw new Error("RequestPayloadSizeLimitExceeded: the request payload is too large.");
  };
  fireEvent.click(screen.getByRole("button", { name: "Write scores" }));
  expect(await screen.findByText("Excel refused the request")).toBeInTheDocument();
  expect(screen.getByText(/Try a smaller block/)).toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole("button", { name: "Write scores" })).not.toBeDisabled());

  fireEvent.change(screen.getByRole("combobox", { name: "Model" }), { target: { value: "fe" } });
  erOnNqp();
  await runModel();
  await screen.findByTestId("preview-table");
  expect(screen.queryByRole("button", { name: "Write scores" })).toBeNull();
});
