import { describe, expect, it } from "vitest";
import { joinInsideRoot } from "../../src/discover/index.js";

describe("joinInsideRoot: the one rule for paths inside the scan root", () => {
  it.each<[string, string, string | undefined]>([
    ["envs/prod", "../../modules/db", "modules/db"],
    ["envs/prod", "./values.yaml", "envs/prod/values.yaml"],
    [".", "charts//app/", "charts/app"],
    ["envs/prod", "../..", "."],
    ["envs/prod", "../../../outside", undefined],
    [".", "..", undefined],
    ["envs/prod", "/etc/passwd", undefined],
  ])("%s + %s", (dir, rel, want) => {
    expect(joinInsideRoot(dir, rel)).toBe(want);
  });
});
