import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repo = join(import.meta.dirname, "..", "..");
const out = mkdtempSync(join(tmpdir(), "restorable-bundle-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("dist/ (the Action's committed bundle)", () => {
  it("is what `npm run bundle` builds from the sources now, byte for byte", async () => {
    await run(process.execPath, [join(repo, "scripts", "bundle.mjs"), out], { cwd: repo, timeout: 120_000 });
    const built = readdirSync(out).sort();
    expect(readdirSync(join(repo, "dist")).sort()).toEqual(built);
    for (const file of built) {
      const same = readFileSync(join(out, file)).equals(readFileSync(join(repo, "dist", file)));
      expect(same, `dist/${file} is stale: run npm run bundle and commit dist/`).toBe(true);
    }
  }, 120_000);
});
