import * as core from "@actions/core";
import { UsageError } from "../errors.js";
import { type FailOn, isFailOn } from "../report/index.js";

/** The action's inputs (action.yml), read the way the runner passes them (INPUT_* variables). */
export interface ActionInputs {
  paths: string[];
  config: string | undefined;
  sarifFile: string;
  failOn: FailOn;
  varFiles: string[];
  baseline: string | undefined;
  onlyChanged: boolean;
  annotations: boolean;
  summary: boolean;
  category: string | undefined;
}

/** A list input: one entry per line or separated by commas; blank entries dropped. */
function listInput(name: string): string[] {
  return core
    .getMultilineInput(name)
    .flatMap((line) => line.split(","))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function optionalInput(name: string): string | undefined {
  const value = core.getInput(name);
  return value === "" ? undefined : value;
}

/** `true`/`false` (YAML 1.2 core schema, as `core.getBooleanInput`); empty = the default. */
function booleanInput(name: string, fallback: boolean): boolean {
  if (core.getInput(name) === "") return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new UsageError(`input ${name} must be true or false (got "${core.getInput(name)}")`);
  }
}

export function readActionInputs(): ActionInputs {
  const failOn = core.getInput("fail-on") || "error";
  if (!isFailOn(failOn)) throw new UsageError(`input fail-on must be error, warning, note or none (got "${failOn}")`);
  const paths = listInput("paths");
  return {
    paths: paths.length > 0 ? paths : ["."],
    config: optionalInput("config"),
    sarifFile: core.getInput("sarif-file") || "restorable.sarif",
    failOn,
    varFiles: listInput("var-files"),
    baseline: optionalInput("baseline"),
    onlyChanged: booleanInput("only-changed", false),
    annotations: booleanInput("annotations", true),
    summary: booleanInput("summary", true),
    category: optionalInput("category"),
  };
}
