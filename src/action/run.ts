import * as core from "@actions/core";
import { writeFileSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.js";
import { readBaselineFingerprints } from "../report/baseline.js";
import { findingsInChange } from "../report/changes.js";
import { coverageCounts, isActive, levelCounts, meetsThreshold, oneLine, plural } from "../report/common.js";
import { formatMarkdown } from "../report/markdown.js";
import { formatSarif } from "../report/sarif.js";
import type { Finding } from "../rules/types.js";
import { scan } from "../scan.js";
import type { ScanResult } from "../scan-result.js";
import { annotate } from "./annotations.js";
import { type ChangeSet, changedFiles } from "./changed-files.js";
import { type ActionInputs, readActionInputs } from "./inputs.js";

/** The step: never throws; a usage or internal error fails the step with its message. */
export async function run(): Promise<void> {
  try {
    await runAction();
  } catch (e) {
    const message = e instanceof Error ? e.message || e.name : String(e);
    core.setFailed(`restorable: ${oneLine(message)}`);
    if (e instanceof Error && e.stack && e.name !== "UsageError") core.debug(e.stack);
  }
}

export interface ActionOutcome {
  result: ScanResult;
  /** Findings that are reported: not suppressed, not in the baseline and, with only-changed in a pull request, in the change. */
  reported: Finding[];
  /** Of those, the ones at or above fail-on. */
  failing: Finding[];
  sarifFile: string;
}

function workspaceOf(env: NodeJS.ProcessEnv): string {
  return path.resolve(env["GITHUB_WORKSPACE"] || process.cwd());
}

async function readBaseline(file: string, workspace: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path.resolve(workspace, file), "utf8");
  } catch (e) {
    throw new UsageError(`cannot read baseline ${file} (${(e as NodeJS.ErrnoException).code ?? "error"}); pass a SARIF file from an earlier scan`);
  }
  return readBaselineFingerprints(text, file);
}

/** Percentage of in-scope components known to be covered, "" when there are none. */
function coveragePercent(result: ScanResult): string {
  const counts = coverageCounts(result);
  return counts.components === 0 ? "" : String(Math.floor((100 * counts.covered) / counts.components));
}

async function changeSetFor(inputs: ActionInputs, env: NodeJS.ProcessEnv, workspace: string): Promise<ChangeSet> {
  if (!inputs.onlyChanged) return { kind: "all", reason: "only-changed is off" };
  const changes = await changedFiles(env, workspace);
  if (changes.kind === "all" && changes.warning !== undefined) core.warning(changes.warning);
  else if (changes.kind === "all") core.info(`only-changed: ${changes.reason}; every finding counts.`);
  else core.info(`only-changed: ${plural(changes.files.size, "file")} changed between ${changes.base.slice(0, 12)} and ${changes.head.slice(0, 12)}.`);
  return changes;
}

/** Scans, writes the full SARIF, then annotates, summarizes and gates what the inputs select. */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<ActionOutcome> {
  const inputs = readActionInputs();
  const workspace = workspaceOf(env);
  const baseline = inputs.baseline === undefined ? undefined : await readBaseline(inputs.baseline, workspace);
  const result = await scan({
    paths: inputs.paths,
    cwd: workspace,
    root: workspace,
    varFiles: inputs.varFiles.map((f) => path.resolve(workspace, f)),
    env,
    ...(inputs.config !== undefined ? { configFile: path.resolve(workspace, inputs.config) } : {}),
  });

  // Every result goes into the uploaded SARIF: dropping one would close its alert.
  const sarifFile = path.resolve(workspace, inputs.sarifFile);
  await mkdir(path.dirname(sarifFile), { recursive: true });
  // Synchronous: one call instead of a round trip per 512 KiB chunk (src/cli/output.ts).
  writeFileSync(sarifFile, formatSarif(result, { ...(baseline !== undefined ? { baseline } : {}), ...(inputs.category !== undefined ? { category: inputs.category } : {}) }));

  const changes = await changeSetFor(inputs, env, workspace);
  const active = result.findings.filter((f) => isActive(f, baseline));
  const reported = changes.kind === "changed" ? findingsInChange(active, changes.files) : active;
  const failing = reported.filter((f) => meetsThreshold(f.level, inputs.failOn));

  if (inputs.annotations) {
    const left = annotate(reported);
    if (left > 0) core.info(`${plural(left, "more finding")} not annotated (GitHub shows at most 50 annotations per job); all are in ${inputs.sarifFile}.`);
  }
  if (inputs.summary && env["GITHUB_STEP_SUMMARY"]) await writeSummary(result, baseline);
  else if (inputs.summary) core.info("No GITHUB_STEP_SUMMARY file: the job summary is not written.");

  const counts = levelCounts(reported);
  core.setOutput("sarif-file", sarifFile);
  core.setOutput("findings", String(reported.length));
  core.setOutput("errors", String(counts.error));
  core.setOutput("warnings", String(counts.warning));
  core.setOutput("coverage", coveragePercent(result));

  if (failing.length > 0) {
    const scope = changes.kind === "changed" ? " in the files this pull request changes" : "";
    core.setFailed(`restorable: ${plural(failing.length, "finding")} at or above fail-on ${inputs.failOn}${scope}.`);
  }
  return { result, reported, failing, sarifFile };
}

async function writeSummary(result: ScanResult, baseline: Set<string> | undefined): Promise<void> {
  // formatMarkdown stays under GitHub's 1 MiB job-summary limit by itself.
  await core.summary.addRaw(formatMarkdown(result, baseline !== undefined ? { baseline } : {}), true).write();
}
