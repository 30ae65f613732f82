import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { changedFileSet } from "../report/changes.js";

const run = promisify(execFile);

/** The files a pull request changes, or why every finding counts. */
export type ChangeSet = { kind: "changed"; files: Set<string>; base: string; head: string } | { kind: "all"; reason: string; warning?: string };

interface PullRequestPayload {
  pull_request?: { base?: { sha?: unknown }; head?: { sha?: unknown } };
}

function sha(value: unknown): string | undefined {
  return typeof value === "string" && /^[0-9a-f]{7,64}$/i.test(value) ? value : undefined;
}

/**
 * Base and head commits of the pull request from the event payload (GITHUB_EVENT_PATH);
 * undefined outside pull_request / pull_request_target events.
 */
export async function pullRequestCommits(env: NodeJS.ProcessEnv): Promise<{ base: string; head: string } | undefined> {
  const event = env["GITHUB_EVENT_NAME"];
  if (event !== "pull_request" && event !== "pull_request_target") return undefined;
  const eventPath = env["GITHUB_EVENT_PATH"];
  if (!eventPath) return undefined;
  let payload: PullRequestPayload;
  try {
    payload = JSON.parse(await readFile(eventPath, "utf8")) as PullRequestPayload;
  } catch {
    return undefined;
  }
  const base = sha(payload.pull_request?.base?.sha);
  const head = sha(payload.pull_request?.head?.sha);
  return base !== undefined && head !== undefined ? { base, head } : undefined;
}

async function git(args: string[], cwd: string): Promise<string> {
  // The user's git on the runner, with fixed arguments; nothing from the scanned repository runs.
  const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function hasCommit(sha: string, cwd: string): Promise<boolean> {
  return git(["cat-file", "-e", `${sha}^{commit}`], cwd).then(
    () => true,
    () => false,
  );
}

/**
 * Files changed between the merge base of the pull request and its head, relative to
 * `workspace` (the scan root): `git diff --name-only --relative BASE...HEAD`.
 */
export async function changedFiles(env: NodeJS.ProcessEnv, workspace: string): Promise<ChangeSet> {
  const commits = await pullRequestCommits(env);
  if (commits === undefined) return { kind: "all", reason: "not a pull_request event" };
  const missing = [];
  for (const c of [commits.base, commits.head]) if (!(await hasCommit(c, workspace))) missing.push(c);
  if (missing.length > 0) {
    return {
      kind: "all",
      reason: "the pull request's commits are not in the checkout",
      warning:
        `only-changed: commit ${missing.join(" and ")} of the pull request is not in the checkout, so every finding gates and is annotated. ` +
        "Check out with actions/checkout and `fetch-depth: 0` (or fetch the base commit) to gate only the files the pull request changes.",
    };
  }
  try {
    const out = await git(["-c", "core.quotepath=off", "diff", "--name-only", "--no-renames", "--relative", "-z", `${commits.base}...${commits.head}`], workspace);
    return { kind: "changed", files: changedFileSet(out.split("\0")), ...commits };
  } catch (e) {
    return {
      kind: "all",
      reason: "git diff failed",
      warning: `only-changed: git diff ${commits.base}...${commits.head} failed (${(e as Error).message.split("\n")[0]}), so every finding gates and is annotated. actions/checkout needs \`fetch-depth: 0\`.`,
    };
  }
}
