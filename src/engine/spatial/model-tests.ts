/**
 * Wald and LR tests of the SDM against the SAR (H0 theta = 0) and the SEM (common factor H0
 * theta + rho b = 0), chi2(k). SDM parameters in the order (b [k], theta [k], rho, sigma2); V its vcov.
 * Wald vs SAR: theta' V_theta^-1 theta; vs SEM: g = theta + rho b, R = [rho I, I, b, 0], g'(R V R')^-1 g.
 * LR = 2 (loglik_SDM - loglik_restricted) with the logliks of the same variant.
 */
import { symSolve } from "../linalg";
import { Diagnostic } from "../stats/diagnostic";
import { chi2UpperP } from "../stats/distributions";

function chi(name: string, label: string, stat: number, df: number, h0: string): Diagnostic {
  return { name, label, statistic: stat, df: [df], distribution: "chi2", p: chi2UpperP(stat, df), nullHypothesis: h0 };
}

export function waldSdm(params: Float64Array, V: Float64Array, k: number): { sdmVsSar: Diagnostic; sdmVsSem: Diagnostic } {
  const q = 2 * k + 2;
  const rho = params[2 * k];
  // vs SAR
  const Vt = new Float64Array(k * k);
  const th = params.slice(k, 2 * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) Vt[i * k + j] = V[(k + i) * q + (k + j)];
  const a = symSolve(Vt, k, Float64Array.from(th));
  let w1 = 0;
  for (let i = 0; i < k; i++) w1 += th[i] * a[i];
  // vs SEM
  const R = new Float64Array(k * q);
  const g = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    g[i] = params[k + i] + rho * params[i];
    R[i * q + i] = rho;
    R[i * q + k + i] = 1;
    R[i * q + 2 * k] = params[i];
  }
  const RVR = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let u = 0; u < q; u++) {
        if (R[i * q + u] === 0) continue;
        for (let v = 0; v < q; v++) s += R[i * q + u] * V[u * q + v] * R[j * q + v];
      }
      RVR[i * k + j] = s;
    }
  const c = symSolve(RVR, k, Float64Array.from(g));
  let w2 = 0;
  for (let i = 0; i < k; i++) w2 += g[i] * c[i];
  return {
    sdmVsSar: chi("wald_sdm_vs_sar", "Wald SDM vs SAR", w1, k, "theta = 0 (the SDM reduces to the SAR)"),
    sdmVsSem: chi("wald_sdm_vs_sem", "Wald SDM vs SEM", w2, k, "theta + rho b = 0 (the SDM reduces to the SEM)"),
  };
}

export function lrSdm(llSdm: number, llSar: number, llSem: number, k: number): { sdmVsSar: Diagnostic; sdmVsSem: Diagnostic } {
  return {
    sdmVsSar: chi("lr_sdm_vs_sar", "LR SDM vs SAR", 2 * (llSdm - llSar), k, "theta = 0"),
    sdmVsSem: chi("lr_sdm_vs_sem", "LR SDM vs SEM", 2 * (llSdm - llSem), k, "theta + rho b = 0"),
  };
}
