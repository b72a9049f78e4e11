/**
 * Progress reports and cancellation for long resampling loops (bootstrap, permutation).
 *
 * The task pane runs these loops in a Web Worker; a synchronous loop would never see a cancel
 * message, so `replicate` runs the replications in chunks of `progressEvery` and, between chunks,
 * reports progress, checks the cancel signal and yields to the event loop (a macrotask), where the
 * worker's message handler (or any timer) can call `abort()`. A DOM/Node `AbortSignal` satisfies
 * `CancelSignal`; so does any object with an `aborted` flag.
 */

export interface CancelSignal {
  readonly aborted: boolean;
}

export interface Progress {
  /** What is running, e.g. "bootstrap" or "permutation". */
  readonly task: string;
  readonly done: number;
  readonly total: number;
}

export type ProgressFn = (p: Progress) => void;

export interface RunControl {
  readonly signal?: CancelSignal;
  readonly onProgress?: ProgressFn;
  /** Replications between progress reports / cancel checks / yields (default 25). */
  readonly progressEvery?: number;
}

/** Thrown when a run is cancelled through its signal. Not an input error: nothing is wrong with the data. */
export class CancelledError extends Error {
  constructor(readonly task: string, readonly done: number, readonly total: number) {
    super(`The ${task} was cancelled after ${done} of ${total} replications.`);
    this.name = "CancelledError";
  }
}

/** A cancel signal one can trip by hand (for environments without AbortController, and tests). */
export class CancelFlag implements CancelSignal {
  private flag = false;
  get aborted(): boolean {
    return this.flag;
  }
  abort(): void {
    this.flag = true;
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs body(r) for r = 0 .. total - 1 in order, reporting progress after every `progressEvery`
 * replications and at the end. Throws CancelledError (after the current chunk) once the signal is set.
 */
export async function replicate(task: string, total: number, body: (r: number) => void, control: RunControl = {}): Promise<void> {
  const every = Math.max(1, Math.floor(control.progressEvery ?? 25));
  const { signal, onProgress } = control;
  if (signal?.aborted) throw new CancelledError(task, 0, total);
  onProgress?.({ task, done: 0, total });
  let r = 0;
  while (r < total) {
    const end = Math.min(total, r + every);
    for (; r < end; r++) body(r);
    onProgress?.({ task, done: r, total });
    if (r < total) await yieldToEventLoop();
    if (signal?.aborted && r < total) throw new CancelledError(task, r, total);
  }
}
