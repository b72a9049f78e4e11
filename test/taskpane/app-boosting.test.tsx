/**
 * @jest-environment jsdom
 *
 * The boosting model in the task pane: with the settings of reference case er_nqp_exact (200 trees, depth
 * 4, eta 0.05, no subsampling; test/reference/boosting) on nqp_cities + reference NQP/ER, the pane trains
 * on the 2840 rows with ER, previews and writes the importance table and, with Write scores, the SHAP
 * values sheet; its SHAP values equal xgboost's pred_contribs (expected/er_nqp_exact_rows.csv, scaled
 * 1e-5, README) row by row. Cancel stops a run between trees.
 */
import { screen, fireEvent } from "@testing-library/react";
import "@testing-library/jest-dom";
import { nqpWorkbook, openForm, runModel, selectVar, tick } from "./support/pane-fixture";
import { caseRows, scaledError } from "../engine/trees/cases";

jest.setTimeout(180000);

const FEATURES = ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF", "lat", "lon"];

function setNumber(label: string, value: string) {
  fireEvent.change(screen.getByRole("spinbutton", { name: label }), { target: { value } });
}

test("boosting: importance table and SHAP values sheet equal to xgboost's (er_nqp_exact)", async () => {
  const wb = nqpWorkbook(["lat", "lon"]);
  await openForm("boosting", wb);
  selectVar("Target (y)", "ER");
  tick("Features", ...FEATURES);
  setNumber("Row subsample", "1");
  setNumber("Column subsample", "1");
  await runModel();
  const preview = await screen.findByTestId("preview-table");
  expect(preview).toHaveTextContent("Mean |SHAP|");
  expect(preview).toHaveTextContent(/Train RMSE0\.5344/); // xgboost: rmse_train 0.534419
  expect(await screen.findByText(/200 trees on 2840 of 3124 rows; largest mean \|SHAP\|: GDP/)).toBeInTheDocument();

  fireEvent.click(screen.getByRole("button", { name: "Write table" }));
  await screen.findByText(/The table is on the new sheet/);
  fireEvent.click(screen.getByRole("button", { name: "Write scores" }));
  await screen.findByText(/on the new sheet "SHAP ER"/, {}, { timeout: 30000 });
  const out = wb.block("SHAP ER");
  expect(out[0].slice(0, 2 + FEATURES.length + 2)).toEqual(["city_id", "year", ...FEATURES.map((f) => `SHAP ${f}`), "base value", "prediction"]);
  const data = wb.block("Data");
  expect(out.length).toBe(data.length);
  const used = out.slice(1).filter((r) => r[2] !== "");
  expect(used.length).toBe(2840);
  const ref = caseRows("er_nqp_exact", 8);
  expect(scaledError(used.flatMap((r) => r.slice(2, 10) as number[]), ref.shap.flat())).toBeLessThanOrEqual(1e-5);
  expect(scaledError(used.map((r) => r[11] as number), ref.prediction)).toBeLessThanOrEqual(2e-6);
  for (const r of used) {
    const sum = (r.slice(2, 11) as number[]).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - (r[11] as number))).toBeLessThan(1e-5);
  }
});

test("boosting: progress per tree and Cancel", async () => {
  await openForm("boosting");
  selectVar("Target (y)", "ER");
  tick("Features", "NQP", "GDP");
  setNumber("Trees", "5000");
  fireEvent.click(screen.getByRole("button", { name: "Run" }));
  await screen.findByText(/boosting: [1-9]\d* of 5000/, {}, { timeout: 60000 });
  fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
  expect(await screen.findByText(/The run was cancelled\. Nothing was written/, {}, { timeout: 30000 })).toBeInTheDocument();
  expect(screen.queryByTestId("preview-table")).toBeNull();
});
