/**
 * One record type for every test statistic the engine reports (KP rk LM, Hansen J, Sobel z, F tests...).
 * A test that cannot be computed carries the reason instead of a bare NaN.
 */
export type Distribution = "chi2" | "F" | "t" | "normal" | "none";

export interface Diagnostic {
  /** Stable key, e.g. "kp_lm", "kp_f", "cd_f", "hansen_j", "sobel", "f_model". */
  readonly name: string;
  /** What a table shows, e.g. "Kleibergen-Paap rk LM". */
  readonly label: string;
  readonly statistic: number;
  /** Degrees of freedom: [df] for chi2/t, [df1, df2] for F, [] otherwise. */
  readonly df: readonly number[];
  readonly distribution: Distribution;
  /** p-value under the null; NaN when the distribution is "none". */
  readonly p: number;
  readonly nullHypothesis: string;
  /** Set when the test does not apply or cannot be computed: the reason, in words. */
  readonly inapplicable?: string;
  /** Named companion values, e.g. { stock_yogo_10: 16.38 }. */
  readonly extra?: Readonly<Record<string, number>>;
}

export function inapplicable(name: string, label: string, nullHypothesis: string, reason: string): Diagnostic {
  return { name, label, statistic: NaN, df: [], distribution: "none", p: NaN, nullHypothesis, inapplicable: reason };
}
