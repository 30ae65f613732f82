/** Configuration rules: what could not be read (SPEC section 4, CFG-*). */
import type { FileProblem, Rule } from "./types.js";
import { aboutComponent } from "./scope.js";

export const unparseableInput: Rule = {
  meta: {
    id: "CFG-001",
    name: "UnparseableInputFile",
    category: "configuration",
    level: "error",
    shortDescription: "Input file that could not be parsed.",
    fullDescription:
      "A scanned file could not be read or parsed, or evaluating it stopped at a safety bound (a module source that leaves the scan root, a module call cycle, a count or for_each above 10,000 instances). The blocks of it that parse cleanly are still analysed and the rest of the scan goes on, but findings for the module it belongs to may be incomplete.",
    helpText: "Fix the syntax error at the reported location (`terraform validate` shows the same error), then scan again.",
    helpMarkdown: [
      "A scanned file could not be read or parsed. Blocks of it that parse cleanly are still used, and every other file is still analysed, but findings for its module may be incomplete.",
      "",
      "Example that fires (missing closing brace):",
      "",
      "```hcl",
      'resource "aws_s3_bucket" "logs" {',
      '  bucket = "acme-logs"',
      "",
      'resource "aws_s3_bucket_versioning" "logs" {',
      "```",
      "",
      "Fix the syntax at the reported location; `terraform validate` reports the same problem.",
    ].join("\n"),
    tags: ["configuration", "parse-error"],
    securitySeverity: "5.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote: "Every input file, whatever its provider: Terraform, plan JSON, Helm charts and values, Kubernetes manifests.",
  },
  check(ctx) {
    // One finding per file (its fingerprint is the file): the parser lists the most precise problem first; the rest are counted.
    const byFile = new Map<string, FileProblem[]>();
    for (const p of ctx.fileProblems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const problems of byFile.values()) {
      const p = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""} after it)` : "";
      ctx.report({
        message: `${p.file} could not be ${p.stage === "evaluation" ? "evaluated in full" : "parsed"}: ${p.message}${more}. Findings for its module may be incomplete; fix the file and scan again.`,
        subject: p.file,
        subjectKind: "module",
        root: "",
        location: p.location,
        anchor: "",
        related: [],
      });
    }
  },
};


export const unrecognisedDataClass: Rule = {
  meta: {
    id: "CFG-002",
    name: "UnrecognisedDataClass",
    category: "configuration",
    level: "warning",
    shortDescription: "Data-class tag value that names no known class or regime.",
    fullDescription:
      "A data-class tag (data-class, data_class, DataClass, data-classification or DataClassification, provider default_tags included) has a value that is neither a known data class nor a regime id, so the requirements it was meant to bring (retention, immutability, restore testing...) are not checked.",
    helpText:
      "Correct the tag value to a known class (financial, health, cardholder, broker-dealer, personal, audit-log, ephemeral, or one defined under classes: in .restorable.yml) or a regime id (sox, gdpr, pci-dss...), or define the class in .restorable.yml.",
    helpMarkdown: [
      "A data-class tag names a class that restorable does not know, so the component is checked only against the defaults: the retention, immutability or restore-testing duties of the class you meant are silently skipped.",
      "",
      "The tag keys read are `data-class`, `data_class`, `DataClass`, `data-classification` and `DataClassification` (the provider's `default_tags` included). A value names a class (built in, or under `classes:` in `.restorable.yml`) or a regime id (`sox`, `gdpr`, `pci-dss`, ...).",
      "",
      "Example that fires (typo):",
      "",
      "```hcl",
      'resource "aws_db_instance" "ledger" {',
      "  # ...",
      '  tags = { data-class = "finanical" }',
      "}",
      "```",
      "",
      "Fixed:",
      "",
      "```hcl",
      'resource "aws_db_instance" "ledger" {',
      "  # ...",
      '  tags = { data-class = "financial" }',
      "}",
      "```",
      "",
      "Or define the class in `.restorable.yml`:",
      "",
      "```yaml",
      "classes:",
      "  treasury:",
      "    regimes: [sox]",
      "```",
    ].join("\n"),
    tags: ["configuration", "classification", "security"],
    securitySeverity: "4.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote: "Tags (AWS, Azure) and labels (Google), provider default_tags and default_labels included; on Kubernetes, the annotation restorable.dev/data-class (or a data-class label).",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      for (const p of ctx.policy.classificationProblems?.(c) ?? []) {
        const anchor = c.tagsAnchor && c.anchors[c.tagsAnchor] ? c.tagsAnchor : "";
        const tag = c.provider === "google" ? "label" : c.provider === "kubernetes" ? "label or annotation" : "tag";
        const hint = p.suggestion ? `did you mean "${p.suggestion}"? ` : "";
        const written = p.unrecognised === p.value ? `"${p.value}"` : `"${p.value}" (the part "${p.unrecognised}")`;
        ctx.report({
          message:
            `${c.address} has ${tag} ${p.key} = ${written}, which names no known data class or regime, so its class requirements are not checked. ` +
            `Known classes: ${p.knownClasses.join(", ")}. Correct the value (${hint}a class or a regime id such as sox or gdpr), or define the class under classes: in .restorable.yml.`,
          ...aboutComponent(c),
          location: anchor ? c.anchors[anchor]! : c.location,
          anchor: anchor ? `${anchor}.${p.key}` : "",
          related: [],
        });
      }
    }
  },
};
