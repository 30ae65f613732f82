/**
 * Issue 7, item 4 (explicit cases; SPEC section 7, "no input file crashes the tool"): each hostile
 * input a repository can hold, through the library scan(). Bounded means: the scan completes with a
 * finding or an unknown that says why; no test here asserts how long anything takes. Cases already
 * tested elsewhere are listed in the README ("Robustness"); deep nesting in HCL is in
 * hcl-findings.test.ts (its cause is in src/hcl).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, promises as fsp, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_ALIAS_COUNT } from "../../src/helm/yaml.js";
import { scan } from "../../src/index.js";
import type { ScanFileSystem, ScanOptions, ScanResult } from "../../src/scan-result.js";
import { MAX_EVALUATION_STEPS } from "../../src/terraform/expressions.js";
import { MAX_INSTANCES } from "../../src/terraform/instance.js";

const work = mkdtempSync(path.join(tmpdir(), "restorable-hostile-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** A fresh project folder with these files (text or bytes). */
function project(files: Record<string, string | Buffer>): string {
  const dir = path.join(work, `p${n++}`);
  for (const [f, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), content);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

function scanDir(dir: string, options: Partial<ScanOptions> = {}): Promise<ScanResult> {
  return scan({ paths: [dir], cwd: dir, env: {}, workers: 0, ...options });
}

const cfg = (r: ScanResult, file: string) => r.findings.filter((f) => f.ruleId === "CFG-001" && f.location.file === file);
const subjects = (r: ScanResult) => r.findings.map((f) => `${f.ruleId} ${f.subject}`);
const TABLE = (name: string) => `resource "aws_dynamodb_table" "${name}" {\n  name = "${name}"\n}\n`;

describe("YAML alias bombs", () => {
  const laughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (const [i, name] of ["b", "c", "d", "e", "f", "g", "h", "i"].entries()) laughs.push(`${name}: &${name} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`);
  const bomb = laughs.join("\n") + "\n";

  it("a billion laughs in a manifest: CFG-001 on the file, the rest analysed", async () => {
    const dir = project({ "k8s/bomb.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${bomb.replace(/^/gm, "  ")}`, "db.tf": TABLE("orders") });
    const r = await scanDir(dir);
    expect(cfg(r, "k8s/bomb.yaml")).toHaveLength(1);
    expect(cfg(r, "k8s/bomb.yaml")[0]!.message).toMatch(/could not be expanded/);
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.orders");
  });

  it(`in a chart's values.yaml (more than ${MAX_ALIAS_COUNT} alias expansions): CFG-001 on values.yaml`, async () => {
    const dir = project({ "chart/Chart.yaml": "apiVersion: v2\nname: app\nversion: 1.0.0\n", "chart/values.yaml": bomb });
    const r = await scanDir(dir);
    expect(cfg(r, "chart/values.yaml")).toHaveLength(1);
  });
});

describe("a 50 MB file", () => {
  it("is skipped above --max-file-size (default 10 MB) with CFG-001, never read, and the rest analysed", async () => {
    const dir = project({ "db.tf": TABLE("orders") });
    const big = path.join(dir, "huge.tf");
    await fsp.writeFile(big, Buffer.alloc(50 * 1024 * 1024, "# padding\n"));
    const reads: string[] = [];
    const fs: ScanFileSystem = { readFile: (p) => (reads.push(p), fsp.readFile(p)), stat: (p) => fsp.stat(p) };
    const r = await scanDir(dir, { fs });
    expect(cfg(r, "huge.tf").map((f) => f.message)).toEqual([expect.stringMatching(/is 52428800 bytes, above --max-file-size \(10485760\); it was skipped/)]);
    expect(reads).not.toContain(big);
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.orders");
  });
});

describe("expansion bombs", () => {
  it(`count = 100000000: one instance stands for all (above ${MAX_INSTANCES}), with CFG-001 saying why`, async () => {
    const dir = project({ "main.tf": 'resource "aws_dynamodb_table" "many" {\n  count = 100000000\n  name  = "t${count.index}"\n}\n' });
    const r = await scanDir(dir);
    expect(r.stats.components).toBe(1);
    expect(cfg(r, "main.tf").map((f) => [f.location.startLine, f.message])).toEqual([[2, expect.stringMatching(/count = 100000000 exceeds the limit of 10000 instances/)]]);
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.many[*]");
  });

  it("a module with count = 100000000: the same bound", async () => {
    const dir = project({ "main.tf": 'module "db" {\n  source = "./db"\n  count  = 100000000\n}\n', "db/main.tf": TABLE("t") });
    const r = await scanDir(dir);
    expect(r.stats.components).toBe(1);
    expect(cfg(r, "main.tf").map((f) => f.message)).toEqual([expect.stringMatching(/count = 100000000 exceeds the limit/)]);
  });

  it("for_each over more than the bound (a for expression over setproduct): CFG-001, one instance", async () => {
    const dir = project({
      "main.tf": 'resource "aws_dynamodb_table" "t" {\n  for_each = toset([for p in setproduct(range(200), range(200)) : "${p[0]}-${p[1]}"])\n  name     = each.key\n}\n',
    });
    const r = await scanDir(dir);
    expect(r.stats.components).toBe(1);
    expect(cfg(r, "main.tf").map((f) => f.message)).toEqual([expect.stringMatching(/for_each over 40000 elements exceeds the limit of 10000 instances/)]);
  });

  it("for_each over range(100000000): range() stops at 1024 values, as Terraform's; the expansion is unknown", async () => {
    const dir = project({ "main.tf": 'resource "aws_dynamodb_table" "t" {\n  for_each = toset([for i in range(100000000) : tostring(i)])\n  name     = each.key\n}\n' });
    const r = await scanDir(dir);
    expect(r.stats.components).toBe(1);
    expect(r.unknowns.map((u) => u.reason)).toContainEqual(expect.stringMatching(/more than 1024 values were generated/));
  });

  it(`nested for expressions over 1000 × 1000 × 1000 elements: stopped after ${MAX_EVALUATION_STEPS} steps, unknown`, async () => {
    const dir = project({
      "main.tf":
        'locals {\n  x = [for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]\n}\nresource "aws_dynamodb_table" "t" {\n  for_each = toset(flatten(local.x))\n  name     = each.key\n}\n',
    });
    const r = await scanDir(dir);
    expect(r.stats.components).toBe(1);
    expect(r.unknowns.map((u) => u.reason)).toContainEqual(expect.stringMatching(/local\.x: the expression takes more than \d+ evaluation steps/));
  });

  it("setproduct of three 1000-element lists: refused before it is built, unknown", async () => {
    const dir = project({ "main.tf": 'locals {\n  x = setproduct(range(1000), range(1000), range(1000))\n}\nresource "aws_dynamodb_table" "t" {\n  count = length(local.x)\n  name  = "t"\n}\n' });
    const r = await scanDir(dir);
    expect(r.unknowns.map((u) => u.reason)).toContainEqual(expect.stringMatching(/setproduct would generate 1000000000 elements/));
  });

  it("a string doubled 40 times through locals, and a format width of a billion: unknown, not out of memory", async () => {
    const locals = ['  s0 = "xxxxxxxxxxxxxxxx"', ...Array.from({ length: 40 }, (_, i) => `  s${i + 1} = "\${local.s${i}}\${local.s${i}}"`)];
    const dir = project({
      "main.tf": `locals {\n${locals.join("\n")}\n}\nresource "aws_dynamodb_table" "t" {\n  name = local.s40\n  tags = { "data-class" = local.s40, other = format("%1000000000d", 1), pad = indent(1000000000, "a\\nb") }\n}\n`,
    });
    const r = await scanDir(dir);
    expect(r.stats.components).toBe(1);
  });
});

describe("module call cycles", () => {
  it("two modules that call each other: both judged, the cycle reported where it closes", async () => {
    const dir = project({ "a/main.tf": `module "b" {\n  source = "../b"\n}\n${TABLE("in_a")}`, "b/main.tf": 'module "a" {\n  source = "../a"\n}\n' });
    const r = await scanDir(dir);
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.in_a");
    expect(r.findings.filter((f) => f.ruleId === "CFG-001").map((f) => f.message)).toContainEqual(expect.stringMatching(/module call cycle through a; not followed/));
  });

  it("a module that calls its own folder", async () => {
    const dir = project({ "main.tf": `module "me" {\n  source = "./"\n}\n${TABLE("t")}` });
    const r = await scanDir(dir);
    expect(cfg(r, "main.tf").map((f) => f.message)).toEqual([expect.stringMatching(/module\.me: module call cycle through \.; not followed/)]);
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.t");
  });
});

describe("paths that leave the scan root", () => {
  const outside = path.join(work, "outside");
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(outside, "class.txt"), "zz-outside-class");
  writeFileSync(path.join(outside, "main.tf"), TABLE("outside"));

  it("a module source that escapes: not followed, CFG-001 says why", async () => {
    const dir = project({ "root/main.tf": `module "x" {\n  source = "../../outside"\n}\n${TABLE("t")}` });
    const r = await scan({ paths: [path.join(dir, "root")], cwd: path.join(dir, "root"), env: {}, workers: 0 });
    expect(cfg(r, "main.tf").map((f) => f.message)).toEqual([expect.stringMatching(/module\.x: module source "\.\.\/\.\.\/outside" leaves the scan root; it is not followed/)]);
    expect(subjects(r)).not.toContain("COV-001 module.x.aws_dynamodb_table.outside");
  });

  it("file() and templatefile() with ../ or an absolute path: refused, nothing read", async () => {
    const rel = path.relative(work, outside);
    const dir = project({
      "main.tf": `resource "aws_dynamodb_table" "t" {\n  name = "t"\n  tags = {\n    "data-class" = file("../${rel}/class.txt")\n    a = file("${path.join(outside, "class.txt")}")\n    b = templatefile("../${rel}/class.txt", {})\n  }\n}\n`,
    });
    const r = await scanDir(dir);
    expect(JSON.stringify(r)).not.toContain("zz-outside-class");
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.t");
  });

  it("file() through a symbolic link inside the root that points outside it: refused", async () => {
    const dir = project({ "main.tf": 'resource "aws_dynamodb_table" "t" {\n  name = "t"\n  tags = { "data-class" = file("class.txt"), other = file("zero") }\n}\n' });
    symlinkSync(path.join(outside, "class.txt"), path.join(dir, "class.txt"));
    symlinkSync("/dev/zero", path.join(dir, "zero"));
    const r = await scanDir(dir);
    expect(JSON.stringify(r)).not.toContain("zz-outside-class");
  });

  it("a symlinked .tf file or folder pointing outside: not followed", async () => {
    const dir = project({ "main.tf": TABLE("t") });
    symlinkSync(path.join(outside, "main.tf"), path.join(dir, "linked.tf"));
    symlinkSync(outside, path.join(dir, "linked-dir"));
    const r = await scanDir(dir);
    expect(r.stats.files).toBe(1);
    expect(subjects(r)).not.toContain("COV-001 aws_dynamodb_table.outside");
  });
});

describe("symbolic link loops", () => {
  it("a folder linked to itself or its parent, and two files linked to each other: the scan completes, each real file once", async () => {
    const dir = project({ "main.tf": TABLE("t"), "sub/db.tf": TABLE("u") });
    symlinkSync(".", path.join(dir, "self"));
    symlinkSync("..", path.join(dir, "sub", "up"));
    symlinkSync("b.tf", path.join(dir, "a.tf"));
    symlinkSync("a.tf", path.join(dir, "b.tf"));
    const r = await scanDir(dir);
    expect(r.stats.files).toBe(2);
    expect(subjects(r).filter((s) => s.startsWith("COV-001"))).toEqual(["COV-001 aws_dynamodb_table.t", "COV-001 aws_dynamodb_table.u"]);
  });
});

describe("binary and oddly encoded files", () => {
  it("binary bytes named .tf: CFG-001 'binary', the rest analysed", async () => {
    const dir = project({ "blob.tf": Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x00]), "db.tf": TABLE("orders") });
    const r = await scanDir(dir);
    expect(cfg(r, "blob.tf").map((f) => f.message)).toEqual([expect.stringMatching(/the file is binary, not text/)]);
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.orders");
  });

  it("Latin-1 (not UTF-8) text: CFG-001 'not valid UTF-8'", async () => {
    const dir = project({ "latin1.tf": Buffer.from('resource "aws_dynamodb_table" "t" {\n  name = "caf\xe9"\n}\n', "latin1") });
    const r = await scanDir(dir);
    expect(cfg(r, "latin1.tf").map((f) => f.message)).toEqual([expect.stringMatching(/not valid UTF-8/)]);
  });

  it("UTF-16 with a byte-order mark (LE and BE) is read; without one it is CFG-001", async () => {
    const text = (name: string) => `\n${TABLE(name)}`;
    const be = Buffer.from(text("be"), "utf16le").swap16();
    const dir = project({
      "le.tf": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text("le"), "utf16le")]),
      "be.tf": Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
      "nobom.tf": Buffer.from(text("nobom"), "utf16le"),
    });
    const r = await scanDir(dir);
    const cov = r.findings.filter((f) => f.ruleId === "COV-001").map((f) => [f.subject, f.location.file, f.location.startLine]);
    expect(cov).toEqual([
      ["aws_dynamodb_table.be", "be.tf", 2],
      ["aws_dynamodb_table.le", "le.tf", 2],
    ]);
    expect(cfg(r, "nobom.tf")).toHaveLength(1);
  });

  it("a UTF-8 BOM and CRLF line endings: findings land on the exact line and column", async () => {
    const crlf = `# one\r\n# two\r\n\r\n  resource "aws_dynamodb_table" "crlf" {\r\n    name = "crlf"\r\n  }\r\n`;
    const dir = project({ "crlf.tf": crlf, "bom.tf": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\n\n${TABLE("bom")}`)]) });
    const r = await scanDir(dir);
    const at = (s: string) => r.findings.find((f) => f.subject === s)!.location;
    expect(at("aws_dynamodb_table.crlf")).toMatchObject({ file: "crlf.tf", startLine: 4, startColumn: 3 });
    expect(at("aws_dynamodb_table.bom")).toMatchObject({ file: "bom.tf", startLine: 3, startColumn: 1 });
    expect(r.findings.filter((f) => f.ruleId === "CFG-001")).toEqual([]);
  });
});

describe("deep nesting outside HCL", () => {
  const DEEP = 10_000;
  it(`YAML flow collections ${DEEP} deep in a manifest and in values.yaml: CFG-001, the rest analysed`, async () => {
    const dir = project({
      "k8s/deep.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${"[".repeat(DEEP)}${"]".repeat(DEEP)}\n`,
      "chart/Chart.yaml": "apiVersion: v2\nname: app\nversion: 1.0.0\n",
      "chart/values.yaml": `a: ${"{b: ".repeat(DEEP)}1${"}".repeat(DEEP)}\n`,
      "seq.yaml": `apiVersion: v1\nkind: List\nitems:\n  ${"- ".repeat(DEEP)}1\n`,
      "db.tf": TABLE("orders"),
    });
    const r = await scanDir(dir);
    for (const f of ["k8s/deep.yaml", "chart/values.yaml", "seq.yaml"]) expect(cfg(r, f).map((x) => x.message), f).toEqual([expect.stringMatching(/nests too deeply to be read|nests deeper than 64 levels/)]);
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.orders");
  });

  it(`JSON ${DEEP} deep in a plan and a .tfvars.json: CFG-001 or a result, never a crash (.tf.json: hcl-findings.test.ts)`, async () => {
    const deep = `${"[".repeat(DEEP)}${"]".repeat(DEEP)}`;
    const dir = project({
      "plan/tfplan.json": `{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{"root_module":{"resources":[{"address":"aws_dynamodb_table.p","mode":"managed","type":"aws_dynamodb_table","name":"p","values":{"name":"p","x":${deep}}}]}}}`,
      "vars/main.tf": 'variable "x" {}\nresource "aws_dynamodb_table" "v" {\n  name = "v"\n  tags = { a = jsonencode(var.x) }\n}\n',
      "vars/terraform.tfvars.json": `{"x":${deep}}`,
      "db.tf": TABLE("orders"),
    });
    const r = await scanDir(dir);
    expect(cfg(r, "plan/tfplan.json").map((f) => f.message)).toEqual([expect.stringMatching(/nests deeper than 512 levels|is not valid JSON: Maximum call stack/)]);
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.orders");
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.v");
  });
});

describe("unreadable files", () => {
  it("permission denied (an injected file system: tests may run as root): CFG-001, the run continues", async () => {
    const dir = project({ "secret.tf": TABLE("secret"), "db.tf": TABLE("orders"), "k8s/app.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n" });
    const denied = new Set([path.join(dir, "secret.tf"), path.join(dir, "k8s/app.yaml")]);
    const eacces = (p: string) => Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: "EACCES" });
    const fs: ScanFileSystem = {
      readFile: (p) => (denied.has(p) ? Promise.reject(eacces(p)) : fsp.readFile(p)),
      stat: (p) => fsp.stat(p),
    };
    const r = await scanDir(dir, { fs });
    expect(cfg(r, "secret.tf").map((f) => f.message)).toEqual([expect.stringMatching(/could not be read \(EACCES\)/)]);
    expect(cfg(r, "k8s/app.yaml")).toHaveLength(1);
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.orders");
  });

  it("a FIFO named as a .tf file given on the command line: skipped as not a regular file, never opened", async () => {
    const dir = project({ "db.tf": TABLE("orders") });
    execFileSync("mkfifo", [path.join(dir, "pipe.tf")]);
    const r = await scan({ paths: [path.join(dir, "pipe.tf"), path.join(dir, "db.tf")], cwd: dir, env: {}, workers: 0 });
    expect(cfg(r, "pipe.tf").map((f) => f.message)).toEqual([expect.stringMatching(/not a regular file/)]);
    expect(subjects(r)).toContain("COV-001 aws_dynamodb_table.orders");
  });
});

describe("an empty directory", () => {
  it("scans to an empty result (the CLI says so and exits 0: test/cli/progress.test.ts)", async () => {
    const r = await scanDir(project({}));
    expect(r.stats.files).toBe(0);
    expect(r.findings).toEqual([]);
  });
});

describe("100,000 resources in one file", () => {
  it("completes, and every resource is a component (time is not asserted)", async () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {}\n`).join("");
    const r = await scanDir(project({ "main.tf": text }));
    expect(r.stats.components).toBe(100_000);
    expect(r.findings.filter((f) => f.ruleId === "COV-001")).toHaveLength(100_000);
  }, 600_000);
});
