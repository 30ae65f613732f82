/**
 * Packaged charts (`charts/*.tgz`, what `helm dependency build` and `helm package` write: a gzip'd
 * tar whose members sit under one `<chart>/` folder, https://helm.sh/docs/helm/helm_package/) read in
 * place with node:zlib and a small ustar reader: only the members a chart's knowledge needs are kept
 * (Chart.yaml, requirements.yaml, values files and nested `charts/*.tgz`), never templates.
 *
 * Safety (issue 6): the inflated size, the number of members and each kept member's size are capped;
 * a damaged or oversized archive is a problem, never a throw.
 */
import { gunzipSync } from "node:zlib";

/** Most bytes an archive may inflate to (Helm itself caps a chart archive at 100 MiB; charts are a few hundred KiB). */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** Most members read from one archive. */
export const MAX_MEMBERS = 10_000;
/** Most bytes of one kept member (a values.yaml of a large chart is ~200 KiB). */
export const MAX_MEMBER_BYTES = 4 * 1024 * 1024;

export interface ArchiveMembers {
  /** Kept members by their path in the archive (`postgresql/values.yaml`). */
  members: Map<string, Uint8Array>;
  problems: string[];
}

const BLOCK = 512;

/** The members of a chart archive that matter here; problems say what could not be read. */
export function readChartArchive(bytes: Uint8Array): ArchiveMembers {
  const members = new Map<string, Uint8Array>();
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (e) {
    const tooBig = (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError;
    return { members, problems: [tooBig ? `the archive inflates to more than ${MAX_INFLATED_BYTES} bytes; it was not read` : `the archive is not a gzip'd chart (${(e as Error).message}); it was not read`] };
  }
  return readTar(tar, members);
}

function readTar(tar: Buffer, members: Map<string, Uint8Array>): ArchiveMembers {
  const problems: string[] = [];
  let offset = 0;
  let count = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (++count > MAX_MEMBERS) {
      problems.push(`the archive has more than ${MAX_MEMBERS} members; the rest were not read`);
      break;
    }
    const size = octal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = offset + BLOCK;
    if (size === undefined || dataStart + size > tar.length) {
      problems.push("the archive is truncated or damaged; the rest was not read");
      break;
    }
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === "x") {
      longName = paxPath(data) ?? longName;
      continue;
    }
    if (type === "L") {
      longName = cString(data);
      continue;
    }
    const name = longName ?? headerName(header);
    longName = undefined;
    if (type !== "0" && type !== "\0" && type !== "7") continue;
    if (!isKept(name)) continue;
    if (size > MAX_MEMBER_BYTES) {
      problems.push(`${name} is ${size} bytes, above ${MAX_MEMBER_BYTES}; it was not read`);
      continue;
    }
    members.set(name, new Uint8Array(data));
  }
  return { members, problems };
}

/** Chart metadata, values files and nested packaged charts; never templates. */
function isKept(name: string): boolean {
  const parts = name.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes("..") || parts.includes("templates")) return false;
  const base = parts[parts.length - 1] ?? "";
  if (base === "Chart.yaml" || base === "requirements.yaml") return true;
  if (/^values([-.].+)?\.ya?ml$/.test(base)) return true;
  return base.endsWith(".tgz") && parts[parts.length - 2] === "charts";
}

function cString(b: Uint8Array): string {
  const end = b.indexOf(0);
  return Buffer.from(end < 0 ? b : b.subarray(0, end)).toString("utf8");
}

function headerName(h: Buffer): string {
  const name = cString(h.subarray(0, 100));
  const ustar = h.subarray(257, 262).toString("latin1") === "ustar";
  const prefix = ustar ? cString(h.subarray(345, 500)) : "";
  return prefix ? `${prefix}/${name}` : name;
}

function octal(b: Buffer): number | undefined {
  const text = cString(b).trim();
  if (text === "") return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
}

/** The `path` record of a PAX extended header (`<len> path=<value>\n`). */
function paxPath(data: Uint8Array): string | undefined {
  for (const line of Buffer.from(data).toString("utf8").split("\n")) {
    const m = /^\d+ path=(.*)$/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}
