import { describe, expect, it } from "vitest";
import { lookup } from "../../src/catalog/read.js";
import { evaluatePlan, readPlan, splitAddress, type ParsedPlan } from "../../src/terraform/plan.js";
import { ResourceRef, Unknown } from "../../src/terraform/value.js";

function plan(extra: Record<string, unknown>): string {
  return JSON.stringify({ format_version: "1.2", terraform_version: "1.9.5", ...extra }, null, 2);
}

function parsed(text: string): ParsedPlan {
  const r = readPlan(text, "envs/prod/tfplan.json");
  if (r.kind !== "plan") throw new Error(`not a plan: ${JSON.stringify(r)}`);
  return r.plan;
}

const none = () => undefined;

const table = (address: string, values: Record<string, unknown>) => ({
  address,
  mode: "managed",
  type: "aws_dynamodb_table",
  name: address.split(".").pop()!.replace(/\[.*$/, ""),
  provider_name: "registry.terraform.io/hashicorp/aws",
  schema_version: 1,
  values,
  sensitive_values: {},
});

describe("plan recognition", () => {
  it("recognises terraform show -json output", () => {
    expect(readPlan(plan({ planned_values: { root_module: {} } }), "p.json").kind).toBe("plan");
    expect(readPlan(plan({ resource_changes: [] }), "p.json").kind).toBe("plan");
  });

  it("ignores other JSON silently: package.json, state JSON, provider schemas, broken non-plans", () => {
    expect(readPlan(JSON.stringify({ name: "x", version: "1.0.0" }), "package.json").kind).toBe("not-a-plan");
    expect(readPlan(plan({ values: { root_module: {} } }), "state.json").kind).toBe("not-a-plan");
    expect(readPlan(JSON.stringify({ format_version: "1.0", provider_schemas: {} }), "schemas.json").kind).toBe("not-a-plan");
    expect(readPlan('{"format_version": "1.0", oops', "x.json").kind).toBe("not-a-plan");
    expect(readPlan(`${" ".repeat(600)}{"format_version":"1.2","terraform_version":"1","planned_values":{}}`, "late.json").kind).toBe("not-a-plan");
  });

  it("reports a plan whose structure is not a plan's, at the faulty node", () => {
    const r = readPlan(plan({ planned_values: { root_module: { resources: [{ mode: "managed" }] } } }), "p.json");
    expect(r.kind).toBe("problem");
    if (r.kind === "problem") {
      expect(r.message).toMatch(/has no address, type or name/);
      expect(r.range?.start.line).toBeGreaterThan(1);
    }
    expect(readPlan(plan({ planned_values: [] }), "p.json").kind).toBe("problem");
    expect(readPlan('{"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": {', "p.json").kind).toBe("problem");
  });
});

describe("evaluatePlan", () => {
  it("marks after_unknown attributes unknown, turns a lone reference into a ResourceRef, leaves unconfigured computed attributes unset", () => {
    const p = parsed(
      plan({
        planned_values: { root_module: { resources: [table("aws_dynamodb_table.t", { name: "t", point_in_time_recovery: [{ enabled: true }] })] } },
        resource_changes: [
          {
            address: "aws_dynamodb_table.t",
            mode: "managed",
            type: "aws_dynamodb_table",
            name: "t",
            change: { actions: ["create"], after_unknown: { arn: true, server_side_encryption: true, stream_view_type: true, replica: [{ region_name: true }], point_in_time_recovery: [{ recovery_period_in_days: true }] } },
          },
        ],
        configuration: {
          root_module: {
            resources: [
              {
                address: "aws_dynamodb_table.t",
                mode: "managed",
                type: "aws_dynamodb_table",
                name: "t",
                provider_config_key: "aws",
                expressions: {
                  name: { constant_value: "t" },
                  stream_view_type: { references: ["var.view"] },
                  server_side_encryption: [{ kms_key_arn: { references: ["aws_kms_key.k.arn", "aws_kms_key.k"] } }],
                  point_in_time_recovery: [{ enabled: { constant_value: true } }],
                },
              },
            ],
          },
        },
      }),
    );
    const [r] = evaluatePlan(p.json, p.path, "envs/prod", none, p.positions).resources;
    expect(r!.body.attributes.get("stream_view_type")!.value).toEqual(new Unknown("known only after apply"));
    expect(r!.body.attributes.has("arn")).toBe(false);
    expect(r!.body.attributes.get("name")!.value).toBe("t");
    // Nested blocks are both attributes and blocks.
    expect(lookup(r!.body, "point_in_time_recovery.enabled")).toMatchObject({ kind: "value", value: true });
    const pitr = r!.body.blocks.find((b) => b.type === "point_in_time_recovery")!;
    expect(pitr.attributes.get("enabled")!.value).toBe(true);
    // Computed inside the block and not written: unset, as in the .tf analysis.
    expect(pitr.attributes.has("recovery_period_in_days")).toBe(false);
    // Written (a block with a reference inside) but unknown as a whole.
    expect(r!.body.attributes.get("server_side_encryption")!.value).toBeInstanceOf(Unknown);
    // Located in the plan: the resource on its "address" line, attributes on their own lines.
    expect(r!.header.file).toBe("envs/prod/tfplan.json");
    const text = JSON.stringify(JSON.parse(JSON.stringify(p.json)), null, 2);
    expect(r!.header.range.start.line).toBe(text.split("\n").findIndex((l) => l.includes('"address": "aws_dynamodb_table.t"')) + 1);
    expect(pitr.at.range.start.line).toBeGreaterThan(r!.header.range.start.line);
  });

  it("turns unknown list elements into the references written for them", () => {
    const p = parsed(
      plan({
        planned_values: {
          root_module: {
            resources: [{ address: "aws_backup_selection.s", mode: "managed", type: "aws_backup_selection", name: "s", provider_name: "registry.terraform.io/hashicorp/aws", values: { resources: [null, "arn:aws:s3:::b", null] } }],
          },
        },
        resource_changes: [{ address: "aws_backup_selection.s", mode: "managed", type: "aws_backup_selection", name: "s", change: { actions: ["create"], after_unknown: { plan_id: true, resources: [true, false, true] } } }],
        configuration: {
          root_module: {
            resources: [
              {
                address: "aws_backup_selection.s",
                mode: "managed",
                type: "aws_backup_selection",
                name: "s",
                expressions: {
                  plan_id: { references: ["aws_backup_plan.p.id", "aws_backup_plan.p"] },
                  resources: { references: ["aws_dynamodb_table.a.arn", "aws_dynamodb_table.a", "aws_db_instance.b[0].arn", "aws_db_instance.b[0]", "aws_db_instance.b"] },
                },
              },
            ],
          },
        },
      }),
    );
    const [r] = evaluatePlan(p.json, p.path, ".", none, p.positions).resources;
    expect(r!.body.attributes.get("plan_id")!.value).toEqual(new ResourceRef("aws_backup_plan.p", "id"));
    expect(r!.body.attributes.get("resources")!.value).toEqual([new ResourceRef("aws_dynamodb_table.a", "arn"), "arn:aws:s3:::b", new ResourceRef("aws_db_instance.b[0]", "arn")]);
  });

  it("walks child modules: addresses with instance keys, module paths, provider region from a variable passed through the call", () => {
    const p = parsed(
      plan({
        variables: { region: { value: "eu-central-1" } },
        planned_values: {
          root_module: {
            resources: [table("aws_dynamodb_table.root", { name: "root" }), { ...table("data.aws_region.r", {}), mode: "data", type: "aws_region" }],
            child_modules: [
              {
                address: 'module.db["eu"]',
                resources: [table('module.db["eu"].aws_dynamodb_table.this[0]', { name: "eu" })],
                child_modules: [{ address: 'module.db["eu"].module.inner', resources: [table('module.db["eu"].module.inner.aws_dynamodb_table.deep', {})] }],
              },
            ],
          },
        },
        configuration: {
          provider_config: {
            aws: { name: "aws", full_name: "registry.terraform.io/hashicorp/aws", expressions: { region: { references: ["var.region"] }, default_tags: [{ tags: { constant_value: { team: "data" } } }] } },
            "aws.west": { name: "aws", alias: "west", expressions: { region: { constant_value: "us-west-2" } } },
            "module.db:aws": { name: "aws", expressions: { region: { references: ["var.db_region"] } } },
          },
          root_module: {
            resources: [{ address: "aws_dynamodb_table.root", mode: "managed", type: "aws_dynamodb_table", name: "root", provider_config_key: "aws.west", expressions: {} }],
            module_calls: {
              db: {
                source: "./modules/db",
                expressions: { db_region: { references: ["var.region"] } },
                module: {
                  resources: [{ address: "aws_dynamodb_table.this", mode: "managed", type: "aws_dynamodb_table", name: "this", provider_config_key: "module.db:aws", expressions: {} }],
                  module_calls: {
                    inner: {
                      source: "./inner",
                      module: { resources: [{ address: "aws_dynamodb_table.deep", mode: "managed", type: "aws_dynamodb_table", name: "deep", provider_config_key: "module.db.module.inner:aws", expressions: {} }] },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    );
    const rs = evaluatePlan(p.json, p.path, "envs/prod", none, p.positions).resources;
    expect(rs.map((r) => [r.address, r.resourceAddress, r.modulePath])).toEqual([
      ["aws_dynamodb_table.root", "aws_dynamodb_table.root", ""],
      ['module.db["eu"].aws_dynamodb_table.this[0]', "module.db.aws_dynamodb_table.this", 'module.db["eu"]'],
      ['module.db["eu"].module.inner.aws_dynamodb_table.deep', "module.db.module.inner.aws_dynamodb_table.deep", 'module.db["eu"].module.inner'],
    ]);
    expect(rs.map((r) => r.provider.region)).toEqual(["us-west-2", "eu-central-1", "eu-central-1"]);
    expect(rs[0]!.provider.key).toBe("aws.west");
    expect(rs.every((r) => r.root === "envs/prod")).toBe(true);
  });

  it("takes default tags from tags_all, else from a constant provider default_tags; an unset region is unknown", () => {
    const p = parsed(
      plan({
        planned_values: { root_module: { resources: [table("aws_dynamodb_table.a", { tags: { app: "x" }, tags_all: { app: "x", team: "data" } }), table("aws_dynamodb_table.b", {})] } },
        configuration: { provider_config: { aws: { name: "aws", expressions: { default_tags: [{ tags: { constant_value: { team: "ops" } } }] } } } },
      }),
    );
    const [a, b] = evaluatePlan(p.json, p.path, ".", none, p.positions).resources;
    expect(a!.provider.defaultTags).toEqual({ team: "data" });
    expect(b!.provider.defaultTags).toEqual({ team: "ops" });
    expect(a!.provider.region).toBeInstanceOf(Unknown);
  });

  it("locates through the given locator first", () => {
    const p = parsed(plan({ planned_values: { root_module: { resources: [table("aws_dynamodb_table.a", { name: "a" })] } } }));
    const at = { file: "main.tf", range: { start: { line: 7, column: 1, offset: 0 }, end: { line: 7, column: 30, offset: 0 } } };
    const [a] = evaluatePlan(p.json, p.path, ".", (address) => (address === "aws_dynamodb_table.a" ? at : undefined), p.positions).resources;
    expect(a!.header).toEqual(at);
    expect(a!.body.attributes.get("name")!.at).toEqual(at);
  });
});

describe("splitAddress", () => {
  it("drops instance keys, including quoted keys with dots and brackets", () => {
    expect(splitAddress('module.a["x.y]"].module.b[0].aws_s3_bucket.c["k"]')).toEqual({ modules: ["a", "b"], resource: "aws_s3_bucket.c", mode: "managed" });
    expect(splitAddress("data.aws_region.r")).toEqual({ modules: [], resource: "data.aws_region.r", mode: "data" });
  });
});
