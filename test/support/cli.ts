/** Running `nqp` in-process for the CLI tests, and writing the temporary CSV files they read. */
import { writeFileSync } from "fs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/command";

/** Runs `nqp <argv>` through main() (relative paths against `cwd`) and returns its exit code and what it printed. */
export async function runCli(argv: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Writes rows of cells (header first) as a CSV file; null and undefined become empty fields. */
export function writeCsv(path: string, rows: readonly (readonly unknown[])[]): void {
  writeFileSync(path, rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c))).join(",")).join("\n") + "\n");
}
