/**
 * Command-line flags: `--name value`, `--name=value`, boolean switches `--json`, comma lists `--x a,b,c`.
 * Each command declares its flags once (FlagSpec); unknown flags, missing values and values outside a
 * choice list are CliErrors whose message lists what is allowed.
 */
import { InputError } from "../engine/frame/errors";

/** A usage error on the command line (exit code 2, message on stderr). */
export class CliError extends InputError {
  constructor(message: string) {
    super(message, "value");
    this.name = "CliError";
  }
}

export type FlagType = "string" | "boolean" | "list" | "number";

export interface FlagDef {
  readonly type: FlagType;
  readonly description: string;
  readonly required?: boolean;
  /** Allowed values (string or list flags). */
  readonly values?: readonly string[];
  /** Placeholder in help, e.g. FILE or NAME. */
  readonly meta?: string;
}

export type FlagSpec = Readonly<Record<string, FlagDef>>;

/** Flags most commands share: `flags: { data: DATA_FLAG, ..., json: JSON_FLAG }`. */
export const DATA_FLAG: FlagDef = { type: "string", meta: "FILE", required: true, description: ".csv or .xlsx (first sheet) with a header row" };
export const JSON_FLAG: FlagDef = { type: "boolean", description: "print one JSON object (NaN -> null)" };

export interface ParsedArgs {
  readonly flags: Readonly<Record<string, string | boolean | number | string[]>>;
  readonly positionals: readonly string[];
}

function splitList(s: string): string[] {
  return s
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Parses argv (after the command name) against the spec. `--help` is always accepted. */
export function parseArgv(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const flags: Record<string, string | boolean | number | string[]> = {};
  const positionals: string[] = [];
  const allowed = () => Object.keys(spec).map((k) => `--${k}`).join(", ");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--") || a === "--") {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (name === "help") {
      flags.help = true;
      continue;
    }
    const def = spec[name];
    if (!def) throw new CliError(`Unknown option --${name}. Options: ${allowed()}, --help.`);
    if (def.type === "boolean") {
      if (eq >= 0) {
        const v = a.slice(eq + 1).toLowerCase();
        if (!["true", "false", "1", "0", "yes", "no"].includes(v)) throw new CliError(`--${name} is a switch; got "${v}".`);
        flags[name] = ["true", "1", "yes"].includes(v);
      } else flags[name] = true;
      continue;
    }
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) throw new CliError(`--${name} needs a value (${def.meta ?? def.type}).`);
      value = argv[++i];
    }
    if (def.type === "number") {
      const x = Number(value);
      if (value.trim() === "" || !Number.isFinite(x)) throw new CliError(`--${name} must be a number; got "${value}".`);
      flags[name] = x;
    } else if (def.type === "list") {
      const items = splitList(value);
      if (items.length === 0) throw new CliError(`--${name} needs at least one name.`);
      flags[name] = items;
    } else {
      flags[name] = value;
    }
    if (def.values) {
      const vals = def.type === "list" ? (flags[name] as string[]) : [String(flags[name])];
      for (const v of vals) {
        if (!def.values.includes(v)) throw new CliError(`--${name} must be one of ${def.values.join(", ")}; got "${v}".`);
      }
    }
  }
  if (!flags.help) {
    for (const [name, def] of Object.entries(spec)) {
      if (def.required && flags[name] === undefined) throw new CliError(`Missing required option --${name} ${def.meta ?? ""}`.trimEnd() + ".");
    }
  }
  return { flags, positionals };
}

/** Help lines for the flags: "  --x A,B,C   regressors ...". */
export function describeFlags(spec: FlagSpec): string {
  const rows = Object.entries(spec).map(([name, d]) => {
    const left = `--${name}${d.type === "boolean" ? "" : ` ${d.meta ?? (d.values ? d.values.join("|") : d.type.toUpperCase())}`}`;
    return [left, `${d.description}${d.required ? " (required)" : ""}`];
  });
  const w = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([l, r]) => `  ${l.padEnd(w)}  ${r}`).join("\n");
}

export function getString(a: ParsedArgs, name: string): string | undefined {
  const v = a.flags[name];
  return v === undefined ? undefined : String(v);
}

export function getList(a: ParsedArgs, name: string): string[] | undefined {
  const v = a.flags[name];
  return Array.isArray(v) ? v : v === undefined ? undefined : [String(v)];
}

export function getBool(a: ParsedArgs, name: string): boolean {
  return a.flags[name] === true;
}
