/**
 * Excel errors for custom functions.
 *
 * Engine errors are InputError subclasses with a kind; formulas turn them into CustomFunctions.Error
 * values carrying the message (shown in the cell's error flag menu):
 *   "value" -> #VALUE! (invalidValue), "num" -> #NUM! (invalidNumber), "na" -> #N/A (notAvailable).
 * Excel displays custom messages only for #VALUE! and #N/A; a #NUM! keeps its message on the object
 * (tests and logs see it) but Excel shows the bare code, so use kind "num" only where the code says enough.
 * Any other exception is a bug: #VALUE! with "Internal error in NQP.<NAME>: <message>".
 *
 * Outside Excel (jest, Node) the CustomFunctions global is absent; the same calls then build a
 * FormulaError with the same `code` and `message`, so wrappers behave identically in tests.
 */
import { InputError, InputErrorKind } from "../engine/frame/errors";

export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

/** What a formula throws or puts into a cell: CustomFunctions.Error in Excel, FormulaError elsewhere. */
export interface ExcelError {
  readonly code: string;
  readonly message?: string;
}

/** The stand-in for CustomFunctions.Error where the custom-functions runtime is absent. */
export class FormulaError extends Error implements ExcelError {
  constructor(
    readonly code: ExcelErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "FormulaError";
  }
}

const KIND_TO_CODE: Readonly<Record<InputErrorKind, ExcelErrorCode>> = {
  value: "#VALUE!",
  num: "#NUM!",
  na: "#N/A",
};

function runtime(): typeof CustomFunctions | undefined {
  const g = globalThis as { CustomFunctions?: typeof CustomFunctions };
  return g.CustomFunctions && typeof g.CustomFunctions.Error === "function" ? g.CustomFunctions : undefined;
}

/** Builds the Excel error value for a code and optional message. */
export function excelError(code: ExcelErrorCode, message?: string): ExcelError {
  const cf = runtime();
  if (!cf) return new FormulaError(code, message);
  const codes: Record<ExcelErrorCode, CustomFunctions.ErrorCode> = {
    "#VALUE!": cf.ErrorCode.invalidValue,
    "#NUM!": cf.ErrorCode.invalidNumber,
    "#N/A": cf.ErrorCode.notAvailable,
  };
  return new cf.Error(codes[code], message);
}

/** Maps anything thrown inside a formula to the Excel error to raise. */
export function toExcelError(formula: string, e: unknown): ExcelError {
  if (e instanceof InputError) return excelError(KIND_TO_CODE[e.kind], e.message);
  if (isExcelError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return excelError("#VALUE!", `Internal error in NQP.${formula}: ${message}`);
}

/** True for a CustomFunctions.Error or FormulaError value. */
export function isExcelError(v: unknown): v is ExcelError {
  if (v instanceof FormulaError) return true;
  const cf = runtime();
  return cf !== undefined && v instanceof cf.Error;
}

/**
 * Runs a formula body; errors become Excel errors (thrown, as Excel expects custom functions to do).
 * Usage: `export function FE2WAY(...) { return withExcelErrors("FE2WAY", () => ...); }`
 */
export function withExcelErrors<T>(formula: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toExcelError(formula, e);
  }
}

/** The cell value for a statistic that is not defined (NaN/Infinity): #N/A without message. */
export function spillNumber(x: number): number | ExcelError {
  return Number.isFinite(x) ? x : excelError("#N/A");
}
