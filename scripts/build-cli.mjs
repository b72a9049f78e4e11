#!/usr/bin/env node
/**
 * Bundles the command line (src/cli/main.ts and every command in src/cli/commands/) into dist-cli/nqp.js
 * with esbuild, so `nqp` starts without compiling TypeScript (bin/nqp.js uses the bundle while it is
 * newer than every source file it was built from, listed in dist-cli/inputs.json; else it runs the
 * sources through tsx). ExcelJS stays external (loaded from node_modules). Run by `npm run build:cli`,
 * `npm run build` and `prepare` (so `npm ci` builds it).
 *   node scripts/build-cli.mjs [--outdir DIR]
 */
import { createRequire } from "module";
import { mkdirSync, readdirSync, writeFileSync } from "fs";
import { dirname, join, relative } from "path";
import { fileURLToPath } from "url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
// esbuild comes with tsx (a dependency); resolve it from there if it is not hoisted.
function loadEsbuild() {
  try {
    return require("esbuild");
  } catch {
    return require(require.resolve("esbuild", { paths: [dirname(require.resolve("tsx/package.json"))] }));
  }
}

const outIdx = process.argv.indexOf("--outdir");
const OUT = outIdx > 0 ? process.argv[outIdx + 1] : join(ROOT, "dist-cli");
const COMMANDS = join(ROOT, "src", "cli", "commands");
const names = readdirSync(COMMANDS)
  .filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts") && !f.endsWith(".test.ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

const entry = [
  `import { main, registerCommands } from "./src/cli/main";`,
  ...names.map((n, i) => `import { command as c${i} } from "./src/cli/commands/${n}";`),
  `registerCommands({ ${names.map((n, i) => `${JSON.stringify(n)}: c${i}`).join(", ")} });`,
  `export { main };`,
  `if (require.main === module) main(process.argv.slice(2)).then((code) => { process.exitCode = code; });`,
].join("\n");

/**
 * ExcelJS takes about 0.3 s to load; only commands that read or write .xlsx need it. `import ExcelJS from
 * "exceljs"` is bundled as a module whose `default` loads it on first use; require("exceljs") stays as it is.
 */
const lazyExcelJs = {
  name: "lazy-exceljs",
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, (args) =>
      args.kind === "import-statement" && args.namespace !== "lazy-exceljs" ? { path: "exceljs", namespace: "lazy-exceljs" } : { path: "exceljs", external: true },
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-exceljs" }, () => ({
      contents: 'let m; module.exports = { __esModule: true, get default() { return (m = m || require("exceljs")); } };',
      loader: "js",
    }));
  },
};

const t0 = Date.now();
mkdirSync(OUT, { recursive: true });
const result = await loadEsbuild().build({
  stdin: { contents: entry, resolveDir: ROOT, sourcefile: "nqp-entry.ts", loader: "ts" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile: join(OUT, "nqp.js"),
  plugins: [lazyExcelJs],
  // Native binding (resvg) and the charting library load from node_modules, not the bundle.
  external: ["@resvg/resvg-js", "echarts"],
  define: { "process.env.NQP_BUNDLED": '"1"' },
  metafile: true,
  logLevel: "warning",
});
const inputs = Object.keys(result.metafile.inputs)
  .filter((f) => !f.includes("node_modules") && !f.includes(":") && f !== "nqp-entry.ts")
  .map((f) => relative(ROOT, join(ROOT, f)).split("\\").join("/"))
  .sort();
writeFileSync(join(OUT, "inputs.json"), JSON.stringify({ commands: names, inputs }, null, 1) + "\n");
console.log(`nqp CLI bundled into ${relative(process.cwd(), join(OUT, "nqp.js")) || "nqp.js"} (${inputs.length} source files, ${Date.now() - t0} ms)`);
