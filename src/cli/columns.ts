/**
 * Column names on the command line, checked against the data file before a command runs: every flag
 * that names columns (FlagDef.column; list flags by default) is looked up, misspellings get the nearest
 * column name, and list items may be Stata-style ranges `first-last` (the columns from first to last in
 * the file's order; a name that itself contains "-" is taken as it is). All problems are returned together.
 */
import { Frame } from "../engine/frame";
import { FlagSpec, ParsedArgs, namesColumns } from "./argv";
import { didYouMean } from "./suggest";

function unknown(name: string, flag: string, frame: Frame): string {
  const hint = didYouMean(name, frame.names);
  return `There is no column named "${name}" (--${flag})${hint}.${hint ? "" : ` Columns: ${frame.names.join(", ")}.`}`;
}

/** One list item: a column name, or a range a-b expanded in file order. */
function expandItem(item: string, flag: string, frame: Frame, problems: string[]): string[] {
  if (frame.columns.has(item)) return [item];
  const index = new Map(frame.names.map((n, j) => [n, j]));
  for (let k = item.indexOf("-"); k > 0; k = item.indexOf("-", k + 1)) {
    const a = item.slice(0, k).trim();
    const b = item.slice(k + 1).trim();
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia !== undefined && ib !== undefined) {
      if (ia > ib) {
        problems.push(`The range "${item}" (--${flag}) runs backwards: "${b}" comes before "${a}" in the file; write ${b}-${a}.`);
        return [];
      }
      return frame.names.slice(ia, ib + 1);
    }
  }
  const dash = item.indexOf("-");
  if (dash > 0 && dash < item.length - 1) {
    // Read as a range: name the side(s) that are not columns.
    const sides = [item.slice(0, dash).trim(), item.slice(dash + 1).trim()].filter((s) => !frame.columns.has(s));
    if (sides.length === 1) {
      problems.push(`The range "${item}" (--${flag}): there is no column named "${sides[0]}"${didYouMean(sides[0], frame.names)}.`);
      return [];
    }
  }
  problems.push(unknown(item, flag, frame));
  return [];
}

/** The flags with column lists expanded (ranges) and every unknown column as a problem. */
export function resolveColumns(args: ParsedArgs, spec: FlagSpec, frame: Frame): { args: ParsedArgs; problems: string[] } {
  const problems: string[] = [];
  const flags = { ...args.flags };
  for (const [flag, def] of Object.entries(spec)) {
    const v = flags[flag];
    if (v === undefined || !namesColumns(def) || def.values) continue;
    if (Array.isArray(v)) {
      const out: string[] = [];
      for (const item of v) out.push(...expandItem(item, flag, frame, problems));
      flags[flag] = out;
    } else if (typeof v === "string" && !frame.columns.has(v)) {
      problems.push(unknown(v, flag, frame));
    }
  }
  return { args: { ...args, flags }, problems };
}
