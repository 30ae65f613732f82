import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/index.js";
import type { Component } from "../../src/graph/types.js";
import { defaultRequirements } from "../../src/policy/defaults.js";
import type { PolicyView, Requirements } from "../../src/policy/types.js";
import { REGION_RULES } from "../../src/rules/region.js";
import { runRules } from "../../src/rules/index.js";
import { blk, provider, res, root, unknown } from "../graph/builders.js";

const classSource = { kind: "class" as const, id: "treasury", label: "class treasury" };

function policy(extra: Partial<Requirements> = {}): PolicyView {
  return { requirementsFor: (_c: Component) => ({ ...defaultRequirements(), ...extra }) };
}

const table = (name: string, attrs: Parameters<typeof res>[2] = {}, o: Parameters<typeof res>[3] = {}) =>
  res("aws_dynamodb_table", name, { name, hash_key: "id", point_in_time_recovery: blk({ enabled: true }), ...attrs }, o);

function run(resources: ReturnType<typeof res>[], view: PolicyView = policy()) {
  return runRules({ graph: buildGraph([root(resources)]), fileProblems: [], policy: view, rules: REGION_RULES }).findings;
}

describe("REG-001", () => {
  it("fires at warning on a covered component without any copy, at error when the class requires it", () => {
    expect(run([table("orders")]).map((f) => [f.ruleId, f.level])).toEqual([["REG-001", "warning"]]);
    const strict = policy({ requiresCrossRegion: { value: true, source: classSource } });
    const f = run([table("orders")], strict)[0]!;
    expect(f.level).toBe("error");
    expect(f.message).toContain("class treasury");
  });

  it("fires even when the component's region is unknown, but not when a replica's region is unknown", () => {
    const unknownRegion = provider({ region: null });
    expect(run([table("orders", {}, { provider: unknownRegion })]).map((f) => f.ruleId)).toEqual(["REG-001"]);
    expect(run([table("orders", { replica: blk({ region_name: unknown("var.replica_region has no value") }) })])).toEqual([]);
  });

  it("is silent with a replica in another region, on components with COV-001, and when the policy does not expect a copy", () => {
    expect(run([table("orders", { replica: blk({ region_name: "us-east-1" }) })])).toEqual([]);
    expect(run([res("aws_dynamodb_table", "scratch", { name: "scratch", hash_key: "id" })])).toEqual([]);
    expect(run([table("orders")], policy({ requiresCrossRegion: { value: false, source: classSource } }))).toEqual([]);
  });
});

describe("REG-002 and REG-003", () => {
  it("REG-002 lands on the replica block when every copy stays in the region", () => {
    const f = run([table("orders", { replica: blk({ region_name: "eu-west-1" }) })]);
    expect(f.map((x) => [x.ruleId, x.anchor])).toEqual([["REG-002", "replica"]]);
  });

  it("REG-003 compares accounts only where both are known", () => {
    const cross = policy({ requiresCrossAccount: { value: true, source: classSource } });
    const known = provider({ account: "111122223333" });
    const same = run([table("orders", { replica: blk({ region_name: "us-east-1" }) }, { provider: known })], cross);
    expect(same.map((x) => [x.ruleId, x.level])).toEqual([["REG-003", "error"]]);
    const unknownAccount = run([table("orders", { replica: blk({ region_name: "us-east-1" }) })], cross);
    expect(unknownAccount).toEqual([]);
  });
});
