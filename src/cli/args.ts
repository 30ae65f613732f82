import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";
import type { FailOn } from "../report/common.js";
import { FAIL_ON_LEVELS, isFailOn } from "../report/gate.js";
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from "../report/index.js";

export interface ScanCommand {
  command: "scan";
  paths: string[];
  /**
   * `--changed FILE` or the files of `restorable pre-commit`, relative to the cwd:
   * only findings in a change (SPEC section 4) are printed and gate. Absent = all.
   */
  changed?: string[];
  format: ReportFormat;
  output?: string;
  config?: string;
  varFiles: string[];
  vars: [string, string][];
  /** `--values FILE`, in order (Helm values on top of each chart folder's values.yaml). */
  valuesFiles: string[];
  /** `--helm-render`: run the local `helm template` on chart folders. */
  helmRender: boolean;
  failOn: FailOn;
  baseline?: string;
  root?: string;
  exclude: string[];
  reportUnknown: boolean;
  now?: Date;
  quiet: boolean;
  noColor: boolean;
  debug: boolean;
  /** `--workers N`: threads that parse HCL (0 = this thread); absent = scan()'s default. */
  workers?: number;
  /** `--max-file-size SIZE` in bytes; absent = scan()'s default (10 MiB). */
  maxFileSize?: number;
}

export type Command = ScanCommand | { command: "help" } | { command: "version" };

const OPTIONS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  config: { type: "string" },
  "var-file": { type: "string", multiple: true },
  var: { type: "string", multiple: true },
  values: { type: "string", multiple: true },
  "helm-render": { type: "boolean" },
  "fail-on": { type: "string" },
  baseline: { type: "string" },
  root: { type: "string" },
  exclude: { type: "string", multiple: true },
  changed: { type: "string", multiple: true },
  "report-unknown": { type: "boolean" },
  now: { type: "string" },
  workers: { type: "string" },
  "max-file-size": { type: "string" },
  quiet: { type: "boolean", short: "q" },
  "no-color": { type: "boolean" },
  debug: { type: "boolean" },
  version: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

const HELP_HINT = 'run "restorable --help" for the options';

/** True when --debug appears before any `--`: known even when the rest of the line does not parse. */
export function wantsDebug(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--debug");
}

/** Parses `restorable [scan] ...`; every problem is a UsageError with a one-line message naming the fix. */
export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals } = parseOrExplain(argv);
  if (values.help) return { command: "help" };
  if (values.version) return { command: "version" };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError(`missing command; use "restorable scan [PATH...]" (${HELP_HINT})`);
  if (command === "help") return { command: "help" };
  if (command === "version") return { command: "version" };
  if (command === "pre-commit") return preCommitCommand(values, paths);
  if (command !== "scan") throw new UsageError(`unknown command "${command}"; use "restorable scan [PATH...]" (${HELP_HINT})`);
  const changed = (values.changed ?? []).map((f) => nonEmpty("--changed", f) as string);
  return {
    ...scanOptionsOf(values),
    paths: paths.length === 0 ? ["."] : paths,
    ...(changed.length > 0 ? { changed } : {}),
  };
}

/**
 * `restorable pre-commit [FILE...]`, as pre-commit calls it with the staged file
 * names: the whole project under the cwd (the repository root) is scanned, since
 * a backup plan often lives in another file than the data it covers, and only
 * the findings in those files, or related to them, are printed and gate.
 * No FILE (a manual run) gates every finding.
 */
function preCommitCommand(values: ParsedValues, files: string[]): ScanCommand {
  if (values.changed !== undefined) throw new UsageError(`pre-commit takes the changed files as arguments, not --changed; use "restorable pre-commit [FILE...]"`);
  const changed = files.filter((f) => f.trim() !== "");
  const root = nonEmpty("--root", values.root);
  return { ...scanOptionsOf(values), paths: [root ?? "."], ...(changed.length > 0 ? { changed } : {}) };
}

type ParsedValues = ReturnType<typeof parseOrExplain>["values"];

function scanOptionsOf(values: ParsedValues): Omit<ScanCommand, "paths" | "changed"> {
  return {
    command: "scan",
    format: formatOf(values.format),
    ...optional("output", nonEmpty("--output", values.output)),
    ...optional("config", nonEmpty("--config", values.config)),
    varFiles: (values["var-file"] ?? []).map((f) => nonEmpty("--var-file", f) as string),
    vars: (values.var ?? []).map(parseVar),
    valuesFiles: (values.values ?? []).map((f) => nonEmpty("--values", f) as string),
    helmRender: values["helm-render"] === true,
    failOn: failOnOf(values["fail-on"]),
    ...optional("baseline", nonEmpty("--baseline", values.baseline)),
    ...optional("root", nonEmpty("--root", values.root)),
    exclude: (values.exclude ?? []).map((g) => nonEmpty("--exclude", g) as string),
    reportUnknown: values["report-unknown"] === true,
    ...optional("now", values.now === undefined ? undefined : parseNow(values.now)),
    quiet: values.quiet === true,
    noColor: values["no-color"] === true,
    debug: values.debug === true,
    ...optional("workers", values.workers === undefined ? undefined : parseWorkers(values.workers)),
    ...optional("maxFileSize", values["max-file-size"] === undefined ? undefined : parseSize(values["max-file-size"])),
  };
}

/** Most parse workers accepted: beyond the cores they only cost memory (each loads its own grammar). */
const MAX_WORKERS = 64;

/** `--workers N`: a whole number from 0 (parse in the main thread) to MAX_WORKERS. */
function parseWorkers(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) > MAX_WORKERS) {
    throw new UsageError(`--workers must be a whole number from 0 to ${MAX_WORKERS} (got "${text}"); 0 parses in the main thread`);
  }
  return Number(text);
}

const SIZE_UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** `--max-file-size`: bytes, or a number with K, M or G (powers of 1024, as the 10 MB default): 512K, 20MB, 1.5G. */
function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? SIZE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) * unit < 1) {
    throw new UsageError(`--max-file-size must be a size such as 20M, 512K or 1048576 (bytes) (got "${text}")`);
  }
  return Math.floor(Number(m[1]) * unit);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(explainParseError(e as Error & { code?: string }));
  }
}

function explainParseError(e: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(e.message)?.[1];
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? ""}; ${HELP_HINT}`.replace("option ;", "option;");
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `${e.message.includes("argument missing") ? `${option ?? "an option"} needs a value` : e.message.split("\n")[0]}; ${HELP_HINT}`;
    default:
      return `${e.message.split("\n")[0]}; ${HELP_HINT}`;
  }
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "") throw new UsageError(`${flag} needs a non-empty value`);
  return value;
}

function formatOf(value: string | undefined): ReportFormat {
  if (value === undefined) return "text";
  if (isReportFormat(value)) return value;
  throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(", ")} (got "${value}")`);
}

function failOnOf(value: string | undefined): FailOn {
  if (value === undefined) return "error";
  if (isFailOn(value)) return value;
  throw new UsageError(`--fail-on must be one of ${FAIL_ON_LEVELS.join(", ")} (got "${value}")`);
}

/** `--var name=value`, as on Terraform's command line: the value is everything after the first `=`. */
function parseVar(text: string): [string, string] {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UsageError(`--var must be NAME=VALUE (got "${text}"); write it as --var region=eu-west-1`);
  const name = text.slice(0, eq).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
    throw new UsageError(`--var name "${name}" is not a Terraform variable name; write it as --var region=eu-west-1`);
  }
  return [name, text.slice(eq + 1)];
}

/** `--now` accepts a date (2026-01-31) or a full ISO timestamp; it decides ignore expiry. */
function parseNow(text: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (!iso.test(text) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now must be a date such as 2026-06-30 or 2026-06-30T12:00:00Z (got "${text}")`);
  }
  return date;
}
