/**
 * The only module of the task pane that calls `Excel.run`. Everything else receives an `ExcelRunner`
 * (a function that runs a batch against a request context), so tests can hand in an in-memory workbook
 * and React components never touch the global `Excel` or `Office` objects.
 */

/** Runs one batch of Office.js calls against a request context (what `Excel.run` does). */
export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The runner backed by the real Office.js `Excel.run`; resolve it lazily so importing never needs Office. */
export function officeRunner(): ExcelRunner {
  return <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const excel = (globalThis as { Excel?: typeof Excel }).Excel;
    if (!excel || typeof excel.run !== "function") {
      return Promise.reject(new Error("Excel is not available: open this task pane inside Excel (see README, sideloading)."));
    }
    return excel.run(batch);
  };
}
