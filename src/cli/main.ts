/**
 * `nqp <command> [options]`: dispatches to src/cli/commands/<command>.ts (each exports `command`).
 * `nqp --help` lists the commands, `nqp <command> --help` shows its options.
 * Exit codes: 0 success; 2 any error (message on stderr: user errors as they are, other failures
 * prefixed "internal error").
 */
import { readdirSync } from "fs";
import { join } from "path";
import { InputError } from "../engine/frame/errors";
import { CliError, describeFlags, parseArgv } from "./argv";
import { CliCommand, CliIO } from "./command";

const COMMAND_DIR = join(__dirname, "commands");

/** Command names: the .ts/.js files in src/cli/commands/. */
export function commandNames(): string[] {
  return readdirSync(COMMAND_DIR)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts") && !f.endsWith(".test.ts"))
    .map((f) => f.replace(/\.(ts|js)$/, ""))
    .sort();
}

export function loadCommand(name: string): CliCommand {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !commandNames().includes(name)) {
    throw new CliError(`Unknown command "${name}". Commands: ${commandNames().join(", ")}. Run nqp --help.`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(COMMAND_DIR, name)) as { command?: CliCommand };
  if (!mod.command) throw new Error(`src/cli/commands/${name}.ts does not export "command"`);
  return mod.command;
}

export function commandHelp(c: CliCommand): string {
  return [`${c.summary}`, "", `Usage: ${c.usage}`, "", "Options:", describeFlags({ ...c.flags, help: { type: "boolean", description: "this text" } }), ...(c.details ? ["", c.details] : [])].join("\n") + "\n";
}

function generalHelp(): string {
  const lines = commandNames().map((n) => {
    try {
      return [n, loadCommand(n).summary];
    } catch (e) {
      return [n, `(cannot load: ${(e as Error).message})`];
    }
  });
  const w = Math.max(4, ...lines.map((l) => l[0].length));
  return (
    [
      "nqp: NQP econometrics on CSV/XLSX files (the engine of the NQP Excel add-in).",
      "",
      "Usage: nqp <command> [options]      nqp <command> --help",
      "",
      "Commands:",
      ...lines.map(([n, s]) => `  ${n.padEnd(w)}  ${s}`),
      "",
      "Errors go to stderr with exit code 2.",
    ].join("\n") + "\n"
  );
}

const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
};

/** Runs the command line; returns the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.out(generalHelp());
      return name === undefined ? 2 : 0;
    }
    const command = loadCommand(name);
    const args = parseArgv(rest, command.flags);
    if (args.flags.help) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof InputError) io.err(`nqp: ${e.message}\n`);
    else io.err(`nqp: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
