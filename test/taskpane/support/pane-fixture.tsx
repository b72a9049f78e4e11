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
import { join } from "path";
import { nqpCitiesWithIndices, readCsvRows, REFERENCE } from "../../support/reference";

/** The columns of nqp_cities.csv (+ NQP, ER) the tests use; fewer columns keep jsdom rendering fast. */
export const NQP_COLUMNS = ["city_id", "city_name", "year", "hu_east", "municipality", "gdp_pc", "national_gdp_pc", "invention_apps", "utility_apps", "energy_intensity", "GDP", "FTE", "BOOK", "OPEN", "FEF", "DI", "UR", "NQP", "ER"];

/** nqp_cities.csv + reference NQP/ER (NQP_COLUMNS + `extra`) as a sheet "Data" (numbers as numbers, as Excel holds them). */
export function nqpWorkbook(extra: readonly string[] = []): MemoryWorkbook {
  const all = nqpCitiesWithIndices();
  const idx = [...NQP_COLUMNS, ...extra].map((c) => (all[0] as string[]).indexOf(c));
  const cells = all.map((r) => idx.map((j) => r[j]));
  const rows: MemCell[][] = cells.map((r, i) => (i === 0 ? (r as string[]) : r.map((v) => (typeof v === "string" && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? Number(v) : (v as MemCell)))));
  const wb = new MemoryWorkbook([{ name: "Data", rows }]);
  wb.select("Data", 0, 0, 1, 1);
  return wb;
}

/** test/reference/data/grunfeld.csv as a sheet "Data" (a small block for fast UI-only tests). */
export function grunfeldWorkbook(): MemoryWorkbook {
  const rows = readCsvRows(join(REFERENCE, "data", "grunfeld.csv")).map((r, i) => (i === 0 ? r : r.map((v) => (/^-?[\d.]+$/.test(v) ? Number(v) : v))));
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

/** A pane over nqpWorkbook() with the data loaded and the model `kind` chosen. */
export async function openForm(kind: string, wb: MemoryWorkbook = nqpWorkbook()) {
  const utils = renderPane(wb);
  await loadData();
  chooseModel(kind);
  return utils;
}

/** y = ER and NQP as the key (or endogenous) regressor. */
export function erOnNqp(keyGroup = "Key regressor(s)"): void {
  selectVar("Dependent variable (y)", "ER");
  tick(keyGroup, "NQP");
}
