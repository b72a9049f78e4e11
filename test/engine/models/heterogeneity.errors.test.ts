/**
 * Heterogeneity on bad splits: the error of a split-sample fit names the group it comes from (the
 * rule: every engine InputError says which argument, column or row is at fault). Data:
 * test/reference/data/nqp_cities.csv, where province P01 holds a single city, so with city and
 * year FE every one of its rows is a year singleton and the group has no observations left.
 */
import { frameFromCells } from "../../../src/engine/frame";
import { InputError } from "../../../src/engine/frame/errors";
import { heterogeneity } from "../../../src/engine/models/heterogeneity";
import { LinearSpec } from "../../../src/engine/models/linear";
import { nqpCitiesWithIndices } from "../../support/reference";

const frame = frameFromCells(nqpCitiesWithIndices());
const spec: LinearSpec = { y: "ER", x: ["NQP", "GDP"], fe: ["city_id", "year"], cluster: ["city_id"] };

it("a group whose rows are all singletons is named in the error", () => {
  let err: unknown;
  try {
    heterogeneity(frame, spec, { column: "province" });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  expect((err as Error).message).toMatch(/^Group province = P01 \(10 rows\): No observations left/);
});
