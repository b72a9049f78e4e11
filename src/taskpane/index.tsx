/**
 * Task pane entry: when Office is ready, wires the services (the workbook over Excel.run, the engine
 * in a Web Worker) and mounts <App/>. Outside Office it mounts the help text only.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import type { Services } from "./services";
import { officeRunner } from "../excel/context";
import { createOfficeWorkbook } from "../excel/pane-workbook";
import { EngineClient, inProcessPort, workerPort } from "./worker/client";

function services(): Services {
  const port = typeof Worker !== "undefined" ? workerPort("engine-worker.js") : inProcessPort();
  return { workbook: createOfficeWorkbook(officeRunner()), engine: new EngineClient(port) };
}

function mount(host: string | null): void {
  const el = document.getElementById("root");
  if (!el) return;
  const inExcel = host !== null && /excel/i.test(host);
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} services={inExcel ? services() : undefined} />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => mount(info.host ? String(info.host) : null));
} else {
  mount(null);
}
