#!/usr/bin/env node
// `npm run bench -- --generate N` or `npm run bench -- DIR`: see src/bench/main.ts.
const { main } = await import("../lib/bench/main.js");
await main(process.argv.slice(2));
