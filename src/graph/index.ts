/** Public surface of the graph stage: evaluated roots in, normalized graph with coverage out. */
export { buildGraph, buildNodes, mergedTags, placeOf, type GraphOptions } from "./build.js";
export { computeCoverage, editDistance } from "./coverage.js";
export { matchArnPattern, globMatch, patternNamesType } from "./arn.js";
export * from "./types.js";
