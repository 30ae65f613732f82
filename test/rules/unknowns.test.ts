import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toSarif } from "../../src/report/sarif.js";
import { runRules } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/types.js";
import { scan } from "../../src/scan.js";
import type { Graph } from "../../src/graph/types.js";
import type { PolicyView } from "../../src/policy/types.js";
import { sarifValidator } from "../report/sarif-schema.js";

const CASE = fileURLToPath(new URL("../../fixtures/cases/reg-003-cross-account/", import.meta.url));

describe("unknowns reported by rules", () => {
  it("lists the decisions REG-*, MON-001 could not make, with the UnknownFact's reason, once each", async () => {
    const result = await scan({ cwd: CASE, env: {} });
    expect(result.unknowns.map((u) => [u.subject, u.what, u.reason])).toEqual([
      ["aws_backup_vault.treasury", "whether failed backup jobs into aws_backup_vault.treasury reach anyone", "topic arn:aws:sns:us-east-1:123456789012:backup-alerts is not in the scan"],
      ["aws_backup_vault.treasury", "whether failed copy jobs into aws_backup_vault.treasury reach anyone", "topic arn:aws:sns:us-east-1:123456789012:backup-alerts is not in the scan"],
      ["aws_db_instance.payments", "destination account of the copy in backup.tf:95", "var.central_vault_arn has no value"],
      ["aws_db_instance.payments", "destination region of the copy in backup.tf:95", "var.central_vault_arn has no value"],
    ]);
    const account = result.unknowns.find((u) => u.what.startsWith("destination account"))!;
    expect(account.root).toBe(".");
    expect(account.location).toMatchObject({ file: "backup.tf", startLine: 95 });
    // No finding from the unknown account: REG-003 stays silent on payments.
    expect(result.findings.some((f) => f.ruleId === "REG-003" && f.subject === "aws_db_instance.payments")).toBe(false);
  });

  it("become UNK-001 notes in SARIF with --report-unknown, and the log still validates", async () => {
    const result = await scan({ cwd: CASE, env: {} });
    const log = toSarif(result, { reportUnknown: true });
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const notes = log.runs[0]!.results!.filter((r) => r.ruleId === "UNK-001");
    expect(notes.length).toBe(result.unknowns.filter((u) => u.location).length);
    expect(notes.every((n) => n.level === "note")).toBe(true);
    expect(notes.some((n) => n.message.text?.includes("destination account of the copy in backup.tf:95"))).toBe(true);
  });

  it("runRules deduplicates by subject, what and reason and sorts independently of rule order", () => {
    const rule = (id: string, subjects: string[]): Rule => ({
      meta: { id, name: id, category: "configuration", level: "note", shortDescription: "", fullDescription: "", helpMarkdown: "", helpText: "", tags: [], securitySeverity: "0.0", providers: ["aws"] },
      check: (ctx) => {
        for (const subject of subjects) ctx.reportUnknown({ subject, root: ".", what: `region of ${subject}`, reason: "var.region has no value", hint: undefined });
      },
    });
    const graph: Graph = { components: [], mechanisms: [], coverage: new Map(), unknowns: [] };
    const run = (rules: Rule[]) => runRules({ graph, fileProblems: [], policy: {} as PolicyView, rules }).unknowns;
    const a = run([rule("A", ["b.x", "a.x"]), rule("B", ["a.x"])]);
    expect(a.map((u) => u.subject)).toEqual(["a.x", "b.x"]);
    expect(a[0]).toEqual({ subject: "a.x", root: ".", what: "region of a.x", reason: "var.region has no value" });
    expect(run([rule("B", ["a.x"]), rule("A", ["b.x", "a.x"])])).toEqual(a);
  });
});
