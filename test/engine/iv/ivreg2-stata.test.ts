/**
 * The IV kernel against Stata ivreg2 output (test/reference/stata-ivreg2, restatr/ivreg2r fixtures):
 * Card just- and over-identified (iid, robust = HC0 [file suffix "_hc1"], robust small = HC1, with and
 * without small). Tolerance 1e-7 relative. Arellano-Bond: ivreg2-abdata.test.ts; partial(): ivreg2-card-partial
 * and ivreg2-griliches; within-FE: ivreg2-grunfeld.
 */
import { IvColumns, ivreg2 } from "../../../src/engine/iv/ivreg2";
import { MeatKind } from "../../../src/engine/iv/meat";
import { columns, diag, expectRel, readCoef, readDiagnostics, readFirstStage, readIvData, readVcov } from "./ivreg2-fixtures";

const TOL = 1e-7;

describe("Card (1995) IV, ivreg2 fixtures", () => {
  const card = readIvData("card_data.csv");
  const rows = Array.from({ length: card.lwage.length }, (_, i) => i);
  const exog = ["exper", "expersq", "black", "south", "_cons"];
  const variants: [string, MeatKind, boolean][] = [
    ["iid", "iid", false], ["iid_small", "iid", true], ["hc1", "robust", false], ["hc1_small", "robust", true],
  ];
  for (const [model, excluded] of [["just_id", ["nearc4"]], ["overid", ["nearc2", "nearc4"]]] as const) {
    for (const [suffix, kind, small] of variants) {
      test(`card_${model}_*_${suffix}`, () => {
        const cols: IvColumns = {
          n: rows.length, y: columns(card, rows, ["lwage"], ["lwage"]), endog: columns(card, rows, ["educ"]), endogNames: ["educ"],
          exog: columns(card, rows, exog), exogNames: exog, excluded: columns(card, rows, excluded), excludedNames: [...excluded],
        };
        const r = ivreg2(cols, { vcov: kind, small, sdofminus: 0 });
        const coef = readCoef(`card_${model}_coef_${suffix}.csv`);
        expect(r.terms).toEqual(coef.map((c) => c.term));
        coef.forEach((c, j) => {
          expectRel(r.coef[j], c.estimate, `coef ${c.term}`);
          expectRel(r.se[j], c.se, `se ${c.term}`);
        });
        const V = readVcov(`card_${model}_vcov_${suffix}.csv`);
        const k = coef.length;
        let maxAbs = 0;
        for (const row of V) for (const v of row) maxAbs = Math.max(maxAbs, Math.abs(v));
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
          expect(Math.abs(r.vcov[i + j * k] - V[i][j]) / maxAbs).toBeLessThan(TOL);
        }
        const d = readDiagnostics(`card_${model}_diagnostics_${suffix}.csv`);
        expect(r.n).toBe(d.N);
        expect(r.rankX).toBe(d.K);
        expect(r.rankZ).toBe(d.L);
        expectRel(diag(r, "kp_lm"), d.idstat, "idstat");
        expectRel(diag(r, "cd_f"), d.cdf, "cdf");
        expectRel(kind === "iid" ? diag(r, "cd_f") : diag(r, "kp_f"), d.widstat, "widstat");
        if (d.jdf > 0) expectRel(diag(r, "hansen_j"), d.j, "Hansen J / Sargan");
        else expect(r.diagnostics.find((x) => x.name === "hansen_j")?.inapplicable).toMatch(/exactly identified/);
        expectRel(diag(r, "endog_c"), d.estat, "endogeneity C (estat)");
        expectRel(diag(r, "ar_f"), d.arf, "Anderson-Rubin F");
        expectRel(diag(r, "ar_chi2"), d.archi2, "Anderson-Rubin chi2");
        expectRel(r.rmse, d.rmse, "rmse");
        const fs = readFirstStage(`card_${model}_firststage_${suffix}.csv`);
        expectRel(r.firstStage[0].f, fs.stats.F[0], "first-stage F");
        expect(r.firstStage[0].fDf).toEqual([fs.stats.df[0], fs.stats.df_r[0]]);
        expectRel(r.firstStage[0].partialR2, fs.stats.pr2[0], "first-stage partial R2");
        expectRel(r.firstStage[0].rmse, fs.stats.rmse[0], "first-stage rmse");
        // One endogenous regressor: Shea = partial R2, SW = AP = the first-stage F (ivreg2 s_ffirst).
        expectRel(r.firstStage[0].sheaPartialR2!, fs.stats.sheapr2[0], "Shea partial R2");
        for (const [tag, c] of [["SW", r.firstStage[0].sw!], ["AP", r.firstStage[0].ap!]] as const) {
          expectRel(c.f, fs.stats[`${tag}F`][0], `${tag} F`);
          expectRel(c.chi2, fs.stats[`${tag}chi2`][0], `${tag} chi2`);
          expectRel(c.partialR2, fs.stats[`${tag}r2`][0], `${tag} partial R2`);
        }
      });
    }
  }
});
