/**
 * The worker side of the protocol, written as a plain object so jest can drive it in-process:
 * `createEngineHost(post)` returns `handle(message)`. engine.worker.ts binds it to `self`.
 */
import { InputError } from "../../engine/frame/errors";
import type { Frame } from "../../engine/frame/frame";
import { CancelFlag, CancelledError } from "../../engine/resample/control";
import { FrameBuilder } from "./frame-builder";
import { runJob, JobUnavailable } from "./jobs";
import { profileFrame } from "./profile";
import type { FromWorker, JobOutput, ToWorker } from "./protocol";
import { withNumericColumn } from "../../engine/models/spec-frame";
import { ReadCancelled } from "../../excel/range-reader";

export interface EngineHost {
  handle(msg: ToWorker): Promise<void>;
  /** The loaded frame (tests). */
  frame(): Frame | null;
}

export function describeError(e: unknown): { kind: "input" | "cancelled" | "internal" | "unavailable"; message: string } {
  if (e instanceof CancelledError || e instanceof ReadCancelled) return { kind: "cancelled", message: e.message };
  if (e instanceof JobUnavailable) return { kind: "unavailable", message: e.message };
  if (e instanceof InputError) return { kind: "input", message: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  return { kind: "internal", message: `Unexpected error in the engine: ${msg}. Please report it with the data shape and the model chosen.` };
}

const CANCELLED = "The run was cancelled. Nothing was written to the workbook.";

export function createEngineHost(post: (m: FromWorker) => void): EngineHost {
  let builder: FrameBuilder | null = null;
  let frame: Frame | null = null;
  const flags = new Map<number, CancelFlag>();
  /** Index jobs return new columns: they join the loaded data so the next model can use them. */
  const addColumns = (output: JobOutput): JobOutput => {
    if (!output.columns?.length || !frame) return output;
    for (const c of output.columns) frame = withNumericColumn(frame, c.name, c.values);
    return { ...output, profile: profileFrame(frame) };
  };
  return {
    frame: () => frame,
    async handle(msg) {
      switch (msg.type) {
        case "load-start":
          try {
            builder = new FrameBuilder(msg.header, msg.nrow);
            frame = null;
          } catch (e) {
            builder = null;
            post({ type: "error", jobId: null, ...describeError(e) });
          }
          return;
        case "load-chunk":
          builder?.append(msg.rows);
          return;
        case "load-end":
          if (!builder) return;
          frame = builder.build();
          builder = null;
          post({ type: "profile", profile: profileFrame(frame) });
          return;
        case "cancel":
          flags.get(msg.jobId)?.abort();
          return;
        case "run": {
          const flag = new CancelFlag();
          flags.set(msg.jobId, flag);
          try {
            if (!frame) throw new InputError("No data are loaded. Select the data block (with its header row) and press Use selection.");
            const output = await runJob(msg.spec, {
              frame,
              options: msg.options,
              control: { signal: flag, onProgress: (p: { done: number; total: number; task: string }) => post({ type: "progress", jobId: msg.jobId, done: p.done, total: p.total, task: p.task }) },
            });
            if (flag.aborted) post({ type: "error", jobId: msg.jobId, kind: "cancelled", message: CANCELLED });
            else post({ type: "result", jobId: msg.jobId, output: addColumns(output) });
          } catch (e) {
            const d = describeError(e);
            post({ type: "error", jobId: msg.jobId, ...(d.kind === "cancelled" ? { kind: d.kind, message: CANCELLED } : d) });
          } finally {
            flags.delete(msg.jobId);
          }
          return;
        }
      }
    },
  };
}
