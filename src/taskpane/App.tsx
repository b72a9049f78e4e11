/**
 * Task pane root (placeholder shell). The task-pane engineer replaces this with the model picker;
 * it must keep working without Office (tests render it in jsdom).
 */
import * as React from "react";
import { Body1, Title3 } from "@fluentui/react-components";

export interface AppProps {
  /** Office host name ("Excel") or null when the page is opened outside Office. */
  readonly host: string | null;
}

export function App({ host }: AppProps): React.JSX.Element {
  return (
    <div style={{ padding: 16 }}>
      <Title3 as="h1">NQP Econometrics</Title3>
      <Body1 as="p">
        {host
          ? "Type =NQP. in a cell to use the formulas, e.g. =NQP.FE2WAY(y, x, id, year)."
          : "Open this page from Excel (Home > NQP Models) to use the add-in."}
      </Body1>
    </div>
  );
}
