import { readFile, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { scanRootFor } from "../discover/index.js";
import { UsageError } from "../errors.js";
import { oneLine } from "../report/common.js";
import { changedFileSet, exitCodeFor, formatReport, readBaselineFingerprints, resultInChange } from "../report/index.js";
import type { ScanOptions, ScanResult } from "../scan-result.js";
import { parseCommandLine, type ScanCommand, wantsDebug } from "./args.js";
import { usage } from "./help.js";
import { assertWritableOutput, writeFileAtomically } from "./output.js";
import { informationUri, packageVersion } from "./package-info.js";

export interface Writable {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colours in text output). */
  isTTY: boolean;
  /** Whether stderr is a terminal: progress ("parsed N/M files") is shown there, unless --quiet. Absent: not a terminal. */
  stderrIsTTY?: boolean;
  /** Standard input, read whole when `-` is a PATH (bin/restorable.js reads process.stdin; absent: nothing is read). */
  readStdin?: () => Promise<string>;
}

/**
 * What the CLI passes to `scan()`. The fields beyond `ScanOptions` are not in
 * that contract yet; `scan()` should read them (see the report of this change).
 */
export interface CliScanOptions extends ScanOptions {
  /** `--config FILE`, absolute. */
  configFile?: string;
  /** `--now`, else SOURCE_DATE_EPOCH; absent = the clock. Decides ignore expiry. */
  now?: Date;
  reportUnknown?: boolean;
}

export type ScanFn = (options: CliScanOptions) => Promise<ScanResult>;

export interface CliDeps {
  scan?: ScanFn;
}

/** Runs the command line and returns the exit code (SPEC section 5); never throws. */
export async function main(argv: string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const debug = wantsDebug(argv);
  try {
    const command = parseCommandLine(argv);
    if (command.command === "help") {
      io.stdout.write(usage(packageVersion()));
      return 0;
    }
    if (command.command === "version") {
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    return await runScan(command, io, deps);
  } catch (e) {
    return reportFailure(e, io, debug);
  }
}

function isUsageError(e: unknown): e is Error {
  // `name` too: a UsageError from another copy of the module is still a usage error.
  return e instanceof UsageError || (e instanceof Error && e.name === "UsageError");
}

function reportFailure(e: unknown, io: CliIo, debug: boolean): number {
  if (isUsageError(e)) {
    io.stderr.write(`restorable: ${oneLine(e.message)}\n`);
    return 2;
  }
  const message = oneLine(e instanceof Error ? e.message || e.name : String(e)).replace(/\.$/, "");
  io.stderr.write(`restorable: internal error: ${message}. Please report it at ${informationUri()}/issues with --debug output.\n`);
  if (debug) io.stderr.write(`${e instanceof Error && e.stack ? e.stack : String(e)}\n`);
  return 3;
}

async function runScan(command: ScanCommand, io: CliIo, deps: CliDeps): Promise<number> {
  const output = command.output === undefined ? undefined : resolve(io.cwd, command.output);
  if (output !== undefined) await assertWritableOutput(output);
  await assertInputsExist(command, io.cwd);
  const baseline = command.baseline === undefined ? undefined : await readBaseline(resolve(io.cwd, command.baseline), command.baseline);
  const scan = deps.scan ?? (await loadScan());
  const stdin = command.paths.includes("-") && io.readStdin ? await io.readStdin() : undefined;
  const progress = io.stderrIsTTY === true && !command.quiet ? terminalProgress(io.stderr) : undefined;
  let result: ScanResult;
  try {
    result = await scan({ ...scanOptions(command, io), ...(stdin !== undefined ? { stdin } : {}), ...(progress ? { onProgress: progress.update } : {}) });
  } finally {
    progress?.clear();
  }
  const reportOptions = {
    color: useColor(command, io),
    reportUnknown: command.reportUnknown,
    quiet: command.quiet,
    failOn: command.failOn,
    ...(baseline !== undefined ? { baseline } : {}),
  };
  const changedFiles = command.changed === undefined ? undefined : await changedFilesUnderRoot(command, io.cwd);
  // The configuration decides classes, floors and ignores of every finding: changing it is a change to all of them.
  const changed = changedFiles !== undefined && changesConfiguration(changedFiles, command, io.cwd) ? undefined : changedFiles;
  const shown = changed === undefined ? result : resultInChange(result, changed);
  // SARIF keeps every result even for a change: an uploaded SARIF without them would close their alerts.
  const report = formatReport(command.format === "sarif" ? result : shown, command.format, reportOptions);
  if (output !== undefined) await writeFileAtomically(output, report);
  else io.stdout.write(report);
  if (changed !== undefined && !command.quiet) io.stderr.write(changeNote(result, shown, changed));
  if (result.stats.files === 0 && stdin === undefined && !command.quiet) io.stderr.write(nothingFoundNote(command.paths));
  return exitCodeFor(shown, reportOptions);
}

/** An empty folder (or one with nothing restorable reads) is not an error, but says so. */
function nothingFoundNote(paths: readonly string[]): string {
  const where = paths.filter((p) => p !== "-").join(", ");
  return `restorable: no Terraform, Helm or Kubernetes files found in ${where}; nothing was checked\n`;
}

/**
 * "parsed N/M files" on a terminal's stderr, rewritten in place (\r) as scan() reports it (at most
 * about ten times a second); erased when the scan ends, before the report or an error is printed.
 */
function terminalProgress(stderr: Writable): { update: (done: number, total: number) => void; clear: () => void } {
  let shown = false;
  return {
    update: (done, total) => {
      stderr.write(`\rparsed ${done}/${total} files`);
      shown = true;
    },
    clear: () => {
      if (shown) stderr.write("\r\x1b[K");
    },
  };
}

function changesConfiguration(changed: ReadonlySet<string>, command: ScanCommand, cwd: string): boolean {
  if (command.config !== undefined) {
    const config = resolve(cwd, command.config);
    return [...(command.changed ?? [])].some((f) => resolve(cwd, f) === config);
  }
  return changed.has(".restorable.yml") || changed.has(".restorable.yaml");
}

/** `--changed` files (relative to the cwd) as paths relative to the scan root; files outside it drop out. */
async function changedFilesUnderRoot(command: ScanCommand, cwd: string): Promise<Set<string>> {
  const inputs = await Promise.all(
    command.paths.filter((p) => p !== "-").map(async (p) => ({ path: resolve(cwd, p), isDirectory: (await kindOf(resolve(cwd, p))) === "directory" })),
  );
  const root = scanRootFor(inputs, cwd, command.root === undefined ? undefined : resolve(cwd, command.root));
  const underRoot = (command.changed ?? []).map((f) => relative(root, resolve(cwd, f))).filter((rel) => rel !== "" && rel.split(/[\\/]/)[0] !== ".." && !isAbsolute(rel));
  return changedFileSet(underRoot);
}

function changeNote(result: ScanResult, shown: ScanResult, changed: ReadonlySet<string>): string {
  const elsewhere = result.findings.length - shown.findings.length;
  const files = changed.size === 1 ? "1 changed file" : `${changed.size} changed files`;
  const rest = elsewhere === 0 ? "" : `; ${elsewhere} more elsewhere in the project (run "restorable scan" to see them)`;
  return `restorable: findings in or related to ${files}${rest}\n`;
}

async function loadScan(): Promise<ScanFn> {
  // Loaded on demand so that the CLI's own tests never pull in the whole pipeline.
  const module = await import("../scan.js");
  return module.scan as ScanFn;
}

function scanOptions(command: ScanCommand, io: CliIo): CliScanOptions {
  const options: CliScanOptions = {
    paths: command.paths,
    cwd: io.cwd,
    exclude: command.exclude,
    varFiles: command.varFiles.map((f) => resolve(io.cwd, f)),
    vars: command.vars,
    ...(command.valuesFiles.length ? { valuesFiles: command.valuesFiles.map((f) => resolve(io.cwd, f)) } : {}),
    ...(command.helmRender ? { helmRender: true } : {}),
    env: io.env,
    reportUnknown: command.reportUnknown,
    ...(command.workers !== undefined ? { workers: command.workers } : {}),
    ...(command.maxFileSize !== undefined ? { maxFileSize: command.maxFileSize } : {}),
  };
  if (command.root !== undefined) options.root = resolve(io.cwd, command.root);
  if (command.config !== undefined) options.configFile = resolve(io.cwd, command.config);
  const now = command.now ?? sourceDateEpoch(io.env);
  if (now !== undefined) options.now = now;
  return options;
}

/** SOURCE_DATE_EPOCH (reproducible builds): whole seconds since 1970. */
function sourceDateEpoch(env: Record<string, string | undefined>): Date | undefined {
  const value = env["SOURCE_DATE_EPOCH"];
  if (value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (got "${value}"); fix or unset it, or pass --now`);
  return new Date(Number(value) * 1000);
}

function useColor(command: ScanCommand, io: CliIo): boolean {
  if (command.format !== "text" || command.output !== undefined || command.noColor) return false;
  if (io.env["NO_COLOR"] !== undefined && io.env["NO_COLOR"] !== "") return false;
  const force = io.env["FORCE_COLOR"];
  if (force !== undefined && force !== "" && force !== "0") return true;
  return io.isTTY;
}

async function kindOf(path: string): Promise<"file" | "directory" | "other" | "missing"> {
  const s = await stat(path).catch(() => undefined);
  if (s === undefined) return "missing";
  return s.isFile() ? "file" : s.isDirectory() ? "directory" : "other";
}

/** A missing PATH, --root, --config or --var-file is a usage error found before scanning. */
async function assertInputsExist(command: ScanCommand, cwd: string): Promise<void> {
  for (const path of command.paths) {
    if (path === "-") continue;
    if ((await kindOf(resolve(cwd, path))) === "missing") {
      throw new UsageError(`PATH ${path} does not exist; pass an existing file or folder (or - for standard input)`);
    }
  }
  if (command.root !== undefined && (await kindOf(resolve(cwd, command.root))) !== "directory") {
    throw new UsageError(`--root ${command.root} is not a folder; pass the folder that report paths are relative to`);
  }
  const files: [string, string][] = [
    ...(command.config !== undefined ? [["--config", command.config] as [string, string]] : []),
    ...command.varFiles.map((f) => ["--var-file", f] as [string, string]),
    ...command.valuesFiles.map((f) => ["--values", f] as [string, string]),
  ];
  for (const [flag, file] of files) {
    if ((await kindOf(resolve(cwd, file))) !== "file") throw new UsageError(`${flag} ${file} is not a readable file; check the path`);
  }
}

async function readBaseline(path: string, shown: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read --baseline ${shown} (${(e as NodeJS.ErrnoException).code ?? "error"}); pass a SARIF file from an earlier scan`);
  }
  return readBaselineFingerprints(text, shown);
}
