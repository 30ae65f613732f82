import { readFileSync } from "node:fs";
import path from "node:path";
import fg from "fast-glob";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/gen-hcl-corpus.js";
import { createHclParser, type HclParser } from "../../src/hcl/index.js";
import { compareLiterals, oracle } from "./hcl2json-oracle.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Override to explore: HCL_CORPUS_SIZE=20000 HCL_CORPUS_SEED=7 npx vitest run test/hcl/differential */
const CORPUS_SIZE = Number(process.env.HCL_CORPUS_SIZE ?? 1200);
const CORPUS_SEED = process.env.HCL_CORPUS_SEED ? Number(process.env.HCL_CORPUS_SEED) : undefined;

interface Case {
  name: string;
  text: string;
}

interface Disagreement {
  name: string;
  detail: string;
}

let parser: HclParser;
beforeAll(async () => {
  parser = await createHclParser();
});

async function differences(cases: Case[]): Promise<Disagreement[]> {
  const out: Disagreement[] = [];
  for (const c of cases) {
    const ours = parser.parse(c.text, c.name);
    const theirs = await oracle(c.name, c.text.replace(/^\ufeff/, ""));
    if (theirs.ok !== (ours.problems.length === 0)) {
      const detail = theirs.ok
        ? `we reject, HashiCorp accepts: ${ours.problems.map((p) => `${p.range.start.line}:${p.range.start.column} ${p.message}`).join("; ")}`
        : `we accept, HashiCorp rejects: ${theirs.error.slice(0, 300)}`;
      out.push({ name: c.name, detail });
      continue;
    }
    if (!theirs.ok) continue;
    for (const m of compareLiterals(ours.body, theirs.json)) {
      out.push({ name: c.name, detail: `${m.path}: ours ${JSON.stringify(m.ours)} vs ${JSON.stringify(m.theirs)}` });
    }
  }
  return out;
}

describe("differential against HashiCorp's parser (hcl2json)", () => {
  it("agrees on every .tf fixture", async () => {
    const files = await fg("fixtures/**/*.tf", { cwd: ROOT, dot: false });
    const cases = files.map((f) => ({ name: f, text: readFileSync(path.join(ROOT, f), "utf8") }));
    expect(await differences(cases)).toEqual([]);
  });

  it(`agrees on a generated corpus of ${CORPUS_SIZE} files`, async () => {
    const corpus = generateCorpus(CORPUS_SIZE, CORPUS_SEED);
    const broken = corpus.filter((f) => f.mutation !== null).length;
    expect(broken).toBeGreaterThan(CORPUS_SIZE / 6);
    const diffs = await differences(corpus);
    if (diffs.length > 0) {
      const byName = new Map(corpus.map((f) => [f.name, f]));
      const sample = diffs.slice(0, 5).map((d) => `${d.name} (${byName.get(d.name)?.mutation ?? "valid"}): ${d.detail}\n${byName.get(d.name)?.text}`);
      console.error(sample.join("\n----\n"));
    }
    expect(diffs.map((d) => `${d.name}: ${d.detail}`)).toEqual([]);
  });
});
