/**
 * Files the commands write (--out): the checks every writing command makes before it computes anything
 * (refuse a directory, refuse the input file even with --replace, refuse an existing file unless
 * --replace, check the extension), and the "input plus new columns" CSV of entropy/resilience/lag.
 * A file is written to a temporary name beside it and renamed, so a failed write leaves no half file.
 */
import { existsSync, mkdirSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { Cell } from "../engine/frame/missing";
import { CliError, FlagDef } from "./argv";
import { readDataRows } from "./data";

export const REPLACE_FLAG: FlagDef = { type: "boolean", description: "overwrite --out if it exists (never the input file)" };

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * Checks --out before anything is computed; returns the absolute path. `inputs` are the files the command
 * reads (relative to cwd); `extensions` the allowed endings, e.g. [".csv"].
 */
export function checkOutFile(out: string, o: { inputs: readonly string[]; replace: boolean; extensions: readonly string[]; cwd: string }): string {
  const path = resolve(o.cwd, out);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new CliError(`--out names a directory, not a file: "${out}". Give a file name, e.g. ${join(out, `result${o.extensions[0]}`)}.`);
  }
  if (!o.extensions.includes(extname(path).toLowerCase())) {
    throw new CliError(`--out must name a ${o.extensions.join(" or ")} file, got "${out}".`);
  }
  for (const input of o.inputs) {
    if (existsSync(path) && samePath(path, resolve(o.cwd, input))) {
      throw new CliError(`--out ${out} is the input file; nqp never writes over its input (not even with --replace). Give another name, e.g. ${basename(out, extname(out))}_out${extname(out)}.`);
    }
  }
  if (existsSync(path) && !o.replace) throw new CliError(`--out ${out} exists; add --replace to overwrite it, or give another name.`);
  return path;
}

/** Writes through a temporary file in the same folder (created if missing), then renames it into place. */
export async function writeFileSafely(path: string, write: (tmp: string) => void | Promise<void>): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp${extname(path)}`);
  try {
    await write(tmp);
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
}

function csvField(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  const s = typeof c === "number" ? (Number.isNaN(c) ? "" : String(c)) : String(c);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text of the rows (header first) with new columns appended; NaN is written as an empty field (missing). */
export function csvWithColumns(rows: readonly (readonly Cell[])[], added: readonly { name: string; values: ArrayLike<number> }[]): string {
  const lines = rows.map((r, i) =>
    [...r.map(csvField), ...added.map((a) => (i === 0 ? csvField(a.name) : csvField(a.values[i - 1])))].join(","),
  );
  return lines.join("\n") + "\n";
}

/** New column names must not clash with the input's. */
export function checkNewNames(names: readonly string[], existing: readonly string[], file: string, flag: string): void {
  const clash = names.filter((n) => existing.includes(n));
  if (clash.length) throw new CliError(`${file} already has a column named ${clash.map((c) => `"${c}"`).join(", ")}; choose another ${flag}.`);
  const dup = names.filter((n, i) => names.indexOf(n) !== i);
  if (dup.length) throw new CliError(`The new column "${dup[0]}" would appear twice.`);
}

/** Writes --data plus the new columns to `outPath` (checked by checkOutFile) as CSV. */
export async function saveWithColumns(dataFile: string, outPath: string, added: readonly { name: string; values: ArrayLike<number> }[], cwd: string): Promise<void> {
  const rows = await readDataRows(dataFile, cwd);
  await writeFileSafely(outPath, (tmp) => writeFileSync(tmp, csvWithColumns(rows, added)));
}
