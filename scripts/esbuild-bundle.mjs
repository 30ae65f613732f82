// One esbuild configuration for both bundles (the Action's dist/ and the CLI's lib/bundle/): ESM for
// Node 20, deterministic, with the two .wasm files web-tree-sitter loads at run time copied beside
// the bundle (src/hcl/parser.ts looks there first).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

/** Empties `outdir` and bundles `entryPoints` (name → source) into it. */
export async function bundleInto(outdir, entryPoints) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: 'import { createRequire as __restorableCreateRequire } from "node:module";\nconst require = __restorableCreateRequire(import.meta.url);' },
    legalComments: "eof",
    charset: "utf8",
    logLevel: "warning",
  });
  copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), path.join(outdir, "web-tree-sitter.wasm"));
  copyFileSync(
    path.join(path.dirname(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/package.json")), "tree-sitter-terraform.wasm"),
    path.join(outdir, "tree-sitter-terraform.wasm"),
  );
}
