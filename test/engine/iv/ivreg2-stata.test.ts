/**
 * The IV kernel against Stata ivreg2 output (../shared/reference/stata-ivreg2, restatr/ivreg2r fixtures):
 * Card just- and over-identified (iid, robust = HC0 [file suffix "_hc1"], robust small = HC1, with and
 * without small) and Arellano-Bond clustered 2SLS with 3 endogenous regressors (cluster(id), with and
 * without small). Tolerance 1e-7 relative (the abdata file is rebuilt, see its README: >= 1e-7).
 */
import { encodeKeys } from "../../../src/engine/frame";
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
      });
    }
  }
});

describe("Arellano-Bond clustered 2SLS, 3 endogenous (ab_cl fixtures)", () => {
  const ab = readIvData("abdata_from_plm_EmplUK.csv");
  const need = ["n", "w", "k", "ys", "D_w", "D_k", "D_ys", "D2_w", "D2_k", "D2_ys", "id"];
  const rows: number[] = [];
  for (let i = 0; i < ab.n.length; i++) if (need.every((c) => !Number.isNaN(ab[c][i]))) rows.push(i);
  const excluded = ["D_w", "D_k", "D_ys", "D2_w", "D2_k", "D2_ys"];
  const cl = encodeKeys(rows.map((r) => String(ab.id[r])));
  for (const [suffix, small] of [["cl", false], ["cl_small", true]] as const) {
    test(`ab_cl_*_${suffix}`, () => {
      const r = ivreg2({
        n: rows.length, y: columns(ab, rows, ["n"]), endog: columns(ab, rows, ["w", "k", "ys"]), endogNames: ["w", "k", "ys"],
        exog: columns(ab, rows, ["_cons"]), exogNames: ["_cons"], excluded: columns(ab, rows, excluded), excludedNames: excluded,
        clusters: { codes: cl.codes, nClusters: cl.levels.length },
      }, { vcov: "cluster", small, sdofminus: 0, endogTested: ["w"] });
      const coef = readCoef(`ab_cl_coef_${suffix}.csv`);
      coef.forEach((c, j) => {
        expectRel(r.coef[j], c.estimate, `coef ${c.term}`);
        expectRel(r.se[j], c.se, `se ${c.term}`);
      });
      const d = readDiagnostics(`ab_cl_diagnostics_${suffix}.csv`);
      expect([r.n, cl.levels.length]).toEqual([d.N, d.N_clust]);
      expectRel(diag(r, "kp_lm"), d.idstat, "KP rk LM");
      expect(r.diagnostics.find((x) => x.name === "kp_lm")!.df).toEqual([d.iddf]);
      expectRel(diag(r, "kp_f"), d.widstat, "KP rk Wald F");
      expectRel(diag(r, "cd_f"), d.cdf, "CD F");
      expectRel(diag(r, "hansen_j"), d.j, "Hansen J");
      expectRel(diag(r, "endog_c"), d.estat, "endogeneity C of w");
      expectRel(diag(r, "ar_f"), d.arf, "AR F");
      const fs = readFirstStage("ab_fs_firststage_cl.csv");
      r.firstStage.forEach((f, k) => {
        expect(f.endogenous).toBe(fs.endog[k]);
        expectRel(f.f, fs.stats.F[k], `first-stage F ${f.endogenous}`);
        expectRel(f.partialR2, fs.stats.pr2[k], `partial R2 ${f.endogenous}`);
        expect(f.fDf).toEqual([fs.stats.df[k], fs.stats.df_r[k]]);
      });
    });
  }
});
