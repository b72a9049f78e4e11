"""xgboost single-thread peer of bench/cases/boosting.ts (Debian python3-xgboost 1.7.4):
same LCG data, paper 003's settings; prints one JSON line per case with the best of 3 training times.
Run: /usr/bin/python3 bench/peers/xgboost_boosting.py"""
import json, math, time
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


for name, n, m, method in [("boost_exact_3124x8", 3124, 8, "exact"), ("boost_hist_1e5x20", 100000, 20, "hist")]:
    x, y = lcg_data(n, m)
    d = xgb.DMatrix(x, label=y, nthread=1)
    params = dict(objective="reg:squarederror", tree_method=method, max_depth=4, eta=0.05, subsample=0.8,
                  colsample_bytree=0.8, nthread=1, seed=1, base_score=0.5, max_bin=256)
    best = math.inf
    for _ in range(3):
        t0 = time.perf_counter()
        xgb.train(params, d, num_boost_round=200)
        best = min(best, time.perf_counter() - t0)
    print(json.dumps({"case": name, "n": n, "k": m, "seconds": best, "tool": "xgboost " + xgb.__version__ + " nthread=1"}))
