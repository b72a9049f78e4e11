/**
 * End-to-end harness: serves the built add-in (dist/, from `npm run build`) over a tiny local HTTP
 * server, drives Debian's chromium through playwright-core at a narrow task-pane width, and replaces
 * Office with test doubles injected before the page's scripts: an `Office` stub whose onReady reports
 * Excel, a `CustomFunctions` stub (the shared runtime page also loads functions.js), and `Excel` backed
 * by the in-memory workbook (./memory-excel.ts, transpiled for the browser). The Office.js CDN script
 * is answered with an empty script (it cannot load here, and the stubs stand in for it).
 */
import { createServer, Server } from "http";
import { existsSync, mkdirSync, readFileSync } from "fs";
import { extname, join, normalize } from "path";
import * as ts from "typescript";
import { chromium, Browser, Page } from "playwright-core";

export const ROOT = join(__dirname, "../..");
export const DIST = join(ROOT, "dist");
export const SHOTS = join(__dirname, "screenshots");
/** The default task pane width in Excel is about 320-350 px. */
export const PANE = { width: 340, height: 900 };

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "text/xml" };

export async function serveDist(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` first (npm run test:e2e does).");
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(DIST, path === "/" ? "taskpane.html" : path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return { server, url: `http://127.0.0.1:${port}/taskpane.html` };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
}

/** memory-excel.ts as a browser script defining window.MemExcel. */
function memoryExcelScript(): string {
  const src = readFileSync(join(__dirname, "memory-excel.ts"), "utf8");
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(function(){var exports={};var module={exports:exports};\n${js}\nwindow.MemExcel=exports;})();`;
}

const OFFICE_STUB = `
window.Office = {
  HostType: { Excel: "Excel" },
  context: { requirements: { isSetSupported: function () { return true; } } },
  onReady: function (cb) {
    var info = { host: "Excel", platform: "OfficeOnline" };
    return new Promise(function (resolve) { setTimeout(function () { if (cb) cb(info); resolve(info); }, 0); });
  },
};
window.CustomFunctions = {
  associate: function () {},
  Error: function (code, message) { this.code = code; this.message = message; },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};
`;

/**
 * Opens the pane with a workbook built by `setup` (browser-side source: a function body that receives
 * MemExcel and returns a MemoryWorkbook). The workbook is window.__wb for later inspection.
 */
export async function openPane(browser: Browser, url: string, setup: string, data?: unknown): Promise<Page> {
  const context = await browser.newContext({ viewport: PANE, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "/* Office.js stubbed by the e2e harness */" }));
  await page.addInitScript({ content: memoryExcelScript() });
  await page.addInitScript({ content: OFFICE_STUB });
  await page.addInitScript({
    content: `window.__data = ${JSON.stringify(data ?? null)};\nwindow.__wb = (function (MemExcel, data) {${setup}})(window.MemExcel, window.__data);\nwindow.Excel = window.__wb.excelNamespace();`,
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(url);
  await page.getByRole("heading", { name: "NQP Econometrics" }).waitFor();
  return page;
}

export async function shot(page: Page, name: string): Promise<string> {
  if (!existsSync(SHOTS)) mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
