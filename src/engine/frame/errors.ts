/**
 * Errors the engine raises for bad input. Each carries a message a user can act on
 * (which argument, column or row is at fault) and a kind that wrappers map to Excel errors.
 */
export type InputErrorKind = "value" | "num" | "na";

export class InputError extends Error {
  constructor(message: string, readonly kind: InputErrorKind = "value") {
    super(message);
    this.name = "InputError";
  }
}

/** A problem with the data block itself (headers, column types, lengths). */
export class FrameError extends InputError {
  constructor(message: string) {
    super(message, "value");
    this.name = "FrameError";
  }
}
