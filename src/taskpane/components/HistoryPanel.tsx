/**
 * History: the runs recorded with this workbook's output sheets, each with Re-run (refreshes that sheet in
 * place). Re-run asks first, saying which cells it replaces (the block the add-in wrote; other cells stay).
 */
import * as React from "react";
import { Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import type { RunRecord } from "../../excel/pane-workbook";

export interface HistoryPanelProps {
  readonly runs: readonly RunRecord[];
  readonly busy: boolean;
  readonly onRerun: (r: RunRecord) => void;
  readonly onRefresh: () => void;
}

function replacedCells(r: RunRecord): string {
  return r.range
    ? `Re-run replaces cells ${r.range} of "${r.sheet}" (the table the add-in wrote) with a table computed on the current data; other cells on that sheet are kept.`
    : `Re-run clears the sheet "${r.sheet}" (written by an older version, which did not record its cells) and writes the table again on the current data.`;
}

export function HistoryPanel({ runs, busy, onRerun, onRefresh }: HistoryPanelProps): React.JSX.Element {
  const [confirming, setConfirming] = React.useState<string | null>(null);
  return (
    <section aria-labelledby="history-heading">
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <Subtitle2 as="h2" id="history-heading">4. History</Subtitle2>
        <Button size="small" appearance="subtle" onClick={onRefresh}>
          Refresh
        </Button>
      </div>
      {runs.length === 0 && <Caption1 as="p">No tables written from this workbook yet.</Caption1>}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label="Runs">
        {runs.map((r) => (
          <li key={r.sheet} style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 6, padding: "2px 0", borderBottom: "1px solid #eee" }}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <div style={{ fontSize: 12, fontWeight: 600, overflowWrap: "anywhere" }}>{r.sheet}</div>
              <Caption1>
                {r.title} · {new Date(r.when).toLocaleString()}
              </Caption1>
            </div>
            {confirming === r.sheet ? (
              <div role="group" aria-label={`Confirm re-run of ${r.sheet}`} style={{ flexBasis: "100%" }}>
                <Caption1 as="p">{replacedCells(r)}</Caption1>
                <Button size="small" appearance="primary" disabled={busy} onClick={() => { setConfirming(null); onRerun(r); }}>
                  Replace
                </Button>{" "}
                <Button size="small" onClick={() => setConfirming(null)}>
                  Cancel
                </Button>
              </div>
            ) : (
              <Button size="small" disabled={busy} onClick={() => setConfirming(r.sheet)} aria-label={`Re-run ${r.sheet}`}>
                Re-run
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
