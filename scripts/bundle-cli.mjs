// Bundles the CLI (src/cli/main.ts) and the parse worker into lib/bundle/, so `npx restorable`
// loads one file instead of some 150 modules and their dependencies (issue 7: a scan of a small
// module in under 400 ms, Node start-up included), and compiles the shipped policies to
// lib/builtin-policies.json (validated once here, not on every run). Runs in `npm run build`, after tsc.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.join(root, "lib", "bundle");
const require = createRequire(import.meta.url);

const { writeCompiledBuiltins } = await import("../lib/policy/load.js");
writeCompiledBuiltins();

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: "src/cli/main.ts", "parse-worker": "src/hcl/parse-worker.ts" },
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
