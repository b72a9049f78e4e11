/**
 * Every example a new user is shown runs as written on the shipped files (issue 19 item 3): the `npx nqp ...`
 * lines of every fenced block of README.md, and the `nqp ...` example lines of every command's --help. Each set
 * runs in order in its own temporary folder holding a copy of data/ (so an example may read the --out file of
 * an earlier one, and --out never meets an existing file); a command whose --data/--spec file does not exist
 * yet waits until an earlier-listed one has written it. In-process through main() (test/support/cli.ts).
 * New README sections are picked up automatically.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { commandHelp, commandNames, loadCommand } from "../../src/cli/main";
import { runCli } from "../support/cli";

jest.setTimeout(600_000);
const ROOT = join(__dirname, "../..");

/** Shell words of one command line: whitespace-separated, '...' and "..." quoting, # comments. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = "";
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unclosed quote in: ${line}`);
      cur += line.slice(i + 1, end);
      has = true;
      i = end;
    } else if (/\s/.test(c)) {
      if (has) words.push(cur);
      cur = "";
      has = false;
    } else if (c === "#" && !has) break;
    else {
      cur += c;
      has = true;
    }
  }
  if (has) words.push(cur);
  return words;
}

/** Joins lines ending in a backslash with the next one. */
function joinContinuations(lines: readonly string[]): string[] {
  const out: string[] = [];
  let acc = "";
  for (const l of lines) {
    if (/\\\s*$/.test(l)) acc += l.replace(/\\\s*$/, " ");
    else {
      out.push(acc + l);
      acc = "";
    }
  }
  if (acc) out.push(acc);
  return out;
}

/** The `npx nqp ...` commands of the fenced blocks of a Markdown text, in order (argv after "nqp"). */
export function markdownCommands(md: string): string[][] {
  const cmds: string[][] = [];
  const blocks = md.match(/^ *```[^\n]*\n[\s\S]*?^ *```/gm) ?? [];
  for (const b of blocks) {
    const lines = joinContinuations(b.split("\n").slice(1, -1));
    for (const l of lines) {
      const w = shellWords(l.replace(/^\s*\$\s*/, ""));
      if (w[0] === "npx" && w[1] === "nqp") cmds.push(w.slice(2));
    }
  }
  return cmds;
}

/** The example lines of a command's help text (indented lines starting with "nqp "), argv after "nqp". */
export function helpCommands(help: string): string[][] {
  const details = help.slice(help.indexOf("\nOptions:"));
  return joinContinuations(details.split("\n"))
    .filter((l) => /^\s+nqp\s/.test(l))
    .map((l) => shellWords(l).slice(1));
}

/** Runs the commands in a fresh folder with a copy of data/; returns a failure report per command that did not exit 0. */
async function runAll(cmds: readonly string[][]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "nqp-examples-"));
  try {
    cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
    const inputs = (argv: readonly string[]) => argv.flatMap((a, i) => (argv[i - 1] === "--data" || argv[i - 1] === "--spec" ? [a] : []));
    const outs = new Set(cmds.flatMap((argv) => argv.flatMap((a, i) => (argv[i - 1] === "--out" ? [a] : []))));
    let pending = cmds.map((argv, i) => ({ argv, i }));
    const failures: string[] = [];
    while (pending.length) {
      // The first command whose inputs exist (or will never be written by another example).
      const ready = pending.find((c) => inputs(c.argv).every((f) => existsSync(join(dir, f)) || !outs.has(f))) ?? pending[0];
      pending = pending.filter((c) => c !== ready);
      const r = await runCli([...ready.argv], dir);
      if (r.code !== 0) failures.push(`nqp ${ready.argv.join(" ")}\n  exit ${r.code}: ${r.err.trim()}`);
    }
    return failures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const README = readFileSync(join(ROOT, "README.md"), "utf8");

test("extraction: fenced README commands, continuations, quotes and comments", () => {
  const md = "text `npx nqp inline --x` \n```bash\nnpx nqp fe --data 'a b.csv' \\\n   --x a,b   # comment\nnpm test\n```\n  ```\n  $ npx nqp --help\n  ```\n";
  expect(markdownCommands(md)).toEqual([["fe", "--data", "a b.csv", "--x", "a,b"], ["--help"]]);
  const cmds = markdownCommands(README);
  expect(cmds.length).toBeGreaterThanOrEqual(6);
  expect(cmds.map((c) => c.join(" "))).toContain("lag --data nqp_er.csv --cols NQP --id city_id --time year --out nqp_paper.csv");
});

test("every command's --help has at least one example", () => {
  for (const name of commandNames()) {
    const ex = helpCommands(commandHelp(loadCommand(name)));
    expect([name, ex.length > 0]).toEqual([name, true]);
    for (const argv of ex) expect(argv[0]).toBe(name);
  }
});

test("every `npx nqp` command of README.md exits 0 on the shipped data", async () => {
  expect(await runAll(markdownCommands(README))).toEqual([]);
});

test("every --help example exits 0 on the shipped data", async () => {
  const cmds = commandNames().flatMap((name) => helpCommands(commandHelp(loadCommand(name))));
  expect(await runAll(cmds)).toEqual([]);
});
