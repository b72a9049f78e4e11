/**
 * Task pane root: Data -> Model -> Run (preview, Write table) -> History. Office access comes only
 * through the services context (src/taskpane/services.tsx); without services (page opened outside
 * Office) it shows how to open it from Excel.
 */
import * as React from "react";
import { Body1, Button, Caption1, Divider, Field, ProgressBar, Subtitle2, Title3 } from "@fluentui/react-components";
import { Services, ServicesProvider, useServices } from "./services";
import { useDataset } from "./use-dataset";
import { buildSpec, initialState, ModelState, stateForProfile } from "./model-state";
import { DataPanel } from "./components/DataPanel";
import { ModelForm } from "./components/ModelForm";
import { OptionsPanel } from "./components/OptionsPanel";
import { TablePreview } from "./components/TablePreview";
import { HistoryPanel } from "./components/HistoryPanel";
import { Message } from "./components/Message";
import { DrawChart } from "./components/DrawChart";
import { friendlyError, PaneMessage } from "./messages";
import type { JobOutput, JobSpec, PaneTableOptions } from "./worker/protocol";
import type { RunHandle, RunProgress } from "./worker/client";
import type { RunRecord } from "../excel/pane-workbook";
import { getLanguage } from "../i18n/catalogue";

export interface AppProps {
  /** Office host name ("Excel") or null when the page is opened outside Office. */
  readonly host: string | null;
  /** Workbook + engine; absent outside Office. */
  readonly services?: Services;
}

export function App({ host, services }: AppProps): React.JSX.Element {
  if (!services) {
    return (
      <div style={{ padding: 12 }}>
        <Title3 as="h1">NQP Econometrics</Title3>
        <Body1 as="p">
          {host ? "Type =NQP. in a cell to use the formulas, e.g. =NQP.FE2WAY(y, x, id, year)." : "Open this page from Excel (Home > NQP Models) to use the add-in."}
        </Body1>
      </div>
    );
  }
  return (
    <ServicesProvider services={services}>
      <Pane />
    </ServicesProvider>
  );
}

interface RunState {
  readonly status: "idle" | "running" | "writing";
  readonly progress: RunProgress | null;
  readonly output: JobOutput | null;
  readonly spec: JobSpec | null;
  readonly written: string | null;
  readonly message: PaneMessage | null;
}

/** Narrower than Fluent's 96 px minimum, so Run, Write table and Write scores share one row at the default pane width. */
const BUTTON: React.CSSProperties = { minWidth: 64 };

const IDLE: RunState = { status: "idle", progress: null, output: null, spec: null, written: null, message: null };

function Pane(): React.JSX.Element {
  const { workbook, engine } = useServices();
  const { state: dataset, load, cancel: cancelRead, setProfile } = useDataset();
  const [model, setModel] = React.useState<ModelState>(initialState);
  const [options, setOptions] = React.useState<PaneTableOptions>(() => ({ paren: "t", decimals: 3, language: getLanguage() }));
  const [run, setRun] = React.useState<RunState>(IDLE);
  const [tables, setTables] = React.useState<string[]>([]);
  const [runs, setRuns] = React.useState<RunRecord[]>([]);
  const handle = React.useRef<RunHandle | null>(null);

  const refreshRuns = React.useCallback(() => {
    workbook.listRuns().then(setRuns, () => setRuns([]));
  }, [workbook]);
  React.useEffect(() => {
    workbook.listTables().then(setTables, () => setTables([]));
    refreshRuns();
  }, [workbook, refreshRuns]);
  React.useEffect(() => {
    if (dataset.profile) setModel((m) => stateForProfile(m, dataset.profile!));
  }, [dataset.profile]);

  const patch = React.useCallback((p: Partial<ModelState>) => setModel((m) => ({ ...m, ...p })), []);

  const execute = React.useCallback(
    async (spec: JobSpec, opts: PaneTableOptions): Promise<JobOutput | null> => {
      setRun({ ...IDLE, status: "running", spec });
      const h = engine.run(spec, opts, (progress) => setRun((r) => ({ ...r, progress })));
      handle.current = h;
      try {
        const output = await h.result;
        if (output.profile) setProfile(output.profile);
        const added = output.columns?.length ? ` ${output.columns.map((c) => c.name).join(", ")} is now a variable of the loaded data (for the models; the sheet is unchanged).` : "";
        setRun({ ...IDLE, output, spec, message: { intent: "success", title: "Done", text: output.summary + added } });
        return output;
      } catch (e) {
        setRun({ ...IDLE, spec, message: friendlyError(e) });
        return null;
      } finally {
        handle.current = null;
      }
    },
    [engine, setProfile],
  );

  const onRun = async () => {
    let spec: JobSpec;
    try {
      spec = buildSpec(model);
    } catch (e) {
      setRun({ ...IDLE, message: friendlyError(e) });
      return;
    }
    if (engine.needsReload && dataset.source) await load(dataset.source);
    await execute(spec, options);
  };

  const onWrite = async () => {
    if (!run.output || !run.spec || !dataset.source) return;
    const output = run.output;
    setRun((r) => ({ ...r, status: "writing" }));
    try {
      const sheet = await workbook.writeTable({ table: output.table, spec: run.spec, options, source: dataset.source, columns: output.columns });
      const more: string[] = [];
      for (const table of output.extraTables ?? []) more.push(await workbook.writeTable({ table, spec: run.spec, options, source: dataset.source }));
      const where = more.length ? `the new sheets "${[sheet, ...more].join('", "')}"` : `the new sheet "${sheet}"`;
      setRun((r) => ({ ...r, status: "idle", written: sheet, message: { intent: "success", title: more.length ? "Tables written" : "Table written", text: `The ${more.length ? "tables are" : "table is"} on ${where}.` } }));
      refreshRuns();
    } catch (e) {
      setRun((r) => ({ ...r, status: "idle", message: friendlyError(e) }));
    }
  };

  const onWriteScores = async () => {
    const sheetData = run.output?.scores;
    if (!sheetData) return;
    setRun((r) => ({ ...r, status: "writing" }));
    try {
      const sheet = await workbook.writeColumns({ sheetName: sheetData.sheetName, columns: [...sheetData.keys, ...sheetData.scores], notes: [sheetData.note] });
      const cols = sheetData.scores.map((c) => c.name).join(", ");
      const text = `${cols}, one row per data row, are on the new sheet "${sheet}". ${sheetData.note}`;
      setRun((r) => ({ ...r, status: "idle", message: { intent: "success", title: "Scores written", text } }));
    } catch (e) {
      setRun((r) => ({ ...r, status: "idle", message: friendlyError(e) }));
    }
  };

  const onRerun = async (rec: RunRecord) => {
    await load(rec.source);
    const out = await execute(rec.spec as JobSpec, rec.options as PaneTableOptions);
    if (!out) return;
    try {
      await workbook.rewriteTable(rec.sheet, { table: out.table, spec: rec.spec, options: rec.options, source: rec.source, columns: out.columns });
      setRun((r) => ({ ...r, written: rec.sheet, message: { intent: "success", title: "Table refreshed", text: `"${rec.sheet}" was re-run on the current data.` } }));
      refreshRuns();
    } catch (e) {
      setRun((r) => ({ ...r, message: friendlyError(e) }));
    }
  };

  const ready = dataset.status === "ready" && dataset.profile !== null;
  const busy = run.status !== "idle" || dataset.status === "reading";
  const pct = run.progress && run.progress.total > 0 ? run.progress.done / run.progress.total : undefined;
  return (
    <main style={{ padding: "8px 10px", maxWidth: 480, boxSizing: "border-box" }}>
      <Title3 as="h1" style={{ fontSize: 18 }}>
        NQP Econometrics
      </Title3>
      <DataPanel
        dataset={dataset}
        tables={tables}
        onLoad={(s) => void load(s)}
        onCancel={cancelRead}
        idVar={model.idVar}
        timeVar={model.timeVar}
        onPanelVars={(idVar, timeVar) => patch({ idVar, timeVar })}
      />
      <Divider style={{ margin: "8px 0" }} />
      {ready ? (
        <ModelForm state={model} variables={dataset.profile!.variables} onChange={patch} />
      ) : (
        <section aria-labelledby="model-heading">
          <Subtitle2 as="h2" id="model-heading">
            2. Model
          </Subtitle2>
          <Caption1 as="p">Choose the data first: select the block with its header row and press Use data.</Caption1>
        </section>
      )}
      <Divider style={{ margin: "8px 0" }} />
      <section aria-labelledby="run-heading">
        <Subtitle2 as="h2" id="run-heading">
          3. Run
        </Subtitle2>
        <OptionsPanel options={options} onChange={setOptions} />
        <div style={{ display: "flex", flexWrap: "wrap", gap: 6, marginTop: 6 }}>
          <Button appearance="primary" style={BUTTON} disabled={!ready || busy} onClick={() => void onRun()}>
            Run
          </Button>
          {run.status === "running" && <Button style={BUTTON} onClick={() => handle.current?.cancel()}>Cancel</Button>}
          <Button style={BUTTON} disabled={!run.output || busy} onClick={() => void onWrite()}>
            Write table
          </Button>
          {run.output?.scores && (
            <Button style={BUTTON} disabled={busy} onClick={() => void onWriteScores()} title="The id, time and score columns, one row per data row, on a new sheet">
              Write scores
            </Button>
          )}
          <DrawChart output={run.output} busy={busy} onMessage={(message) => setRun((r) => ({ ...r, message }))} buttonStyle={BUTTON} />
        </div>
        {run.status === "running" && (
          <Field validationState="none" validationMessage={run.progress ? `${run.progress.task}: ${run.progress.done} of ${run.progress.total}` : "Running..."}>
            <ProgressBar aria-label="Running the model" value={pct} max={1} />
          </Field>
        )}
        <Message message={run.message} />
        {run.output && (
          <div style={{ marginTop: 6 }}>
            <TablePreview table={run.output.table} />
            {run.output.extraTables?.map((t) => <TablePreview key={t.title} table={t} />)}
          </div>
        )}
      </section>
      <Divider style={{ margin: "8px 0" }} />
      <HistoryPanel runs={runs} busy={busy} onRerun={(r) => void onRerun(r)} onRefresh={refreshRuns} />
    </main>
  );
}
