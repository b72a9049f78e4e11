/** Issue 11: README's list of missing-value tokens is the code's list (missing.ts), no more and no less. */
import { readFileSync } from "fs";
import { join } from "path";
import { EXCEL_ERROR_VALUES, MISSING_TOKEN_LIST, isMissingCell } from "../../src/engine/frame/missing";

test("README 'Command line' lists exactly the tokens isMissingCell treats as missing", () => {
  const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
  const m = /Missing \(in files, ranges and the task\s+pane alike, any letter case\):([\s\S]*?)\. A number beyond/.exec(readme);
  expect(m).not.toBeNull();
  const listed = Array.from(m![1].matchAll(/`([^`]+)`/g), (x) => x[1]);
  const inCode = [...MISSING_TOKEN_LIST.filter((t) => t !== ""), ...EXCEL_ERROR_VALUES.filter((t) => t !== "#N/A")];
  expect(m![1]).toMatch(/blank/);
  expect([...listed].sort()).toEqual([...inCode].sort());
  for (const t of listed) {
    expect(isMissingCell(t)).toBe(true);
    expect(isMissingCell(t.toLowerCase())).toBe(true);
  }
});
