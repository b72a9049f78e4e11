"""xgboost single-thread peer of bench/cases/boosting.ts (Debian python3-xgboost 1.7.4): same LCG data,
paper 003's settings (200 trees, depth 4, eta 0.05, subsample = colsample_bytree = 0.8, seed 1).
Prints one JSON line per case: {"case", "n", "k", "seconds" (best wall), "cpu_seconds" (that run's CPU time),
"median_seconds", "median_cpu_seconds", "tool"}.
Training cases time xgb.train on a fresh DMatrix each run (so the hist sketch is timed, as ours is); the SHAP
cases train once (untimed) and time predict(pred_contribs=True) / predict(pred_interactions=True).
Run: /usr/bin/python3 bench/peers/xgboost_boosting.py [--case NAME] [--repeat N]"""
import argparse, json, math, statistics, time
import numpy as np
import xgboost as xgb


def lcg_data(n, m, seed=2026):
    s = seed
    x = np.empty((n, m))
    y = np.empty(n)
    for i in range(n):
        for j in range(m):
            s = (1103515245 * s + 12345) % 4294967296
            x[i, j] = s / 4294967296
        s = (1103515245 * s + 12345) % 4294967296
        noise = s / 4294967296 - 0.5
        y[i] = math.sin(3 * x[i, 0]) + x[i, 1] * x[i, 2 % m] + (0.5 if x[i, 3 % m] > 0.5 else 0) + 0.1 * x[i, m - 1] + 0.3 * noise
    return x, y


def params(method):
    return dict(objective="reg:squarederror", tree_method=method, max_depth=4, eta=0.05, subsample=0.8,
                colsample_bytree=0.8, nthread=1, seed=1, base_score=0.5, max_bin=256)


CASES = [  # name, n, m, method, what is timed
    ("boost_exact_3124x8", 3124, 8, "exact", "train"),
    ("boost_hist_1e5x20", 100000, 20, "hist", "train"),
    ("boost_shap_3124x8", 3124, 8, "exact", "contribs"),
    ("boost_interactions_3124x8", 3124, 8, "exact", "interactions"),
]

ap = argparse.ArgumentParser()
ap.add_argument("--case", default="")
ap.add_argument("--repeat", type=int, default=3)
args = ap.parse_args()
for name, n, m, method, what in CASES:
    if args.case not in name:
        continue
    x, y = lcg_data(n, m)
    booster = None
    if what != "train":
        booster = xgb.train(params(method), xgb.DMatrix(x, label=y, nthread=1), num_boost_round=200)
        booster.set_param({"nthread": 1})
    runs = []
    for _ in range(args.repeat):
        d = xgb.DMatrix(x, label=y, nthread=1)
        t0, c0 = time.perf_counter(), time.process_time()
        if what == "train":
            xgb.train(params(method), d, num_boost_round=200)
        else:
            booster.predict(d, pred_contribs=(what == "contribs"), pred_interactions=(what == "interactions"))
        runs.append((time.perf_counter() - t0, time.process_time() - c0))
    best = min(runs)
    print(json.dumps({"case": name, "n": n, "k": m, "seconds": round(best[0], 4), "cpu_seconds": round(best[1], 4),
                      "median_seconds": round(statistics.median(r[0] for r in runs), 4),
                      "median_cpu_seconds": round(statistics.median(r[1] for r in runs), 4),
                      "tool": "xgboost " + xgb.__version__ + " nthread=1"}), flush=True)
