/**
 * `nqp <command> [options]`: dispatches to src/cli/commands/<command>.ts (each exports `command`).
 * `nqp --help` lists the commands, `nqp <command> --help` shows its options.
 * Exit codes: 0 success; 2 any error (message on stderr: user errors as they are, other failures
 * prefixed "internal error").
 */
import { readdirSync } from "fs";
import { join } from "path";
import { InputError } from "../engine/frame/errors";
import { CliError, describeFlags, parseArgvProblems, problemsMessage } from "./argv";
import { resolveColumns } from "./columns";
import { CliCommand, CliIO } from "./command";
import { readDataFile } from "./data";
import { setProgressSink } from "./read-progress";
import { didYouMean } from "./suggest";

const COMMAND_DIR = join(__dirname, "commands");

/**
 * Commands compiled into the bundle (scripts/build-cli.mjs registers every file of commands/ here);
 * when unset (tsx, jest) the commands are found by file name.
 */
let builtIn: Readonly<Record<string, CliCommand>> | undefined;
export function registerCommands(commands: Readonly<Record<string, CliCommand>>): void {
  builtIn = commands;
}

/** Command names: the .ts/.js files in src/cli/commands/. */
export function commandNames(): string[] {
  if (builtIn) return Object.keys(builtIn).sort();
  return readdirSync(COMMAND_DIR)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts") && !f.endsWith(".test.ts"))
    .map((f) => f.replace(/\.(ts|js)$/, ""))
    .sort();
}

export function loadCommand(name: string): CliCommand {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !commandNames().includes(name)) {
    throw new CliError(`Unknown command "${name}"${didYouMean(name, commandNames())}. Commands: ${commandNames().join(", ")}. Run nqp --help.`);
  }
  if (builtIn) return builtIn[name];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(COMMAND_DIR, name)) as { command?: CliCommand };
  if (!mod.command) throw new Error(`src/cli/commands/${name}.ts does not export "command"`);
  return mod.command;
}

export function commandHelp(c: CliCommand): string {
  const lists = Object.values(c.flags).some((f) => f.type === "list")
    ? ["", "Lists are comma- or space-separated (--x a,b,c or --x a b c); A-D is the columns from A to D in file order."]
    : [];
  return [`${c.summary}`, "", `Usage: ${c.usage}`, "", "Options:", describeFlags({ ...c.flags, help: { type: "boolean", description: "this text" } }), ...lists, ...(c.details ? ["", c.details] : [])].join("\n") + "\n";
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
    setProgressSink(io.err);
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.out(generalHelp());
      return name === undefined ? 2 : 0;
    }
    const command = loadCommand(name);
    const parsed = parseArgvProblems(rest, command.flags);
    let args = parsed.args;
    const problems = parsed.problems;
    if (args.flags.help) {
      io.out(commandHelp(command));
      return 0;
    }
    // Check the column flags against --data now, so that they are reported with the flag problems.
    // Not with --spec: its derive steps add columns (NQP, ER) the file does not have; the command checks them.
    const data = args.flags.data;
    if (command.flags.data && typeof data === "string" && typeof args.flags.spec !== "string") {
      try {
        const checked = resolveColumns(args, command.flags, await readDataFile(data, io.cwd));
        args = checked.args;
        problems.push(...checked.problems);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        problems.push(e.message);
      }
    }
    if (problems.length > 0) throw new CliError(problemsMessage(problems));
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof InputError) io.err(`nqp: ${e.message}\n`);
    else io.err(`nqp: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 2;
  }
}

// Run directly (tsx src/cli/main.ts); in the bundle the entry of scripts/build-cli.mjs does this after registering the commands.
if (require.main === module && process.env.NQP_BUNDLED !== "1") {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
