/**
 * The shipped data explain themselves (issue 19 item 4): data/codebook.md has a row for every column of
 * each CSV in data/, the +/- attributes of the NQP indicators agree with the entropy step of
 * data/demo-spec.json (its indicator list and `negative` list), and nothing in data/ points outside the repo.
 * Sources: the CSV headers themselves; data/demo-spec.json; test/reference/data/nqp_cities_codebook.md.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { REFERENCE } from "../support/reference";

const ROOT = join(__dirname, "../..");
const DATA = join(ROOT, "data");

interface Entry {
  readonly column: string;
  readonly unit: string;
  readonly meaning: string;
  readonly attr: string;
}

/** The rows of the markdown table under `## <heading>` (up to the next `##`), keyed by the first cell. */
function codebookSection(md: string, heading: string): Map<string, Entry> {
  const start = md.indexOf(`## ${heading}\n`);
  if (start < 0) throw new Error(`codebook has no section "## ${heading}"`);
  const rest = md.slice(start + heading.length + 4);
  const end = rest.search(/\n##? /);
  const body = end < 0 ? rest : rest.slice(0, end);
  const out = new Map<string, Entry>();
  let header: string[] | null = null;
  for (const line of body.split("\n")) {
    if (!line.startsWith("|")) {
      if (header) break; // first table of the section only
      continue;
    }
    const cells = line.slice(1, line.endsWith("|") ? -1 : undefined).split("|").map((c) => c.trim());
    if (!header) header = cells;
    else if (!/^-+$/.test(cells[0])) {
      const get = (name: string) => cells[header!.indexOf(name)] ?? "";
      out.set(cells[0], { column: cells[0], unit: get("type / unit"), meaning: get("meaning"), attr: get("attr") });
    }
  }
  return out;
}

const md = readFileSync(join(DATA, "codebook.md"), "utf8");
const header = (file: string) => readFileSync(join(DATA, file), "utf8").split(/\r?\n/, 1)[0].split(",");

describe("data/codebook.md", () => {
  const csvs = readdirSync(DATA).filter((f) => f.endsWith(".csv"));

  it("covers every CSV shipped in data/", () => {
    expect(csvs.sort()).toEqual(["gp_city2022.csv", "grunfeld.csv", "nqp_panel.csv"]);
  });

  it.each(csvs)("%s: every column has an entry with a unit and a meaning, and every entry is a column", (file) => {
    const book = codebookSection(md, file);
    const cols = header(file);
    expect(cols.filter((c) => !book.has(c))).toEqual([]);
    expect([...book.keys()].filter((c) => !cols.includes(c))).toEqual([]);
    for (const e of book.values()) {
      expect(e.unit).not.toBe("");
      expect(e.meaning.length).toBeGreaterThan(3);
    }
  });

  it("nqp_panel.csv: the +/- attributes are those of the entropy step in data/demo-spec.json", () => {
    const spec = JSON.parse(readFileSync(join(DATA, "demo-spec.json"), "utf8"));
    const entropy = spec.derive.find((d: { kind: string }) => d.kind === "entropy");
    const book = codebookSection(md, "nqp_panel.csv");
    const withAttr = [...book.values()].filter((e) => e.attr !== "");
    expect(withAttr.map((e) => e.column)).toEqual(entropy.indicators);
    const negative = new Set<string>(entropy.negative ?? []);
    for (const e of withAttr) expect([e.column, e.attr]).toEqual([e.column, negative.has(e.column) ? "-" : "+"]);
    expect(withAttr.filter((e) => e.attr === "-").map((e) => e.column)).toEqual(["energy_intensity"]);
  });

  it("nqp_panel.csv: the entries are those of the reference set's codebook (the data are its exact copy)", () => {
    const ref = codebookSection(`## nqp_cities.csv\n${readFileSync(join(REFERENCE, "data", "nqp_cities_codebook.md"), "utf8")}`, "nqp_cities.csv");
    expect(readFileSync(join(DATA, "nqp_panel.csv"), "utf8")).toBe(readFileSync(join(REFERENCE, "data", "nqp_cities.csv"), "utf8"));
    expect([...codebookSection(md, "nqp_panel.csv").values()]).toEqual([...ref.values()]);
  });

  it("names the derived columns the demo adds, and says what UR is and its expected sign", () => {
    const derived = md.slice(md.indexOf("### Columns the demo derives"));
    for (const name of ["NQP", "ER", "L1_NQP"]) expect(derived).toMatch(new RegExp(`^\\| ${name} \\|`, "m"));
    expect(derived).toMatch(/UR \(registered urban unemployment rate, percent\)[^|]*NQP coefficient is expected to be negative/);
  });
});

describe("data/ points only inside the repo", () => {
  const docs = readdirSync(DATA).filter((f) => f.endsWith(".md"));

  it.each(docs)("%s: no ../ path, no link outside the checkout, every relative link resolves", (file) => {
    const text = readFileSync(join(DATA, file), "utf8");
    expect(text).not.toMatch(/\.\.\//);
    expect(text).not.toMatch(/\/work\/|shared\/reference/);
    for (const m of text.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)) {
      const target = m[1];
      if (/^https?:/.test(target)) continue;
      const p = resolve(DATA, target);
      expect(p.startsWith(ROOT)).toBe(true);
      expect(existsSync(p)).toBe(true);
    }
    // Backquoted repo paths (test/reference/..., data/...) exist.
    for (const m of text.matchAll(/`((?:test|data|src|scripts)\/[^`*\s]+)`/g)) {
      expect([m[1], existsSync(join(ROOT, m[1]))]).toEqual([m[1], true]);
    }
  });

  it("README.md of data/ links the codebook", () => {
    expect(readFileSync(join(DATA, "README.md"), "utf8")).toContain("(codebook.md)");
    expect(dirname(join(DATA, "codebook.md"))).toBe(DATA);
  });
});
