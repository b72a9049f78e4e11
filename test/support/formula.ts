/** Helpers for formula tests: the Excel error a custom function raises (FormulaError outside Excel). */
import { FormulaError } from "../../src/functions/errors";

/** Runs f, which must raise an Excel error; returns it (code and message) for assertions. */
export function excelErrorOf(f: () => unknown): FormulaError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    return e as FormulaError;
  }
  throw new Error("expected an Excel error");
}
