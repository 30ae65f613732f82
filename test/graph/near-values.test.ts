import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/graph/coverage.js";
import { NearValues } from "../../src/graph/near-values.js";
import { rng } from "../../src/bench/generate.js";

/** Numbered names, as a monorepo has them (orders-00017), with a few long ones past the indexed length. */
function values(n: number, rand: () => number): string[] {
  const words = ["orders", "billing", "ledger", "Orders", "order"];
  return Array.from({ length: n }, (_, i) => {
    const base = `${words[Math.floor(rand() * words.length)]}-${String(Math.floor(rand() * 300)).padStart(5, "0")}`;
    return i % 17 === 0 ? `${base}-${"x".repeat(40)}` : base;
  });
}

function bruteForce(all: readonly string[], query: string): string[] {
  return [...new Set(all)].filter((v) => v !== query && editDistance(query, v) <= 2).sort();
}

describe("NearValues", () => {
  for (const n of [5, 32, 33, 400]) {
    it(`finds exactly the values within distance 2 among ${n} values (direct comparison up to 32, the deletion index beyond)`, () => {
      const rand = rng(n);
      const all = values(n, rand);
      const index = new NearValues<number>(editDistance);
      all.forEach((v, i) => index.add(v, i));
      for (const query of [...all.slice(0, 25), ...values(25, rand)]) {
        const found = index.near(query);
        expect(found.map(([v]) => v)).toEqual(bruteForce(all, query));
        for (const [v, items] of found) expect(items).toEqual(all.flatMap((x, i) => (x === v ? [i] : [])));
      }
    });
  }

  it("answers again after more values are added (the remembered answers are dropped)", () => {
    const index = new NearValues<string>(editDistance);
    for (let i = 0; i < 40; i++) index.add(`svc-${i}`, `a${i}`);
    expect(index.near("svc-1x").map(([v]) => v)).not.toContain("svc-1y");
    index.add("svc-1y", "late");
    expect(index.near("svc-1x").map(([v]) => v)).toContain("svc-1y");
  });
});
