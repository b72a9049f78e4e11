/**
 * Command-line flags: `--name value`, `--name=value`, boolean switches `--json`, lists `--x a,b,c` or,
 * as in Stata, `--x a b c` (words after a list flag up to the next `--` option belong to the list).
 * Each command declares its flags once (FlagSpec). Every problem on the line (unknown flags with a
 * nearest-match suggestion, missing values, values outside a choice list, leftover words) is collected
 * and reported together in one CliError.
 */
import { InputError } from "../engine/frame/errors";
import { didYouMean } from "./suggest";

/** A usage error on the command line (exit code 2, message on stderr). */
export class CliError extends InputError {
  constructor(message: string) {
    super(message, "value");
    this.name = "CliError";
  }
}

/** One message for several problems: the problem itself when there is one, else a count and one per line. */
export function problemsMessage(problems: readonly string[]): string {
  if (problems.length === 1) return problems[0];
  return `${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`;
}

export type FlagType = "string" | "boolean" | "list" | "number";

export interface FlagDef {
  readonly type: FlagType;
  readonly description: string;
  readonly required?: boolean;
  /** Allowed values (string or list flags). */
  readonly values?: readonly string[];
  /** Other spellings accepted for a value, e.g. { robust: "hc1" }. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Placeholder in help, e.g. FILE or NAME. */
  readonly meta?: string;
  /**
   * The value names columns of --data: checked (with suggestions) before the command runs. List flags
   * name columns unless `column: false`, and take ranges (`a-d`: the columns from a to d in file order).
   */
  readonly column?: boolean;
}

export type FlagSpec = Readonly<Record<string, FlagDef>>;

/** Flags most commands share: `flags: { data: DATA_FLAG, ..., json: JSON_FLAG }`. */
export const DATA_FLAG: FlagDef = { type: "string", meta: "FILE", required: true, description: ".csv or .xlsx (first sheet) with a header row" };
export const JSON_FLAG: FlagDef = { type: "boolean", description: "print one JSON object (NaN -> null)" };
/** --vcov of the regression commands; `robust` is Stata's name for HC1. */
export const VCOV_FLAG: FlagDef = {
  type: "string",
  values: ["iid", "hc1", "cluster"],
  aliases: { robust: "hc1" },
  description: "variance: iid (default), hc1 (robust = hc1, Stata's vce(robust)), cluster",
};

/** Whether a flag's value names columns of the data file. */
export function namesColumns(def: FlagDef): boolean {
  return def.column ?? def.type === "list";
}

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

const isOption = (a: string) => a.startsWith("--") && a.length > 2;

/** Parses argv (after the command name) against the spec; returns the flags and every problem found. */
export function parseArgvProblems(argv: readonly string[], spec: FlagSpec): { args: ParsedArgs; problems: string[] } {
  const flags: Record<string, string | boolean | number | string[]> = {};
  const problems: string[] = [];
  const names = [...Object.keys(spec), "help"];
  let last: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!isOption(a)) {
      const prev = last === undefined ? undefined : spec[last];
      if (last === undefined || prev === undefined) {
        const hint = /^-[^-]/.test(a) && spec[a.slice(1).split("=")[0]] ? ` (options start with two dashes: -${a})` : " (options start with --)";
        problems.push(`unexpected "${a}"${hint}.`);
      } else if (prev.type === "list") {
        const items = splitList(a);
        flags[last] = [...((flags[last] as string[] | undefined) ?? []), ...items];
      } else {
        problems.push(`unexpected "${a}" after --${last} ${flags[last]}: --${last} takes one value${prev.type === "boolean" ? " (it is a switch)" : ""}.`);
      }
      continue;
    }
    last = undefined;
    const eq = a.indexOf("=");
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (name === "help") {
      flags.help = true;
      continue;
    }
    const def = spec[name];
    if (!def) {
      problems.push(`Unknown option --${name}${didYouMean(name, names, "--")}. Options: ${names.map((k) => `--${k}`).join(", ")}.`);
      // Skip its value, if it has one, so that it is not reported as a leftover word too.
      if (eq < 0 && i + 1 < argv.length && !isOption(argv[i + 1])) i++;
      continue;
    }
    last = name;
    if (def.type === "boolean") {
      if (eq >= 0) {
        const v = a.slice(eq + 1).toLowerCase();
        if (!["true", "false", "1", "0", "yes", "no"].includes(v)) problems.push(`--${name} is a switch; got "${v}".`);
        else flags[name] = ["true", "1", "yes"].includes(v);
      } else flags[name] = true;
      continue;
    }
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      if (i + 1 >= argv.length || isOption(argv[i + 1])) {
        problems.push(`--${name} needs a value (${def.meta ?? def.type}).`);
        continue;
      }
      value = argv[++i];
    }
    if (def.type === "number") {
      const x = Number(value);
      if (value.trim() === "" || !Number.isFinite(x)) problems.push(`--${name} must be a number; got "${value}".`);
      else flags[name] = x;
    } else if (def.type === "list") {
      flags[name] = [...((flags[name] as string[] | undefined) ?? []), ...splitList(value)];
    } else {
      flags[name] = def.aliases?.[value] ?? value;
    }
  }
  for (const [name, def] of Object.entries(spec)) {
    const v = flags[name];
    if (def.type === "list" && Array.isArray(v)) {
      if (v.length === 0) problems.push(`--${name} needs at least one name.`);
      flags[name] = v.map((x) => def.aliases?.[x] ?? x);
    }
    if (def.values && v !== undefined) {
      for (const x of def.type === "list" ? (flags[name] as string[]) : [String(flags[name])]) {
        if (!def.values.includes(x)) {
          const also = Object.entries(def.aliases ?? {}).map(([k, v]) => `${k} means ${v}`);
          problems.push(`--${name} must be one of ${def.values.join(", ")}; got "${x}"${didYouMean(x, [...def.values, ...Object.keys(def.aliases ?? {})])}${also.length ? `; ${also.join(", ")}` : ""}.`);
        }
      }
    }
  }
  if (!flags.help) {
    for (const [name, def] of Object.entries(spec)) {
      if (def.required && flags[name] === undefined && !problems.some((p) => p.startsWith(`--${name} `))) {
        problems.push(`Missing required option --${name} ${def.meta ?? ""}`.trimEnd() + ".");
      }
    }
  }
  return { args: { flags, positionals: [] }, problems };
}

/** Parses argv (after the command name) against the spec; throws one CliError listing every problem. `--help` is always accepted. */
export function parseArgv(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const { args, problems } = parseArgvProblems(argv, spec);
  if (problems.length > 0) throw new CliError(problemsMessage(problems));
  return args;
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
