/** Number formats and stars. Values are synthetic; the expected strings follow Excel's display rules. */
import { bracketed, excelFormat, fixed, formatNumber, starsFor } from "../../src/report/formats";
import { DEFAULT_STAR_LEVELS, tableOptions } from "../../src/report/options";
import { starNote } from "../../src/report/notes";

describe("number formats", () => {
  test("stars live in the format; brackets use two sections so the minus goes inside", () => {
    expect(excelFormat(fixed(3, "", "***"))).toBe('0.000"***"');
    expect(excelFormat(fixed(3))).toBe("0.000");
    expect(excelFormat(fixed(0))).toBe("0");
    expect(excelFormat(bracketed(2, "paren"))).toBe('"("0.00")";"(-"0.00")"');
    expect(excelFormat(bracketed(3, "square"))).toBe('"["0.000"]";"[-"0.000"]"');
    expect(excelFormat(bracketed(3, "brace"))).toBe('"{"0.000"}";"{-"0.000"}"');
  });

  test("text shown matches the Excel format", () => {
    expect(formatNumber(0.13456, fixed(3, "", "**"))).toBe("0.135**");
    expect(formatNumber(-4.8712, bracketed(2, "paren"))).toBe("(-4.87)");
    expect(formatNumber(2.675, fixed(2))).toBe("2.68");
    expect(formatNumber(3124, fixed(0))).toBe("3124");
    expect(formatNumber(NaN, fixed(2))).toBe("");
  });

  test("stars: one per level strictly above p", () => {
    const L = DEFAULT_STAR_LEVELS;
    expect(starsFor(0.0099, L)).toBe("***");
    expect(starsFor(0.01, L)).toBe("**");
    expect(starsFor(0.049, L)).toBe("**");
    expect(starsFor(0.05, L)).toBe("*");
    expect(starsFor(0.0999, L)).toBe("*");
    expect(starsFor(0.1, L)).toBe("");
    expect(starsFor(NaN, L)).toBe("");
    expect(starNote(L)).toBe("*** p<0.01, ** p<0.05, * p<0.1");
  });

  test("options are validated with the allowed values in the message", () => {
    expect(tableOptions({}).parenDecimals).toBe(2);
    expect(tableOptions({ paren: "se" }).parenDecimals).toBe(3);
    expect(tableOptions({ starLevels: [0.01, 0.1, 0.05] }).starLevels).toEqual([0.1, 0.05, 0.01]);
    expect(() => tableOptions({ paren: "sd" })).toThrow(/Allowed: t, se/);
    expect(() => tableOptions({ r2: "adj" })).toThrow(/within, overall, both, none/);
    expect(() => tableOptions({ decimals: 1.5 })).toThrow(/whole number/);
    expect(() => tableOptions({ starLevels: [0.1, 2] })).toThrow(/between 0 and 1/);
  });
});
