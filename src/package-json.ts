/**
 * This package's package.json, found from the running module: src/ and lib/ modules sit one or
 * two folders below the package root, the bundles (lib/bundle/cli.js, dist/index.js) one or two.
 */
import { readFileSync } from "node:fs";

export interface PackageJson {
  name?: string;
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

function read(): PackageJson {
  for (const up of ["../package.json", "../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), "utf8")) as PackageJson;
      if (pkg.name === "restorable") return pkg;
    } catch {
      // not there: one folder further up
    }
  }
  return {};
}

export const packageJson: PackageJson = read();
