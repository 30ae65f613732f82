/**
 * Issue 7, item 4: seeded fuzzing of every fixture file of fixtures/cases and fixtures/demo through
 * the library API. Each fixture project is copied to a temporary folder; each of its files is damaged
 * MUTATIONS_PER_FILE times (byte flips, truncation, deleted lines, duplicated lines, random bytes),
 * the project scanned after each damage, and the file restored. Every scan must:
 *
 *   1. not throw (a UsageError is allowed only for the scan's own command-line inputs: the
 *      configuration file and the fixture's --var-file, which stop a run with exit 2 by design);
 *   2. give valid SARIF 2.1.0 (the official schema, as test/report/sarif.test.ts checks it), and
 *      text, JSON and Markdown reports that format without error;
 *   3. have a CFG-001 finding on the damaged file when it is one the scan reads and it no longer
 *      decodes or parses, judged by the same readers the scan uses (a YAML file only when it is a
 *      Kubernetes or Helm input: by its role in the project, found by a probe, or because it is read
 *      as manifests and still looks like one; `*.json` that may be a plan is never claimed when
 *      unreadable, by design);
 *   4. leave the findings of every other module (folder) unchanged, except the folders that depend
 *      on the damaged one, transitively: those whose findings change when the damaged folder's files
 *      are removed (module calls, scan-wide backup plans and policies, chart dependencies, the
 *      configuration), and those whose files name a path into it (a values file, a module source).
 *
 * Deterministic: one seed; the damage of each (file, index) comes from its own generator, so a
 * failure names the case exactly and reproduces alone (damage.ts). No wall-clock time is asserted.
 * Split over fuzz-1.test.ts and fuzz-2.test.ts so that the two shares run on two cores.
 */
import { cpSync, mkdtempSync, promises as fsp, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fg from "fast-glob";
import { afterAll, beforeAll, describe, it, expect } from "vitest";
import { UsageError } from "../../src/errors.js";
import { createHclParser, parseTfJson, type HclParser } from "../../src/hcl/index.js";
import { readChartArchive } from "../../src/helm/archive.js";
import { looksLikeManifest } from "../../src/helm/corpus.js";
import { parseYamlDocuments } from "../../src/helm/yaml.js";
import { formatReport } from "../../src/report/index.js";
import { decodeText, scan } from "../../src/scan.js";
import type { ScanFileSystem, ScanOptions, ScanResult } from "../../src/scan-result.js";
import { discover, kindOf } from "../../src/discover/index.js";
import { sarifValidator } from "../report/sarif-schema.js";
import { caseSeed, damage, KINDS, rng } from "./damage.js";

/** The seed of the whole run, and damages per fixture file: about 250 files × 10 ≈ 2,500 scans. */
const SEED = 20_260_703;
const MUTATIONS_PER_FILE = 10;

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");
const ALL_PROJECTS = [...fg.sync("cases/*", { cwd: FIXTURES, onlyDirectories: true }).sort(), "demo"];

// ---- SARIF schema --------------------------------------------------------------------------------

const validateSarif = sarifValidator();

// ---- what the scan must say ----------------------------------------------------------------------

/**
 * Whether the damaged file no longer decodes or parses, by the readers the scan itself uses.
 * `claimedYaml`: the file is a Kubernetes or Helm input by its place in the project;
 * `readAsManifest`: the scan reads it as manifests when it looks like them.
 */
function noLongerParses(parser: HclParser, rel: string, bytes: Buffer, claimedYaml: boolean, readAsManifest: boolean): boolean {
  const kind = kindOf(rel);
  if (kind === undefined || kind === "yaml-template" || kind === "plan-json") return false;
  if (kind === "chart-archive") return readChartArchive(bytes).problems.length > 0;
  const text = decodeText(bytes);
  if (typeof text !== "string") return true;
  switch (kind) {
    case "terraform":
    case "tfvars":
      return parser.parse(text, rel).problems.length > 0;
    case "terraform-json":
      return parseTfJson(text, rel, parser).problems.length > 0;
    case "tfvars-json":
    case "modules-json":
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    case "yaml":
      return parseYamlDocuments(text, rel).problems.length > 0 && (claimedYaml || (readAsManifest && looksLikeManifest(text)));
  }
}

function folderOf(file: string): string {
  const i = file.lastIndexOf("/");
  return i < 0 ? "." : file.slice(0, i);
}

/** Findings by folder of their location, each as its whole JSON. */
function findingsByFolder(result: ScanResult): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of result.findings) {
    const folder = folderOf(f.location.file);
    out.set(folder, [...(out.get(folder) ?? []), JSON.stringify(f)]);
  }
  return out;
}

/** Does a file of `folder` name a path into `target` (relative to itself: "../modules/db", "values/x.yaml")? */
function namesPathInto(folder: string, target: string, files: readonly string[], originals: ReadonlyMap<string, Buffer>): boolean {
  const rel = path.posix.relative(folder === "." ? "" : folder, target === "." ? "" : target);
  if (rel === "") return false;
  return files.some((f) => {
    if (folderOf(f) !== folder) return false;
    const text = originals.get(f)!.toString("latin1");
    return text.includes(`${rel}/`) || text.includes(`${rel}"`) || text.includes(`${rel}'`) || text.includes(`${rel}\n`);
  });
}

/** Everything reachable from `from` in the dependency relation. */
function closure(from: string, direct: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const out = new Set<string>();
  const todo = [...(direct.get(from) ?? [])];
  while (todo.length) {
    const f = todo.pop()!;
    if (out.has(f) || f === from) continue;
    out.add(f);
    todo.push(...(direct.get(f) ?? []));
  }
  return out;
}

function changedFolders(a: Map<string, string[]>, b: Map<string, string[]>): Set<string> {
  const out = new Set<string>();
  for (const folder of new Set([...a.keys(), ...b.keys()])) {
    if (JSON.stringify(a.get(folder) ?? []) !== JSON.stringify(b.get(folder) ?? [])) out.add(folder);
  }
  return out;
}

// ---- the run -------------------------------------------------------------------------------------

interface Tally {
  scans: number;
  cfgExpected: number;
  usageErrors: number;
}

/**
 * Defines the fuzz tests of one share of the fixture projects (every `parts`-th, from `part`): the
 * suite is split over test files so that vitest runs the shares on separate cores.
 */
export function defineFuzz(part: number, parts: number): void {
  const projects = ALL_PROJECTS.filter((_, i) => i % parts === part);
  const work = mkdtempSync(path.join(tmpdir(), "restorable-fuzz-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const tally: Tally = { scans: 0, cfgExpected: 0, usageErrors: 0 };
  afterAll(() => {
    // Visible in the test log: how much was done.
    console.log(
      `fuzz ${part + 1}/${parts}: ${projects.length} projects, ${tally.scans} damaged scans (seed ${SEED}, ${MUTATIONS_PER_FILE} per file), ${tally.cfgExpected} with a file that no longer parses, ${tally.usageErrors} stopped by a damaged command-line input`,
    );
  });
  let parser: HclParser;
  beforeAll(async () => {
    parser = await createHclParser();
  });

  describe(`fuzzing the fixtures through scan() (share ${part + 1} of ${parts})`, () => {
    for (const project of projects) {
      it(project, async () => {
        const dir = path.join(work, project);
        cpSync(path.join(FIXTURES, project), dir, { recursive: true });
        const optionsFile = path.join(dir, "fixture.json");
        const fixtureOptions = (fg.sync("fixture.json", { cwd: dir }).length ? JSON.parse(readFileSync(optionsFile, "utf8")) : {}) as Partial<ScanOptions>;
        // Files are read through an in-memory copy of what is on disk (discovery and file() use the disk).
        const contents = new Map<string, Buffer>();
        const fs: ScanFileSystem = {
          readFile: async (p) => contents.get(p) ?? fsp.readFile(p),
          stat: async (p) => {
            const b = contents.get(p);
            return b ? { isFile: () => true, isDirectory: () => false, size: b.length } : fsp.stat(p);
          },
        };
        const put = (rel: string, bytes: Buffer) => {
          writeFileSync(path.join(dir, rel), bytes);
          contents.set(path.join(dir, rel), bytes);
        };
        const remove = (rel: string) => {
          unlinkSync(path.join(dir, rel));
          contents.delete(path.join(dir, rel));
        };
        const options: ScanOptions = { paths: [dir], cwd: dir, env: {}, fs, ...fixtureOptions };
        // The scan's own command-line inputs: damaging them is a usage error (exit 2), not a finding.
        const commandLineInputs = new Set([".restorable.yml", ".restorable.yaml", ...(fixtureOptions.varFiles ?? []), ...(fixtureOptions.valuesFiles ?? [])]);
        const files = fg.sync("**/*", { cwd: dir, dot: true, onlyFiles: true }).sort();
        const originals = new Map(files.map((f) => [f, readFileSync(path.join(dir, f))]));
        for (const [f, bytes] of originals) contents.set(path.join(dir, f), bytes);

        // Files the scan reads (a chart's templates/, a .tftpl or a key file are fixture files it does not).
        const discovered = new Set((await discover({ paths: [dir], cwd: dir }, { readFile: (p) => fsp.readFile(p), stat: (p) => fsp.stat(p) })).files.map((f) => f.path));
        const baseline = findingsByFolder(await scan(options));
        const folders = [...new Set(files.map(folderOf))].sort();

        // Folders whose findings may depend on each folder: those that change when its files are removed,
        // those whose files name a path into it (a module source, a values file, a chart dependency), and
        // so on transitively. A damaged file may change what it feeds, and only that.
        const direct = new Map<string, Set<string>>();
        for (const folder of folders.length > 1 ? folders : []) {
          const own = files.filter((f) => folderOf(f) === folder);
          for (const f of own) remove(f);
          const without = await scan(options).catch((e: unknown) => (e instanceof UsageError ? undefined : Promise.reject(e)));
          for (const f of own) put(f, originals.get(f)!);
          const changed = without ? changedFolders(baseline, findingsByFolder(without)) : new Set(folders);
          for (const other of folders) if (other !== folder && namesPathInto(other, folder, files, originals)) changed.add(other);
          direct.set(folder, changed);
        }
        const dependents = new Map(folders.map((folder) => [folder, closure(folder, direct)]));

        // YAML files the scan reads, and as what. Replaced by YAML that does not parse: by their place (a
        // chart's values, Chart.yaml, a file a release names), whatever they hold; as manifests (a kustomize
        // patch, say, is not read), when they look like one.
        const claimedYaml = new Set<string>();
        const readAsManifest = new Set<string>();
        for (const f of files.filter((x) => kindOf(x) === "yaml")) {
          for (const [probe, into] of [["restorable-fuzz-probe: [\n", claimedYaml], ["apiVersion: v1\nkind: ConfigMap\nmetadata: [\n", readAsManifest]] as const) {
            put(f, Buffer.from(probe));
            const probed = await scan(options).catch(() => undefined);
            if (probed?.findings.some((x) => x.ruleId === "CFG-001" && x.location.file === f)) into.add(f);
          }
          put(f, originals.get(f)!);
        }

        const failures: string[] = [];
        for (const file of files) {
          const original = originals.get(file)!;
          for (let i = 0; i < MUTATIONS_PER_FILE; i++) {
            const name = `${project}/${file} #${i}`;
            const rand = rng(caseSeed(SEED, name));
            const kind = KINDS[(i + Math.floor(rand() * KINDS.length)) % KINDS.length]!;
            const damaged = damage(original, kind, rand);
            const what = `${name} (${kind})`;
            put(file, damaged);
            let result: ScanResult;
            try {
              result = await scan(options);
            } catch (e) {
              if (e instanceof UsageError && commandLineInputs.has(file)) {
                tally.usageErrors++;
                continue;
              }
              failures.push(`${what}: scan() threw ${((e as Error).stack ?? String(e)).split("\n").slice(0, 4).join(" | ")}`);
              continue;
            } finally {
              put(file, original);
            }
            tally.scans++;

            try {
              const sarif = JSON.parse(formatReport(result, "sarif")) as unknown;
              if (!validateSarif(sarif)) failures.push(`${what}: invalid SARIF: ${JSON.stringify(validateSarif.errors?.slice(0, 3))}`);
              for (const format of ["text", "json", "markdown"] as const) formatReport(result, format);
            } catch (e) {
              failures.push(`${what}: a report could not be formatted: ${(e as Error).stack?.split("\n").slice(0, 4).join(" | ")}`);
            }

            if (discovered.has(file) && noLongerParses(parser, file, damaged, claimedYaml.has(file), readAsManifest.has(file))) {
              tally.cfgExpected++;
              if (!result.findings.some((f) => f.ruleId === "CFG-001" && f.location.file === file)) failures.push(`${what}: the file no longer parses, but has no CFG-001`);
            }

            const damagedFolder = folderOf(file);
            const allowed = new Set([damagedFolder, ...dependents.get(damagedFolder)!]);
            const changed = [...changedFolders(baseline, findingsByFolder(result))].filter((f) => !allowed.has(f));
            if (changed.length) failures.push(`${what}: findings changed in ${changed.join(", ")}, which do not depend on ${damagedFolder}`);
          }
        }
        expect(failures).toEqual([]);
      }, 120_000);
    }
  });
}
