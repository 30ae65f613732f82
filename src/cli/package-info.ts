import { packageJson as pkg } from "../package-json.js";

/** Where bugs are reported when package.json names no homepage. */
const DEFAULT_INFORMATION_URI = "https://github.com/restorable/restorable";

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
