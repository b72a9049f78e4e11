#!/usr/bin/env node
// Refreshes test/reference from the project's shared oracle sets (../shared/reference beside the
// checkout), when that folder exists. Tests read only test/reference: a user's clone has no ../shared.
// Copies every file except the sets' tools/ folders (data + expected + READMEs), then rewrites
// test/reference/SHA256SUMS and prints what was added, changed or removed, so drift is seen.
//   node scripts/refresh-reference.mjs          copy and report
//   node scripts/refresh-reference.mjs --check  report only; exit 1 when the copy differs from the source
// This is the one file allowed to name ../shared (test/repo/reference-copy.test.ts exempts it).
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "..", "shared", "reference");
const target = join(root, "test", "reference");
const KEEP_LOCAL = new Set(["SHA256SUMS", "PROVENANCE.md"]);

function listFiles(dir, skipTools) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (!(skipTools && name === "tools")) walk(p);
      } else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

const sha = (p) => createHash("sha256").update(readFileSync(p)).digest("hex");

if (!existsSync(source)) {
  console.log(`no ${source}: nothing to refresh (test/reference is used as it is)`);
  process.exit(0);
}
const check = process.argv.includes("--check");
const wanted = listFiles(source, true);
const have = existsSync(target) ? listFiles(target, false).filter((f) => !KEEP_LOCAL.has(f)) : [];
const added = wanted.filter((f) => !have.includes(f));
const removed = have.filter((f) => !wanted.includes(f));
const changed = wanted.filter((f) => have.includes(f) && sha(join(source, f)) !== sha(join(target, f)));
for (const [label, list] of [["added", added], ["changed", changed], ["removed", removed]]) {
  for (const f of list) console.log(`${label}: ${f}`);
}
if (check) {
  const drift = added.length + changed.length + removed.length;
  console.log(drift === 0 ? `test/reference matches ${source} (${wanted.length} files)` : `${drift} file(s) differ`);
  process.exit(drift === 0 ? 0 : 1);
}
for (const f of [...added, ...changed]) {
  mkdirSync(dirname(join(target, f)), { recursive: true });
  copyFileSync(join(source, f), join(target, f));
}
for (const f of removed) unlinkSync(join(target, f));
const sums = wanted.map((f) => `${sha(join(target, f))}  ${f}`).join("\n") + "\n";
writeFileSync(join(target, "SHA256SUMS"), sums);
console.log(`test/reference: ${wanted.length} files, ${added.length} added, ${changed.length} changed, ${removed.length} removed`);
