/**
 * The main-thread side of the engine protocol. `EngineClient` streams the data into the engine, runs
 * jobs with progress and cancellation, and hides whether the engine is a Web Worker (the add-in) or an
 * in-process host (jest, and browsers without workers).
 *
 * Cancellation: a cancel message trips the job's flag, which cooperative jobs (bootstrap, permutation)
 * check between replications. A job that does not answer within `hardCancelMs` is stopped by
 * terminating the worker; the data must then be loaded again (`needsReload` turns true).
 */
import type { Cell } from "../../engine/frame/missing";
import { createEngineHost } from "./engine-host";
import type { DataProfile } from "./profile";
import type { FromWorker, JobOutput, JobSpec, PaneTableOptions, ToWorker, ErrorKind } from "./protocol";

export interface EnginePort {
  post(msg: ToWorker, transfer?: Transferable[]): void;
  onMessage(handler: (m: FromWorker) => void): void;
  /** Stops the engine at once and starts a fresh one (loses the data); absent for in-process ports. */
  restart?(): void;
}

export class EngineError extends Error {
  constructor(readonly kind: ErrorKind, message: string) {
    super(message);
    this.name = "EngineError";
  }
}

export interface RunProgress {
  readonly task: string;
  readonly done: number;
  readonly total: number;
}

export interface RunHandle {
  readonly result: Promise<JobOutput>;
  cancel(): void;
}

interface Pending {
  resolve(o: JobOutput): void;
  reject(e: EngineError): void;
  onProgress?: (p: RunProgress) => void;
}

export class EngineClient {
  private nextId = 1;
  private readonly jobs = new Map<number, Pending>();
  private profileWaiter: { resolve(p: DataProfile): void; reject(e: EngineError): void } | null = null;
  needsReload = false;

  constructor(private readonly port: EnginePort, private readonly hardCancelMs = 3000) {
    port.onMessage((m) => this.receive(m));
  }

  private receive(m: FromWorker): void {
    if (m.type === "profile") {
      this.profileWaiter?.resolve(m.profile);
      this.profileWaiter = null;
      return;
    }
    if (m.type === "error" && m.jobId === null) {
      this.profileWaiter?.reject(new EngineError(m.kind, m.message));
      this.profileWaiter = null;
      return;
    }
    if (m.jobId === null) return;
    const job = this.jobs.get(m.jobId);
    if (!job) return;
    if (m.type === "progress") job.onProgress?.({ task: m.task, done: m.done, total: m.total });
    else {
      this.jobs.delete(m.jobId);
      if (m.type === "result") job.resolve(m.output);
      else job.reject(new EngineError(m.kind, m.message));
    }
  }

  beginLoad(header: readonly unknown[], nrow: number): void {
    this.needsReload = false;
    this.profileWaiter?.reject(new EngineError("cancelled", "A new data load started."));
    this.profileWaiter = null;
    this.port.post({ type: "load-start", header, nrow });
  }

  appendRows(rows: Cell[][]): void {
    this.port.post({ type: "load-chunk", rows });
  }

  endLoad(): Promise<DataProfile> {
    const p = new Promise<DataProfile>((resolve, reject) => (this.profileWaiter = { resolve, reject }));
    this.port.post({ type: "load-end" });
    return p;
  }

  run(spec: JobSpec, options: PaneTableOptions, onProgress?: (p: RunProgress) => void): RunHandle {
    const jobId = this.nextId++;
    const result = new Promise<JobOutput>((resolve, reject) => this.jobs.set(jobId, { resolve, reject, onProgress }));
    this.port.post({ type: "run", jobId, spec, options });
    const cancel = () => {
      if (!this.jobs.has(jobId)) return;
      this.port.post({ type: "cancel", jobId });
      if (!this.port.restart) return;
      setTimeout(() => {
        const job = this.jobs.get(jobId);
        if (!job) return;
        this.port.restart!();
        this.needsReload = true;
        for (const [id, j] of this.jobs) {
          this.jobs.delete(id);
          j.reject(new EngineError("cancelled", "The run was stopped. Nothing was written; the data will be read again before the next run."));
        }
      }, this.hardCancelMs);
    };
    return { result, cancel };
  }
}

/** An engine running in this thread (tests; fallback without Worker support). Messages are delivered asynchronously. */
export function inProcessPort(): EnginePort {
  let handler: (m: FromWorker) => void = () => undefined;
  const host = createEngineHost((m) => setTimeout(() => handler(m), 0));
  return {
    post: (msg) => {
      setTimeout(() => void host.handle(msg), 0);
    },
    onMessage: (h) => {
      handler = h;
    },
  };
}

/** An engine in a Web Worker loaded from `url` (the webpack entry engine-worker.js). */
export function workerPort(url: string): EnginePort {
  let handler: (m: FromWorker) => void = () => undefined;
  let worker = new Worker(url);
  const bind = () => {
    worker.onmessage = (e: MessageEvent<FromWorker>) => handler(e.data);
  };
  bind();
  return {
    post: (msg, transfer) => worker.postMessage(msg, transfer ?? []),
    onMessage: (h) => {
      handler = h;
    },
    restart: () => {
      worker.terminate();
      worker = new Worker(url);
      bind();
    },
  };
}
