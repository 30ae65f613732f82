import { readFileSync } from "node:fs";

/** Where bugs are reported when package.json names no homepage. */
const DEFAULT_INFORMATION_URI = "https://github.com/restorable/restorable";

interface PackageJson {
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

// src/cli/ and lib/cli/ both sit two folders below the package root.
function readPackageJson(): PackageJson {
  try {
    return JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as PackageJson;
  } catch {
    return {};
  }
}

const pkg = readPackageJson();

export function packageVersion(): string {
  return pkg.version ?? "0.0.0";
}

/** The project's web address, without a trailing slash (issues live at `<uri>/issues`). */
export function informationUri(): string {
  const repo = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  const fromRepo = repo?.replace(/^git\+/, "").replace(/\.git$/, "");
  const uri = pkg.homepage ?? (fromRepo?.startsWith("https://") ? fromRepo : undefined) ?? DEFAULT_INFORMATION_URI;
  return uri.replace(/#.*$/, "").replace(/\/+$/, "");
}
