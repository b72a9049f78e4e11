/**
 * Loading the data block: read it from the workbook in chunks (src/excel/range-reader.ts), stream the
 * chunks into the engine worker, and get back the data profile. Progress and Cancel for big sheets.
 */
import * as React from "react";
import type { DataSource, RangeInfo } from "../excel/range-reader";
import type { DataProfile } from "./worker/profile";
import { useServices } from "./services";
import { friendlyError, PaneMessage } from "./messages";

export interface DatasetState {
  readonly status: "empty" | "reading" | "ready";
  readonly source: DataSource | null;
  readonly info: RangeInfo | null;
  readonly profile: DataProfile | null;
  readonly progress: { readonly rowsRead: number; readonly totalRows: number } | null;
  readonly message: PaneMessage | null;
}

const EMPTY: DatasetState = { status: "empty", source: null, info: null, profile: null, progress: null, message: null };

export function useDataset() {
  const { workbook, engine } = useServices();
  const [state, setState] = React.useState<DatasetState>(EMPTY);
  const abort = React.useRef<AbortController | null>(null);

  const load = React.useCallback(
    async (source: DataSource) => {
      abort.current?.abort();
      const ac = new AbortController();
      abort.current = ac;
      setState((s) => ({ ...s, status: "reading", source, progress: { rowsRead: 0, totalRows: 0 }, message: null }));
      try {
        const res = await workbook.readData(source, {
          signal: ac.signal,
          onInfo: (info) => {
            engine.beginLoad(info.header, info.nrow);
            setState((s) => ({ ...s, info, progress: { rowsRead: 0, totalRows: info.nrow } }));
          },
          onChunk: (rows) => engine.appendRows(rows),
          onProgress: (p) => setState((s) => ({ ...s, progress: { rowsRead: p.rowsRead, totalRows: p.totalRows } })),
        });
        const profile = await engine.endLoad();
        if (ac.signal.aborted) return;
        setState({
          status: "ready",
          source,
          info: res,
          profile,
          progress: null,
          message: null,
        });
      } catch (e) {
        setState((s) => ({ ...s, status: s.profile && !ac.signal.aborted ? "ready" : "empty", progress: null, profile: ac.signal.aborted ? null : s.profile, message: friendlyError(e) }));
      }
    },
    [workbook, engine],
  );

  const cancel = React.useCallback(() => abort.current?.abort(), []);
  /** A job added columns to the engine's copy of the data (index builders). */
  const setProfile = React.useCallback((profile: DataProfile) => setState((s) => ({ ...s, profile })), []);
  return { state, load, cancel, setProfile };
}
