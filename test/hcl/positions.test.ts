import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createHclParser, type HclParser } from "../../src/hcl/index.js";
import { attr, lc } from "./helpers.js";

let parser: HclParser;
beforeAll(async () => {
  parser = await createHclParser();
});

describe("exact positions (UTF-16 columns, 1-based)", () => {
  it("counts non-ASCII and emoji in UTF-16 code units", () => {
    const file = parser.parse('tags = { a = "ünïcødé 😀" } # ü\nafter = 1\nx = "😀😀" == y\n', "main.tf");
    expect(file.problems).toEqual([]);
    const tags = attr(file, "tags").expr;
    // `ü`, `ï`, `ø`, `é` are one unit each, 😀 is two.
    expect(lc(tags.range)).toEqual([1, 8, 1, 28]);
    expect(lc(attr(file, "after").nameRange)).toEqual([2, 1, 2, 6]);
    const x = attr(file, "x").expr;
    expect(x.kind).toBe("binary");
    if (x.kind === "binary") expect(lc(x.right.range)).toEqual([3, 15, 3, 16]);
  });

  it("counts a tab as one column", () => {
    const file = parser.parse("\tname\t=\t\"v\"\n", "main.tf");
    expect(lc(attr(file, "name").nameRange)).toEqual([1, 2, 1, 6]);
    expect(lc(attr(file, "name").expr.range)).toEqual([1, 9, 1, 12]);
  });

  it("handles CRLF line endings", () => {
    const file = parser.parse('a = 1\r\nb = "x"\r\nc {\r\n  d = <<EOT\r\nline\r\nEOT\r\n}\r\n', "main.tf");
    expect(file.problems).toEqual([]);
    expect(lc(attr(file, "b").range)).toEqual([2, 1, 2, 8]);
    const block = file.body.blocks[0]!;
    expect(lc(block.range)).toEqual([3, 1, 7, 2]);
    const d = block.body.attributes[0]!;
    expect(lc(d.nameRange)).toEqual([4, 3, 4, 4]);
    expect(d.expr.kind === "literal" && d.expr.value).toBe("line\r\n");
  });

  it("drops a leading BOM before counting offsets", () => {
    const file = parser.parse("\ufeffa = 1\n", "main.tf");
    expect(attr(file, "a").nameRange.start).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it("reads the CRLF + BOM + emoji fixture exactly", () => {
    const text = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/hcl/crlf-bom.tf"), "utf8");
    const file = parser.parse(text, "fixtures/hcl/crlf-bom.tf");
    expect(file.problems).toEqual([]);
    const vault = file.body.blocks[1]!;
    expect(vault.labels).toEqual(["aws_backup_vault", "vü"]);
    expect(lc(vault.headerRange)).toEqual([5, 1, 5, 33]);
    const [name, tags] = vault.body.attributes;
    expect(lc(name!.expr.range)).toEqual([6, 10, 6, 20]);
    expect(lc(tags!.nameRange)).toEqual([7, 2, 7, 6]);
  });
});
