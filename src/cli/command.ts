/**
 * The shape of a `nqp` command: src/cli/commands/<name>.ts exports `command: CliCommand`.
 * main.ts finds commands by file name (no registry to edit).
 */
import { FlagSpec, ParsedArgs } from "./argv";

/** Where a command writes; tests capture it, main() binds it to process.stdout/stderr. */
export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Directory relative file paths are resolved against. */
  readonly cwd: string;
}

export interface CliCommand {
  /** Equal to the file name in src/cli/commands/. */
  readonly name: string;
  /** One line for `nqp --help`. */
  readonly summary: string;
  /** Usage line(s), e.g. "nqp fe --data FILE --y NAME --x A,B,C [...]". */
  readonly usage: string;
  readonly flags: FlagSpec;
  /** Extra help text printed after the flags (examples, notes). */
  readonly details?: string;
  /** Runs the command; returns the exit code (0). Throw InputError/CliError for user errors (exit 2). */
  run(args: ParsedArgs, io: CliIO): Promise<number> | number;
}
