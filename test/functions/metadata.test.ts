/**
 * Golden checks of the custom-function metadata that webpack's CustomFunctionsMetadataPlugin builds:
 * the same generator runs here over every file in src/functions/formulas/ (new formulas are picked up
 * automatically), and every function must generate without errors, carry a description, and describe
 * every parameter.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const DIR = join(__dirname, "../../src/functions/formulas");
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .map((f) => join(DIR, f));

interface Meta {
  functions: { id: string; name: string; description?: string; parameters: { name: string; description?: string; optional?: boolean }[] }[];
}

let meta: Meta;
let errors: string[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(files, false);
  errors = result.errors;
  meta = JSON.parse(result.metadataJson || '{"functions":[]}');
});

test("metadata generates without errors from every formula file", () => {
  expect(files.length).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test("every function has an upper-case id, a description, and a description for every parameter", () => {
  expect(meta.functions.length).toBeGreaterThan(0);
  for (const f of meta.functions) {
    expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
    expect(f.name).toBe(f.id);
    expect((f.description ?? "").trim().length).toBeGreaterThan(10);
    for (const p of f.parameters) {
      expect({ fn: f.id, param: p.name, hasDescription: (p.description ?? "").trim().length > 0 }).toEqual({
        fn: f.id,
        param: p.name,
        hasDescription: true,
      });
    }
  }
});

test("function ids are unique", () => {
  const ids = meta.functions.map((f) => f.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test("FE2WAY: parameters y, x, id, time, [cluster], [options], matrix in and out", () => {
  const f = meta.functions.find((g) => g.id === "FE2WAY") as any;
  expect(f).toBeDefined();
  expect(f.parameters.map((p: any) => p.name)).toEqual(["y", "x", "id", "time", "cluster", "options"]);
  expect(f.parameters.map((p: any) => Boolean(p.optional))).toEqual([false, false, false, false, true, true]);
  expect(f.result.dimensionality).toBe("matrix");
});

test("webpack bundles every formula file into the functions entry and generates functions.json from them", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("../../webpack.config.js");
  const config = await makeConfig({}, { mode: "production" });
  expect([...config.entry.functions].sort()).toEqual(["./src/functions/functions.ts", ...files].sort());
  const plugin = config.plugins.find((p: any) => p.constructor.name === "CustomFunctionsMetadataPlugin");
  expect(plugin.options.output).toBe("functions.json");
  expect([...plugin.options.input].sort()).toEqual([...files].sort());
  const html = config.plugins.find((p: any) => p.constructor.name === "HtmlWebpackPlugin");
  expect(html.userOptions.chunks).toEqual(expect.arrayContaining(["taskpane", "functions"]));
  expect(config.devServer.server).toBeUndefined();
});
