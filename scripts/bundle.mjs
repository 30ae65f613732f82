// Bundles the GitHub Action (src/action/index.ts) into one ESM file (and the parse worker), plus the two .wasm
// files web-tree-sitter loads at run time (node_modules is not shipped with an action).
// Usage: node scripts/bundle.mjs [OUTDIR]   (default dist/). Output is deterministic.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.resolve(root, process.argv[2] ?? "dist");
const require = createRequire(import.meta.url);

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  absWorkingDir: root,
  // The parse worker is a file of its own: worker threads start from a script (src/hcl/pool.ts finds it next to the bundle).
  entryPoints: { index: "src/action/index.ts", "parse-worker": "src/hcl/parse-worker.ts" },
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
