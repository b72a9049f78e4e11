/**
 * Smoke test of the range reader with Microsoft's office-addin-mock (load/sync discipline: a property
 * read before load + sync would come back as an error string, so the asserted values prove the calls).
 * Data: a synthetic 3 x 2 block written here.
 */
import { OfficeMockObject } from "office-addin-mock";
import { readDataRange } from "../../src/excel/range-reader";
import type { ExcelRunner } from "../../src/excel/context";

const header = [["id", "y"]];
const body = [[1, 2.5], [2, "NA"], [3, 4]];

function mockExcel() {
  const data = {
    context: {
      workbook: {
        selection: {
          cellCount: 8,
          used: {
            isNullObject: false,
            address: "Sheet1!A1:B4",
            rowCount: 4,
            columnCount: 2,
            rowIndex: 0,
            columnIndex: 0,
            worksheet: {
              name: "Sheet1",
              headerBlock: { values: header },
              bodyBlock: { values: body },
              getRangeByIndexes(this: any, r: number, _c: number, nr: number) {
                return r === 0 && nr === 1 ? this.headerBlock : this.bodyBlock;
              },
            },
          },
          getUsedRangeOrNullObject(this: any) {
            return this.used;
          },
        },
        getSelectedRange(this: any) {
          return this.selection;
        },
      },
    },
    run: async function (this: any, cb: (ctx: any) => Promise<unknown>) {
      return cb(this.context);
    },
  };
  return new OfficeMockObject(data) as any;
}

test("reads header and rows through load/sync (office-addin-mock)", async () => {
  const excel = mockExcel();
  const run: ExcelRunner = (batch) => excel.run(batch);
  const res = await readDataRange(run, { kind: "selection" });
  expect(res.header).toEqual(["id", "y"]);
  expect(res.rows).toEqual(body);
  expect(res.sheet).toBe("Sheet1");
  expect(res.nrow).toBe(3);
});
