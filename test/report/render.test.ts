/**
 * `npm run demo:render` (scripts/render.sh): the demo workbook converts with LibreOffice headless to a PDF
 * with one page per table and one for the Figures sheet (the hidden spec sheet is not printed) and
 * one PNG per page. Skipped when
 * soffice or pdftoppm is missing (.ci/run installs them).
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runDemo } from "../../scripts/demo";

const has = (tool: string) => {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const canRender = has("soffice") && has("pdftoppm");

(canRender ? test : test.skip)("renders the demo workbook to one PDF page and one PNG per table", async () => {
  const dir = mkdtempSync(join(tmpdir(), "nqp-render-"));
  const book = join(dir, "demo.xlsx");
  const { tables } = await runDemo(book);
  execFileSync("bash", [join(__dirname, "..", "..", "scripts", "render.sh"), book], { stdio: "pipe", timeout: 180000 });
  expect(existsSync(join(dir, "demo.pdf"))).toBe(true);
  const pages = (readFileSync(join(dir, "demo.pdf"), "latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(tables.length + 1);
  const pngs = readdirSync(dir).filter((f) => /^demo-page-\d+\.png$/.test(f));
  expect(pngs).toHaveLength(tables.length + 1);
  for (const p of pngs) expect(readFileSync(join(dir, p)).subarray(1, 4).toString()).toBe("PNG");
}, 240000);
