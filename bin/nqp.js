#!/usr/bin/env node
/*
 * The `nqp` command. Runs the bundle dist-cli/nqp.js (scripts/build-cli.mjs; `npm run build:cli`, also run
 * by `npm run build` and `npm ci`) when it is fresh: built from the same command files and newer than every
 * source file it was built from (dist-cli/inputs.json). Otherwise (no bundle, or src/ edited since) it runs
 * src/cli/main.ts through tsx, which compiles the TypeScript first (a few seconds).
 */
const { existsSync, readFileSync, readdirSync, statSync } = require("fs");
const { join } = require("path");

const ROOT = join(__dirname, "..");

/** Why the bundle under root cannot be used, or null when it is fresh. */
function bundleProblem(root = ROOT) {
  const bundle = join(root, "dist-cli", "nqp.js");
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return "no bundle";
  }
  if (!existsSync(join(root, "src"))) return null; // installed without sources: the bundle is all there is
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, "dist-cli", "inputs.json"), "utf8"));
  } catch {
    return "no dist-cli/inputs.json";
  }
  const commands = readdirSync(join(root, "src", "cli", "commands"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.endsWith(".test.ts"))
    .map((f) => f.slice(0, -3))
    .sort();
  if (commands.join(",") !== manifest.commands.join(",")) return "the commands changed";
  for (const f of manifest.inputs) {
    let t;
    try {
      t = statSync(join(root, f)).mtimeMs;
    } catch {
      return `${f} is gone`;
    }
    if (t > built) return `${f} is newer than the bundle`;
  }
  return null;
}

/** The module to load: the bundle when fresh, else the TypeScript sources (through tsx). */
function entry(root = ROOT) {
  return bundleProblem(root) === null ? { kind: "bundle", path: join(root, "dist-cli", "nqp.js") } : { kind: "tsx", path: join(root, "src", "cli", "main.ts") };
}

module.exports = { bundleProblem, entry };

if (require.main === module) {
  const e = entry();
  if (process.env.NQP_CLI_DEBUG) process.stderr.write(`nqp: running ${e.kind} ${e.path} (${bundleProblem() ?? "fresh"})\n`);
  if (e.kind === "tsx") require("tsx/cjs");
  require(e.path)
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
}
