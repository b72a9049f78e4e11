/**
 * Data: choose the block (selection, current region of the active cell, or an Excel table), read it
 * (progress bar, Cancel), then show N rows, each variable's type and missing count, and the detected
 * panel id and time columns, which the user can change.
 */
import * as React from "react";
import { Button, Caption1, Field, ProgressBar, Radio, RadioGroup, Select, Subtitle2 } from "@fluentui/react-components";
import type { DataSource } from "../../excel/range-reader";
import type { DatasetState } from "../use-dataset";
import { VariableSelect } from "./VariablePicker";
import { Message } from "./Message";

export interface DataPanelProps {
  readonly dataset: DatasetState;
  readonly tables: readonly string[];
  readonly onLoad: (s: DataSource) => void;
  readonly onCancel: () => void;
  readonly idVar: string;
  readonly timeVar: string;
  readonly onPanelVars: (id: string, time: string) => void;
}

type SourceKind = DataSource["kind"];

export function DataPanel({ dataset, tables, onLoad, onCancel, idVar, timeVar, onPanelVars }: DataPanelProps): React.JSX.Element {
  const [kind, setKind] = React.useState<SourceKind>("selection");
  const [table, setTable] = React.useState("");
  const reading = dataset.status === "reading";
  const source: DataSource | null = kind === "table" ? (table || tables[0] ? { kind: "table", name: table || tables[0] } : null) : { kind };
  const p = dataset.profile;
  const pct = dataset.progress && dataset.progress.totalRows > 0 ? dataset.progress.rowsRead / dataset.progress.totalRows : undefined;
  return (
    <section aria-labelledby="data-heading">
      <Subtitle2 as="h2" id="data-heading">1. Data</Subtitle2>
      <RadioGroup layout="horizontal" aria-label="Data source" style={{ flexWrap: "wrap" }} value={kind} onChange={(_e, d) => setKind(d.value as SourceKind)}>
        <Radio value="selection" label="Selection" />
        <Radio value="region" label="Current region" />
        <Radio value="table" label="Table" disabled={tables.length === 0} />
      </RadioGroup>
      {kind === "table" && (
        <Field label="Excel table" size="small">
          <Select size="small" value={table || tables[0] || ""} onChange={(_e, d) => setTable(d.value)}>
            {tables.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
        </Field>
      )}
      <Caption1 as="p" style={{ margin: "2px 0" }}>The first row must hold the variable names.</Caption1>
      <div style={{ display: "flex", gap: 6 }}>
        <Button appearance="primary" size="small" disabled={reading || !source} onClick={() => source && onLoad(source)}>
          {dataset.status === "ready" ? "Reload data" : "Use data"}
        </Button>
        {reading && (
          <Button size="small" onClick={onCancel}>
            Cancel reading
          </Button>
        )}
      </div>
      {reading && (
        <Field validationMessage={dataset.progress ? `Read ${dataset.progress.rowsRead.toLocaleString("en-US")} of ${dataset.progress.totalRows.toLocaleString("en-US")} rows` : "Reading..."} validationState="none">
          <ProgressBar aria-label="Reading data" value={pct} max={1} />
        </Field>
      )}
      <Message message={dataset.message} />
      {p && dataset.info && (
        <div aria-label="Data summary">
          <Caption1 as="p" style={{ margin: "4px 0" }} data-testid="data-summary">
            {dataset.info.address}: <b>{p.nrow.toLocaleString("en-US")}</b> rows, {p.variables.length} variables
          </Caption1>
          <div style={{ maxHeight: 150, overflowY: "auto" }}>
            <table style={{ width: "100%", fontSize: 12, borderCollapse: "collapse" }} aria-label="Variables">
              <thead>
                <tr style={{ textAlign: "left" }}>
                  <th>Variable</th>
                  <th>Type</th>
                  <th style={{ textAlign: "right" }}>Missing</th>
                </tr>
              </thead>
              <tbody>
                {p.variables.map((v) => (
                  <tr key={v.name}>
                    <td style={{ overflowWrap: "anywhere" }}>{v.name}</td>
                    <td>{v.type}</td>
                    <td style={{ textAlign: "right" }}>{v.nMissing}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <VariableSelect label="Panel id" variables={p.variables} value={idVar} optional onChange={(v) => onPanelVars(v, timeVar)} hint="Detected from the data; change it if wrong." />
          <VariableSelect label="Time" variables={p.variables} value={timeVar} optional onChange={(v) => onPanelVars(idVar, v)} />
        </div>
      )}
    </section>
  );
}
