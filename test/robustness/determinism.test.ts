/**
 * Issue 7, item 5: two scans of the same tree give byte-identical SARIF and JSON whatever the
 * worker count. Workers parse only the files the fast parser leaves to tree-sitter, so the tree holds
 * enough of those. Workers run only from the build (the worker script is lib/bundle/parse-worker.js, or
 * lib/hcl/parse-worker.js unbundled), so this runs the built CLI, `node bin/restorable.js`, on a
 * generated tree large enough for the parallel path (PARALLEL_MIN_FILES), with a few damaged files
 * so that problems take part too.
 *
 * lib/ is built by `npm ci` (prepare). When it is missing or older than the sources (a developer's
 * tree), it is rebuilt first: a stale build would test yesterday's code, or lack --workers.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fg from "fast-glob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepo } from "../../src/bench/generate.js";
import { createHclParser } from "../../src/hcl/index.js";
import { PARALLEL_MIN_FILES } from "../../src/hcl/pool.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/restorable.js");
const BUILT = ["lib/bundle/cli.js", "lib/cli/main.js"].map((f) => path.join(ROOT, f));
const work = mkdtempSync(path.join(tmpdir(), "restorable-determinism-"));
const tree = path.join(work, "repo");
afterAll(() => rmSync(work, { recursive: true, force: true }));

function newestSource(): number {
  const sources = fg.sync(["src/**/*.ts", "scripts/bundle-cli.mjs", "package.json", "tsconfig*.json"], { cwd: ROOT, absolute: true });
  return Math.max(...sources.map((f) => statSync(f).mtimeMs));
}

function libIsStale(): boolean {
  const built = BUILT.filter(existsSync);
  if (built.length === 0) return true;
  return Math.min(...built.map((f) => statSync(f).mtimeMs)) < newestSource();
}

/**
 * Files the fast parser leaves to tree-sitter, and so to the workers: a comment inside an expression
 * (valid HCL the fast parser gives up on, src/hcl/fast.ts), enough of them for the default worker
 * count to start workers too.
 */
const SLOW_PATH_FILES = PARALLEL_MIN_FILES + 20;

beforeAll(() => {
  if (libIsStale()) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  generateRepo(tree, 80);
  for (let i = 0; i < SLOW_PATH_FILES; i++) {
    const dir = path.join(tree, "tiers", `t${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "main.tf"), `variable "size" {\n  default = "m"\n}\n\nlocals {\n  tier = var.size == "s" ? 1 /* small */ : ${i}\n}\n\nresource "aws_dynamodb_table" "t" {\n  name = "t\${local.tier}"\n}\n`);
  }
  // Damage: a file that does not parse, one that is binary, a YAML manifest with an error, and an expansion bomb.
  writeFileSync(path.join(tree, "services/broken.tf"), 'resource "aws_s3_bucket" "b" {\n  bucket = \n');
  writeFileSync(path.join(tree, "services/blob.tf"), Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00]));
  mkdirSync(path.join(tree, "k8s"), { recursive: true });
  writeFileSync(path.join(tree, "k8s/db.yaml"), "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec: [\n");
  writeFileSync(path.join(tree, "services/bomb.tf"), 'resource "aws_dynamodb_table" "many" {\n  count = 100000000\n  name  = "t${count.index}"\n}\n');
}, 180_000);

function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, "scan", ".", "--fail-on", "none", ...args], { cwd: tree, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

describe("determinism across worker counts (built CLI)", () => {
  it("the generated tree takes the parallel path", async () => {
    const parser = await createHclParser();
    const hclFiles = fg.sync("**/*.{tf,tfvars}", { cwd: tree });
    const slow = hclFiles.filter((f) => parser.parseClean(readFileSync(path.join(tree, f), "utf8"), f) === undefined);
    expect(slow.length).toBeGreaterThanOrEqual(PARALLEL_MIN_FILES);
    // The worker script the pool starts, beside the module that imports it.
    expect(existsSync(path.join(ROOT, "lib/bundle/parse-worker.js")) || existsSync(path.join(ROOT, "lib/hcl/parse-worker.js"))).toBe(true);
  });

  for (const format of ["sarif", "json"] as const) {
    it(`${format}: --workers 0, --workers 2 and the default give the same bytes, run after run`, () => {
      const inMain = cli("-f", format, "--workers", "0");
      const twoWorkers = cli("-f", format, "--workers", "2");
      expect(twoWorkers === inMain, `${format} differs between --workers 0 and --workers 2`).toBe(true);
      if (format === "sarif") {
        const byDefault = cli("-f", format);
        expect(byDefault === inMain, `${format} differs between the default worker count and --workers 0`).toBe(true);
      }
      // The damaged files are in the output, so their problems are compared too.
      for (const f of ["services/broken.tf", "services/blob.tf", "k8s/db.yaml", "services/bomb.tf"]) expect(inMain).toContain(f);
      expect(JSON.parse(inMain)).toBeTruthy();
    }, 120_000);
  }
});
