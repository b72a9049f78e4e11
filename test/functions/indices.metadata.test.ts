/** Golden metadata of the index formulas: ids, parameter names and which are optional (generated as webpack does). */
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const DIR = join(__dirname, "../../src/functions/formulas");
const FILES = ["entropy", "resilience", "lag", "winsor", "lq", "standardize", "describe"];

const GOLDEN: Record<string, string[]> = {
  ENTROPY: ["indicators", "directions?", "output?", "options?", "groups?", "layers?"],
  RESILIENCE: ["value", "id", "time", "national?", "method?", "output?"],
  LAG: ["x", "id", "time", "k?"],
  WINSOR: ["x", "p?", "by?"],
  LQ: ["part", "total", "region_part", "region_total"],
  STANDARDIZE: ["x", "method?", "by?"],
  DESCRIBE: ["data", "sample?", "output?"],
};

test("index formulas: ids, parameters, matrix results, descriptions", async () => {
  const r = await generateCustomFunctionsMetadata(FILES.map((f) => join(DIR, `${f}.ts`)), false);
  expect(r.errors).toEqual([]);
  const meta = JSON.parse(r.metadataJson) as {
    functions: { id: string; result: { dimensionality?: string }; parameters: { name: string; optional?: boolean; description?: string }[] }[];
  };
  const got = Object.fromEntries(meta.functions.map((f) => [f.id, f.parameters.map((p) => p.name + (p.optional ? "?" : ""))]));
  expect(got).toEqual(GOLDEN);
  for (const f of meta.functions) {
    expect(f.result.dimensionality).toBe("matrix");
    for (const p of f.parameters) expect((p.description ?? "").length).toBeGreaterThan(10);
  }
});
