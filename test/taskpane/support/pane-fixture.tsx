/**
 * A task pane wired to the in-memory workbook (test/e2e/memory-excel.ts, through the real Office.js
 * workbook service: range reader, table writer, spec store) and the in-process engine host.
 */
import * as React from "react";
import { render, screen, fireEvent, within, waitFor } from "@testing-library/react";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../../src/taskpane/App";
import { createOfficeWorkbook } from "../../../src/excel/pane-workbook";
import { EngineClient, inProcessPort } from "../../../src/taskpane/worker/client";
import { MemoryWorkbook, MemCell } from "../../e2e/memory-excel";
import { nqpCitiesWithIndices } from "../../support/reference";

/** nqp_cities.csv + reference NQP/ER as a sheet "Data" (numbers as numbers, as Excel holds them). */
export function nqpWorkbook(): MemoryWorkbook {
  const cells = nqpCitiesWithIndices();
  const rows: MemCell[][] = cells.map((r, i) => (i === 0 ? (r as string[]) : r.map((v) => (typeof v === "string" && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? Number(v) : (v as MemCell)))));
  const wb = new MemoryWorkbook([{ name: "Data", rows }]);
  wb.select("Data", 0, 0, 1, 1);
  return wb;
}

export function renderPane(wb: MemoryWorkbook) {
  const services = { workbook: createOfficeWorkbook(wb.run), engine: new EngineClient(inProcessPort()) };
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <App host="Excel" services={services} />
    </FluentProvider>,
  );
  return { ...utils, services };
}

export async function loadData(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: /use data/i }));
  await screen.findByTestId("data-summary", {}, { timeout: 20000 });
}

export function chooseModel(label: string): void {
  fireEvent.change(screen.getByRole("combobox", { name: "Model" }), { target: { value: label } });
}

export function selectVar(label: string, value: string): void {
  fireEvent.change(screen.getByRole("combobox", { name: label }), { target: { value } });
}

export function tick(group: string, ...names: string[]): void {
  const g = screen.getByRole("group", { name: group });
  for (const n of names) fireEvent.click(within(g).getByRole("checkbox", { name: n }));
}

export async function runModel(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "Run" }));
  await waitFor(() => expect(screen.getByRole("button", { name: "Run" })).not.toBeDisabled(), { timeout: 30000 });
}
