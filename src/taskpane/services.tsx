/**
 * The pane's services, handed to components through React context: the workbook (all Office.js access,
 * src/excel/) and the engine client (the Web Worker). Components never reach for globals.
 */
import * as React from "react";
import type { PaneWorkbook } from "../excel/pane-workbook";
import type { EngineClient } from "./worker/client";

export interface Services {
  readonly workbook: PaneWorkbook;
  readonly engine: EngineClient;
}

const ServicesContext = React.createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: React.ReactNode }): React.JSX.Element {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = React.useContext(ServicesContext);
  if (!s) throw new Error("useServices outside ServicesProvider");
  return s;
}
