import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Component, Coverage } from "../../src/graph/types.js";
import { formatMarkdown, MAX_MARKDOWN_BYTES } from "../../src/report/markdown.js";
import { COLLAPSE_ABOVE_NODES, mermaidDiagram, mermaidLabel } from "../../src/report/mermaid.js";
import type { InventoryEntry } from "../../src/scan-result.js";
import { scan } from "../../src/index.js";
import { FINDINGS, finding, loc, scanResult } from "./fixtures.js";

type Mermaid = { parse(text: string): Promise<unknown>; initialize(config: object): void };
let mermaid: Mermaid;

beforeAll(async () => {
  // mermaid's parser needs a DOM (DOMPurify); jsdom gives it one.
  // jsdom ships no types; a non-literal specifier keeps TypeScript from asking for them.
  const jsdom = "jsdom";
  const { JSDOM } = (await import(jsdom)) as { JSDOM: new (html: string, options: object) => { window: object } };
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  for (const name of ["window", "document", "DOMParser", "Element", "HTMLElement", "SVGElement", "Node"] as const) {
    if (g[name] === undefined) g[name] = name === "window" ? dom.window : (dom.window as unknown as Record<string, unknown>)[name];
  }
  mermaid = (await import("mermaid")).default as unknown as Mermaid;
  mermaid.initialize({ startOnLoad: false });
}, 60_000);

function mermaidBlocks(md: string): string[] {
  return [...md.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}

function entry(i: number, type: string, streams: Coverage["streams"]): InventoryEntry {
  const address = `${type}.t${i}`;
  const component = {
    node: "component",
    id: `.::${address}`,
    root: ".",
    address,
    type,
    location: loc("main.tf", i + 1),
    anchors: {},
    provider: "aws",
    kind: "database",
    backupCapable: true,
    region: "eu-west-1",
    account: null,
    tags: {},
    arn: `arn:${i}`,
    nativeBackup: { enabled: false, retentionDays: 0, pointInTime: false, frequencyHours: 24 },
    encryption: { atRest: true },
    copies: [],
    deletionProtection: false,
    backupsSurviveDeletion: false,
    coveredWith: [],
  } as unknown as Component;
  return {
    component,
    coverage: { status: streams.length ? "covered" : "uncovered", streams, unknowns: [], related: [] },
    classes: [],
    regimes: [],
    protection: { mechanisms: [], intervalHours: undefined, retentionDays: undefined, regions: [], accounts: [], copies: [], vaults: [], keys: [], locked: "none", restoreTested: false },
  };
}

function planStreams(plan: number, vault: string, copyRegion: string): Coverage["streams"] {
  const base = { retentionDays: 35, intervalHours: 24, account: null, location: loc("backup.tf", plan) };
  return [
    { ...base, via: "plan-rule", mechanismId: `.::aws_backup_plan.p${plan}`, region: "eu-west-1", vaultId: `.::aws_backup_vault.${vault}` },
    { ...base, via: "copy", mechanismId: `.::aws_backup_plan.p${plan}`, region: copyRegion, vaultId: `.::aws_backup_vault.${vault}_dr` },
  ] as Coverage["streams"];
}

describe("Markdown report", () => {
  it("has the backup-scope table, findings by severity, and ends with the unknowns", () => {
    const md = formatMarkdown(scanResult());
    expect(md).toContain("| Component | Kind | Class | Backed up by | Every | Kept | Copies in | Key | Locked | Tested |");
    expect(md).toContain(
      "| `envs/prod: aws_db_instance.ledger` | database | financial | aws_backup_plan.main (daily), native | 1 day | 35 days | us-west-2 | arn:aws:kms:us-west-2:111122223333:key/mrk-1, aws_kms_key.backup | unknown | no |",
    );
    expect(md).toContain("| `envs/prod: aws_dynamodb_table.orders` | database | – | **nothing** | – | – | – | – | no | no |");
    expect(md).toContain("### Errors (3)\n\n| Rule | Location | Subject | Message |\n| --- | --- | --- | --- |\n| RET-001 | `envs/prod/db.tf:14:3` |");
    expect(md).toContain("### Warnings (2)");
    expect(md).not.toContain("| REG-001 |");
    expect(md).toContain("[staging] aws_dynamodb_table.orders has no backup in environment staging.");
    expect(md.endsWith("**3 unknowns (top reasons: depends on var.dr_region, which has no value (2); depends on var.days, which has no value (1))**\n")).toBe(true);
  });

  it("escapes pipes in table cells", () => {
    const md = formatMarkdown(scanResult({ findings: [{ ...FINDINGS[1]!, message: "a | b" }] }));
    expect(md).toContain("| a \\| b |");
  });

  it("stays under 1 MiB, saying how many rows it left out", () => {
    const many = Array.from({ length: 4000 }, (_, i) => finding({ ruleId: "COV-001", subject: `aws_dynamodb_table.t${i}`, location: loc("db.tf", i + 1), message: "x".repeat(400) }));
    const md = formatMarkdown(scanResult({ findings: many }));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MAX_MARKDOWN_BYTES);
    expect(md).toMatch(/_\d+ more findings in the JSON or SARIF report\._/);
  });
});

describe("Mermaid diagram", () => {
  it("escapes labels so no character of an address or message can end the label", () => {
    expect(mermaidLabel('aws_s3_bucket.b["a|b"] <x> & `y`')).toBe('"aws_s3_bucket.b#91;#quot;a#124;b#quot;#93; #lt;x#gt; #amp; #96;y#96;"');
  });

  it("draws components → plans → vaults → copy regions, and mermaid parses it", async () => {
    const entries = [entry(1, "aws_db_instance", planStreams(1, "main", "us-west-2")), entry(2, "aws_dynamodb_table", [])];
    const text = mermaidDiagram(entries, new Set([entries[1]!.component.id]))!;
    expect(text).toContain('("aws_backup_plan.p1")');
    expect(text).toContain('[("aws_backup_vault.main")]');
    expect(text).toContain('(("us-west-2"))');
    expect(text).toMatch(/class n\d+ uncovered/);
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
  });

  it("collapses a large graph by component type, and mermaid parses it", async () => {
    const types = ["aws_db_instance", "aws_dynamodb_table", "aws_s3_bucket", "aws_efs_file_system"];
    const entries = Array.from({ length: 600 }, (_, i) => entry(i, types[i % types.length]!, i % 5 === 0 ? [] : planStreams(i % 7, `v${i % 3}`, i % 2 ? "us-west-2" : "eu-central-1")));
    const text = mermaidDiagram(entries, new Set(entries.filter((e) => e.coverage.status === "uncovered").map((e) => e.component.id)))!;
    const nodes = text.split("\n").filter((l) => /^ {2}n\d+[[(]/.test(l));
    expect(nodes.length).toBeLessThanOrEqual(COLLAPSE_ABOVE_NODES);
    expect(text).toContain('["aws_s3_bucket × 120"]');
    expect(text).toContain('["aws_s3_bucket × 30 #40;uncovered#41;"]');
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
  });

  it("the demo's report carries a diagram that mermaid parses", async () => {
    const dir = path.resolve(import.meta.dirname, "../../fixtures/demo");
    const md = formatMarkdown(await scan({ paths: [dir], cwd: dir, env: {} }));
    const blocks = mermaidBlocks(md);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatch(/^flowchart LR\n/);
    await expect(mermaid.parse(blocks[0]!)).resolves.toBeTruthy();
  });

  it("mermaid rejects a broken diagram (the check is real)", async () => {
    await expect(mermaid.parse('flowchart LR\n  n1["a"] --> ')).rejects.toThrow();
  });
});
