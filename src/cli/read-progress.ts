/**
 * Progress of reading a large data file, on stderr (never stdout, which may carry --json): files above
 * 10 MB print one line that grows by ten-percent steps, "nqp: reading big.csv (68 MB): 10% 20% ... 100%".
 * main() sets the sink to its io.err; without a sink (library use, tests) nothing is printed.
 */
import { t } from "../i18n/catalogue";
import { readMessages } from "../i18n/messages/read";
import type { ReadProgress } from "./typed-csv";

export const PROGRESS_MIN_BYTES = 10 * 1024 * 1024;

let sink: ((text: string) => void) | undefined;

/** Where progress goes (main passes io.err); undefined turns it off. */
export function setProgressSink(write: ((text: string) => void) | undefined): void {
  sink = write;
}

export interface ProgressReporter {
  readonly onBlock: ReadProgress;
  /** Ends the line if the read stopped early (an error in the file). */
  close(): void;
}

/** Progress for reading `file` of `size` bytes, or undefined when the file is small or there is no sink. */
export function progressReporter(file: string, size: number): ProgressReporter | undefined {
  const write = sink;
  if (!write || size <= PROGRESS_MIN_BYTES) return undefined;
  let shown = 0;
  write(t(readMessages.progressStart, { file, mb: Math.round(size / 1e6) }));
  return {
    onBlock: (done, total) => {
      const step = Math.min(10, Math.floor((10 * done) / Math.max(total, 1)));
      if (step <= shown) return;
      let text = "";
      while (shown < step) text += ` ${++shown * 10}%`;
      write(shown === 10 ? `${text}\n` : text);
    },
    close: () => {
      if (shown < 10) write("\n");
      shown = 10;
    },
  };
}
