/**
 * Turning any failure into what the MessageBar shows: a title, the engine's message (which names the
 * variable and rows at fault) and, where the message alone does not say it, how to fix it.
 */
import { ReadCancelled, DataRangeError } from "../excel/range-reader";
import { InputError } from "../engine/frame/errors";
import { EngineError } from "./worker/client";
import { SpecProblem } from "./model-state";

export interface PaneMessage {
  readonly intent: "error" | "warning" | "info" | "success";
  readonly title: string;
  readonly text: string;
}

export function friendlyError(e: unknown): PaneMessage {
  if (e instanceof ReadCancelled) return { intent: "info", title: "Cancelled", text: "Reading the data was cancelled. Nothing was loaded." };
  if (e instanceof DataRangeError) return { intent: "error", title: "Check the data range", text: e.message };
  if (e instanceof SpecProblem) return { intent: "warning", title: "Almost there", text: e.message };
  if (e instanceof EngineError) {
    if (e.kind === "cancelled") return { intent: "info", title: "Cancelled", text: e.message };
    if (e.kind === "input") return { intent: "error", title: "Check the data or the choices", text: e.message };
    if (e.kind === "unavailable") return { intent: "warning", title: "Not available yet", text: `${e.message} The other models work; update the add-in for this one.` };
    return { intent: "error", title: "Something went wrong", text: e.message };
  }
  if (e instanceof InputError) return { intent: "error", title: "Check the data or the choices", text: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  if (/RequestPayloadSizeLimitExceeded|payload/i.test(msg)) {
    return { intent: "error", title: "Excel refused the request", text: `${msg} Try a smaller block, or an Excel table.` };
  }
  return { intent: "error", title: "Something went wrong", text: msg };
}
