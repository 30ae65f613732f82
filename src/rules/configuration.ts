/** Configuration rules: what could not be read (SPEC section 4, CFG-*). */
import type { FileProblem, Rule } from "./types.js";

export const unparseableInput: Rule = {
  meta: {
    id: "CFG-001",
    name: "UnparseableInputFile",
    category: "configuration",
    level: "error",
    shortDescription: "Input file that could not be parsed.",
    fullDescription:
      "A scanned file could not be read or parsed. The blocks of it that parse cleanly are still analysed and the rest of the scan goes on, but findings for the module it belongs to may be incomplete.",
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
  },
  check(ctx) {
    // One finding per file (its fingerprint is the file): the parser lists the most precise problem first; the rest are counted.
    const byFile = new Map<string, FileProblem[]>();
    for (const p of ctx.fileProblems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const problems of byFile.values()) {
      const p = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""} after it)` : "";
      ctx.report({
        message: `${p.file} could not be parsed: ${p.message}${more}. Findings for its module may be incomplete; fix the file and scan again.`,
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

