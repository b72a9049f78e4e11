/**
 * Structural checks of manifest.xml (the online validator is unreachable offline and the public XSDs
 * reject shared-runtime <Runtimes>; see the project's toolchain notes). Well-formedness: xmllint when installed.
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "../..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** Attribute values of every element `tag` (prefix-insensitive), e.g. attrs("bt:Url", "id"). */
function attrs(tag: string, attr: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*\\b${attr}="([^"]*)"`, "g");
  return [...xml.matchAll(re)].map((m) => m[1]);
}

function resourceValue(id: string): string | undefined {
  const m = xml.match(new RegExp(`<bt:(?:Image|Url|String)\\s+id="${id.replace(/\./g, "\\.")}"\\s+DefaultValue="([^"]*)"`));
  return m?.[1];
}

function xmllintAvailable(): boolean {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("manifest.xml", () => {
  (xmllintAvailable() ? test : test.skip)("is well-formed (xmllint --noout)", () => {
    expect(() => execFileSync("xmllint", ["--noout", join(ROOT, "manifest.xml")], { stdio: "pipe" })).not.toThrow();
  });

  test("every resid resolves to a resource and every resource id is at most 32 characters", () => {
    const used = attrs("[A-Za-z:]+", "resid");
    expect(used.length).toBeGreaterThan(5);
    const defined = [...attrs("bt:Image", "id"), ...attrs("bt:Url", "id"), ...attrs("bt:String", "id")];
    for (const id of used) expect(defined).toContain(id);
    for (const id of [...used, ...defined]) expect(id.length).toBeLessThanOrEqual(32);
    expect(new Set(defined).size).toBe(defined.length);
  });

  test("custom functions: namespace NQP, script functions.js, metadata functions.json, page = the shared runtime", () => {
    expect(resourceValue("Functions.Namespace")).toBe("NQP");
    const cf = xml.match(/<ExtensionPoint xsi:type="CustomFunctions">([\s\S]*?)<\/ExtensionPoint>/);
    expect(cf).not.toBeNull();
    const block = cf![1];
    const rid = (el: string) => block.match(new RegExp(`<${el}>\\s*<SourceLocation resid="([^"]+)"`))?.[1];
    expect(resourceValue(rid("Script")!)).toMatch(/\/functions\.js$/);
    expect(resourceValue(rid("Metadata")!)).toMatch(/\/functions\.json$/);
    const runtime = xml.match(/<Runtime resid="([^"]+)"[^>]*>/);
    expect(rid("Page")).toBe(runtime?.[1]);
    expect(block).toMatch(/<Namespace resid="Functions\.Namespace"\/>/);
  });

  test("shared runtime: SharedRuntime requirement, one long-lived runtime used by task pane and function file", () => {
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\s*\/>/);
    const runtimes = [...xml.matchAll(/<Runtime\s+resid="([^"]+)"\s+lifetime="([^"]+)"/g)];
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0][2]).toBe("long");
    const page = runtimes[0][1];
    expect(xml).toMatch(new RegExp(`<FunctionFile resid="${page}"\\/>`));
    const action = xml.match(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/);
    expect(action?.[1]).toBe(page);
    expect(resourceValue(page)).toMatch(/\/taskpane\.html$/);
  });

  test("host is Excel (Workbook) and every icon exists in assets/", () => {
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    expect(xml).toMatch(/<Host xsi:type="Workbook">/);
    const iconUrls = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)].map((m) => m[1]);
    expect(iconUrls.length).toBeGreaterThan(0);
    for (const u of iconUrls) expect(existsSync(join(ROOT, u))).toBe(true);
  });

  test("the add-in id is a GUID and the version has four parts", () => {
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(xml).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
  });
});
