/** Excel error mapping (src/functions/errors.ts), with and without the CustomFunctions runtime. */
import { InputError } from "../../src/engine/frame/errors";
import { excelError, FormulaError, isExcelError, spillNumber, toExcelError, withExcelErrors } from "../../src/functions/errors";

describe("without the CustomFunctions global (jest, Node)", () => {
  test("InputError kinds map to #VALUE!, #NUM!, #N/A with the message", () => {
    for (const [kind, code] of [["value", "#VALUE!"], ["num", "#NUM!"], ["na", "#N/A"]] as const) {
      const e = toExcelError("FE2WAY", new InputError(`bad ${kind}`, kind));
      expect(e).toBeInstanceOf(FormulaError);
      expect(e).toMatchObject({ code, message: `bad ${kind}` });
    }
  });
  test("unexpected exceptions become #VALUE! naming the formula", () => {
    expect(toExcelError("FE2WAY", new TypeError("x is undefined"))).toMatchObject({ code: "#VALUE!", message: "Internal error in NQP.FE2WAY: x is undefined" });
    expect(toExcelError("FE2WAY", "boom").message).toBe("Internal error in NQP.FE2WAY: boom");
  });
  test("withExcelErrors passes values through and throws mapped errors", () => {
    expect(withExcelErrors("A", () => 3)).toBe(3);
    expect(() => withExcelErrors("A", () => { throw new InputError("no", "na"); })).toThrow(FormulaError);
    const already = excelError("#N/A", "kept");
    try {
      withExcelErrors("A", () => { throw already; });
    } catch (e) {
      expect(e).toBe(already);
    }
  });
  test("spillNumber: finite numbers pass, NaN and Infinity become #N/A", () => {
    expect(spillNumber(1.5)).toBe(1.5);
    expect(spillNumber(NaN)).toMatchObject({ code: "#N/A" });
    expect(isExcelError(spillNumber(Infinity))).toBe(true);
  });
});

describe("with a CustomFunctions runtime", () => {
  class CfError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const g = globalThis as Record<string, unknown>;
  beforeAll(() => {
    g.CustomFunctions = {
      Error: CfError,
      ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
    };
  });
  afterAll(() => {
    delete g.CustomFunctions;
  });
  test("builds CustomFunctions.Error with the code and message", () => {
    const e = toExcelError("FE2WAY", new InputError("x has 3 rows but y has 2"));
    expect(e).toBeInstanceOf(CfError);
    expect(e).toEqual(new CfError("#VALUE!", "x has 3 rows but y has 2"));
    expect(isExcelError(e)).toBe(true);
    expect(toExcelError("F", new InputError("singular", "num"))).toEqual(new CfError("#NUM!", "singular"));
  });
});
