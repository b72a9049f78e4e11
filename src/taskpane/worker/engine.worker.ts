/** Web Worker entry: the engine off the UI thread (webpack entry "engine-worker"). */
import { createEngineHost } from "./engine-host";
import type { ToWorker } from "./protocol";

const ctx = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: unknown): void };
const host = createEngineHost((m) => ctx.postMessage(m));
ctx.onmessage = (e) => {
  void host.handle(e.data);
};
