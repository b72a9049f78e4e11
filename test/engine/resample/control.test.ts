/** Progress reports and cancellation of the replication loop (no reference numbers involved). */
import { CancelFlag, CancelledError, Progress, replicate } from "../../../src/engine/resample/control";
import { clusterIndex, drawClusters, labelPerCluster } from "../../../src/engine/resample/clusters";
import { Rng } from "../../../src/engine/resample/rng";

describe("replicate", () => {
  it("runs every replication in order and reports progress every N and at the end", async () => {
    const seen: number[] = [];
    const reports: Progress[] = [];
    await replicate("bootstrap", 103, (r) => seen.push(r), { progressEvery: 25, onProgress: (p) => reports.push(p) });
    expect(seen).toEqual(Array.from({ length: 103 }, (_, i) => i));
    expect(reports.map((p) => p.done)).toEqual([0, 25, 50, 75, 100, 103]);
    expect(reports.every((p) => p.total === 103 && p.task === "bootstrap")).toBe(true);
  });

  it("stops with CancelledError when the signal is set from a progress callback", async () => {
    const flag = new CancelFlag();
    let ran = 0;
    const run = replicate("permutation", 500, () => ran++, {
      progressEvery: 10,
      onProgress: (p) => {
        if (p.done >= 30) flag.abort();
      },
      signal: flag,
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(ran).toBe(30);
  });

  it("can be cancelled by an AbortController from another task (timer), as a worker message would", async () => {
    const ac = new AbortController();
    let ran = 0;
    setTimeout(() => ac.abort(), 5);
    const body = () => {
      ran++;
      const t = Date.now();
      while (Date.now() - t < 1); // ~1 ms of work per replication
    };
    await expect(replicate("bootstrap", 100000, body, { signal: ac.signal, progressEvery: 5 })).rejects.toThrow(/cancelled after/);
    expect(ran).toBeLessThan(100000);
  });

  it("refuses to start when already cancelled", async () => {
    const flag = new CancelFlag();
    flag.abort();
    await expect(replicate("bootstrap", 10, () => undefined, { signal: flag })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe("cluster resampling", () => {
  const cluster = Int32Array.from([0, 0, 1, 1, 1, 2, 3, 3]);

  it("draws G whole clusters with replacement and relabels copies", () => {
    const idx = clusterIndex(cluster);
    expect(idx.nClusters).toBe(4);
    const d = drawClusters(new Rng(3), idx);
    expect(d.drawn.length).toBe(4);
    let p = 0;
    for (let k = 0; k < 4; k++) {
      const g = d.drawn[k];
      const members = Array.from(cluster.keys()).filter((i) => cluster[i] === g);
      expect(Array.from(d.positions.slice(p, p + members.length))).toEqual(members);
      expect(Array.from(d.copy.slice(p, p + members.length)).every((c) => c === k)).toBe(true);
      p += members.length;
    }
    expect(p).toBe(d.positions.length);
  });

  it("is reproducible for a seed and draws clusters uniformly", () => {
    const idx = clusterIndex(cluster);
    const a = drawClusters(new Rng(11), idx);
    const b = drawClusters(new Rng(11), idx);
    expect(Array.from(a.positions)).toEqual(Array.from(b.positions));
    const rng = new Rng(5);
    const counts = [0, 0, 0, 0];
    for (let r = 0; r < 5000; r++) for (const g of drawClusters(rng, idx).drawn) counts[g]++;
    // 20000 draws, expectation 5000 each, sd ~ 61: allow 5 sd.
    for (const c of counts) expect(Math.abs(c - 5000)).toBeLessThan(310);
  });

  it("finds labels constant within clusters", () => {
    expect(Array.from(labelPerCluster(Float64Array.from([1, 1, 0, 0, 0, 1, 0, 0]), cluster, 4)!)).toEqual([1, 0, 1, 0]);
    expect(labelPerCluster(Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0]), cluster, 4)).toBeNull();
  });
});
