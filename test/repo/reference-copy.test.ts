/**
 * The reference files the tests use live in the repo (test/reference), so `npm test` passes on a fresh clone
 * with nothing beside it. Two guards: no file under src/, test/, scripts/ or bench/ reads the shared folder
 * beside the checkout (only scripts/refresh-reference.mjs, which is never run by a test, may name it), and
 * the vendored copy matches its SHA256SUMS (written by that script), so a hand edit or a partial copy is seen.
 */
import { createHash } from "crypto";
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative, sep } from "path";

const ROOT = join(__dirname, "../..");
const REF = join(ROOT, "test", "reference");
const EXEMPT = new Set(["scripts/refresh-reference.mjs"]);
// A parent-relative path to the shared folder (any depth), or a join of the parent and that folder.
// Assembled from pieces so that this file does not name the folder itself.
const FOLDER = ["sh", "ared"].join("");
const SHARED_READ = new RegExp(`\\.\\.\\/+${FOLDER}\\b|["']\\.\\.["']\\s*,\\s*["']${FOLDER}["']`);
const CODE = /\.(ts|tsx|js|mjs|cjs|sh|py|json)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === "node_modules") continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
const rel = (p: string) => relative(ROOT, p).split(sep).join("/");

describe("reference files are vendored (no reads of the sibling shared folder)", () => {
  it("no source, test, script or bench file names the sibling shared folder", () => {
    const offenders: string[] = [];
    for (const dir of ["src", "test", "scripts", "bench"]) {
      for (const file of walk(join(ROOT, dir))) {
        const r = rel(file);
        if (EXEMPT.has(r) || r.startsWith("test/reference/") || !CODE.test(r)) continue;
        readFileSync(file, "utf8").split("\n").forEach((line, i) => {
          if (SHARED_READ.test(line)) offenders.push(`${r}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the guard itself catches the forms a read would take", () => {
    // Built from pieces so that this file does not trip its own guard.
    const up = "..";
    expect(SHARED_READ.test(`join(__dirname, "${up}/${up}/${up}/${FOLDER}/reference")`)).toBe(true);
    expect(SHARED_READ.test(`join(root, "${up}", "${FOLDER}", "reference")`)).toBe(true);
    expect(SHARED_READ.test('join(REFERENCE, "expected")')).toBe(false);
  });

  it("test/reference matches its SHA256SUMS, file for file", () => {
    const listed = readFileSync(join(REF, "SHA256SUMS"), "utf8").trim().split("\n").map((l) => {
      const [hash, file] = l.split(/\s+/);
      return { hash, file };
    });
    const present = walk(REF).map((p) => relative(REF, p).split(sep).join("/"))
      .filter((f) => f !== "SHA256SUMS" && f !== "PROVENANCE.md").sort();
    expect(listed.map((x) => x.file).sort()).toEqual(present);
    const bad = listed.filter(({ hash, file }) => createHash("sha256").update(readFileSync(join(REF, file))).digest("hex") !== hash);
    expect(bad.map((b) => b.file)).toEqual([]);
  });
});
