import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderRuleDocs } from "../../src/report/rule-docs.js";
import { ruleMetadata } from "../../src/rules/index.js";
import { RULES } from "./fixtures.js";

describe("docs/rules.md", () => {
  it("lists every rule with its level, category, description and help", () => {
    const md = renderRuleDocs(RULES);
    expect(md).toContain("| [COV-001](#cov-001-statefulcomponentwithoutbackup) | StatefulComponentWithoutBackup | coverage | error |");
    expect(md).toContain("## RET-001 RetentionBelowRegime");
    expect(md).toContain("- Citation: 17 CFR 210.2-06");
    expect(md).toContain("has no reason, so it does not apply");
    expect(md.indexOf("## CFG-001")).toBeLessThan(md.indexOf("## COV-001"));
  });

  it("is up to date with the rule metadata (run `npm run docs` after changing a rule)", () => {
    expect(readFileSync(new URL("../../docs/rules.md", import.meta.url), "utf8")).toBe(renderRuleDocs(ruleMetadata()));
  });
});
