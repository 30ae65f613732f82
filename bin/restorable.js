#!/usr/bin/env node
// Launcher: the CLI lives in lib/ (the build output of src/, `npm run build`).
// lib/bundle/cli.js is the CLI in one file (faster to start); lib/cli/main.js the same modules unbundled.
let main;
try {
  ({ main } = await import("../lib/bundle/cli.js").catch((e) => (e && e.code === "ERR_MODULE_NOT_FOUND" ? import("../lib/cli/main.js") : Promise.reject(e))));
} catch (e) {
  process.stderr.write(`restorable: internal error: cannot load lib/bundle/cli.js or lib/cli/main.js (${e && e.code ? e.code : e}); run "npm run build" first.\n`);
  process.exit(3);
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  // `restorable scan -` (helm template … | restorable scan -): standard input, read whole.
  readStdin: async () => {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "");
  },
});
