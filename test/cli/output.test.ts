import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomically } from "../../src/cli/output.js";
import { UsageError } from "../../src/errors.js";

const dir = mkdtempSync(join(tmpdir(), "restorable-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomically", () => {
  it("replaces the file whole and leaves no temporary file", async () => {
    const file = join(dir, "report.txt");
    writeFileSync(file, "old");
    await writeFileAtomically(file, "new report\n");
    expect(readFileSync(file, "utf8")).toBe("new report\n");
    expect(readdirSync(dir)).toEqual(["report.txt"]);
  });

  it("fails with a UsageError and cleans up when the final rename fails", async () => {
    const target = join(dir, "occupied");
    mkdirSync(join(target, "child"), { recursive: true });
    const error = await writeFileAtomically(target, "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^cannot write --output .*occupied: E[A-Z]+; choose a writable path$/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
