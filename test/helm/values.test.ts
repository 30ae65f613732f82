import { describe, expect, it } from "vitest";
import { parseSetPath, treeAt, typedSetValue, Values, type ValueLayer } from "../../src/helm/values.js";
import { parseYamlDocuments, pathText } from "../../src/helm/yaml.js";

function layer(file: string, text: string, origin: ValueLayer["origin"]): ValueLayer {
  const doc = parseYamlDocuments(text, file).documents[0]!;
  return { origin, name: file, value: doc.value, positions: doc.positions };
}

const CHART = `architecture: standalone
primary:
  persistence:
    enabled: true
    size: 8Gi
  podAnnotations: {}
backup:
  enabled: false
  cronjob:
    schedule: "@daily"
tolerations: [a, b]
`;
const declaredAt = { file: "main.tf", startLine: 10, startColumn: 1, endLine: 10, endColumn: 30 };

describe("Values (Helm coalescing)", () => {
  it("deep-merges maps, replaces lists and scalars, and keeps chart defaults that nobody overrides", () => {
    const v = new Values([layer("chart/values.yaml", CHART, "chart-default"), layer("prod.yaml", "primary:\n  persistence:\n    size: 100Gi\ntolerations: [c]\n", "user-values")], declaredAt);
    expect(v.get(["primary", "persistence"])).toEqual({ enabled: true, size: "100Gi" });
    expect(v.get(["tolerations"])).toEqual(["c"]);
    expect(v.get(["backup", "cronjob", "schedule"])).toBe("@daily");
  });

  it("deletes a key set to null in a higher layer (the chart default is gone)", () => {
    const v = new Values([layer("chart/values.yaml", CHART, "chart-default"), layer("dev.yaml", "primary:\n  persistence:\n    enabled: null\n", "user-values")], declaredAt);
    expect(v.get(["primary", "persistence", "enabled"])).toBeUndefined();
    expect(v.get(["primary", "persistence", "size"])).toBe("8Gi");
    expect(v.origin(["primary", "persistence", "enabled"])).toMatchObject({ userSet: true, location: { file: "dev.yaml", startLine: 3 }, properties: { value: "null (deleted)" } });
  });

  it("a later layer wins over an earlier one", () => {
    const v = new Values([layer("chart/values.yaml", CHART, "chart-default"), layer("a.yaml", "backup:\n  enabled: true\n", "user-values"), layer("b.yaml", "backup:\n  enabled: false\n", "user-values")], declaredAt);
    expect(v.get(["backup", "enabled"])).toBe(false);
    expect(v.origin(["backup", "enabled"]).location).toMatchObject({ file: "b.yaml", startLine: 2, startColumn: 3 });
  });

  it("points a user-set value at the user's key, from the key to the end of the value", () => {
    const v = new Values([layer("chart/values.yaml", CHART, "chart-default"), layer("prod.yaml", "backup:\n  enabled: true\n", "user-values")], declaredAt);
    expect(v.origin(["backup", "enabled"])).toEqual({
      location: { file: "prod.yaml", startLine: 2, startColumn: 3, endLine: 2, endColumn: 16 },
      properties: { keyPath: "backup.enabled", value: "true", valueOrigin: "user-values:prod.yaml" },
      userSet: true,
    });
  });

  it("points a chart default at the nearest user-written ancestor, with the chart's line related", () => {
    const v = new Values([layer("chart/values.yaml", CHART, "chart-default"), layer("prod.yaml", "backup:\n  cronjob:\n    timeZone: UTC\n", "user-values")], declaredAt);
    const o = v.origin(["backup", "cronjob", "schedule"]);
    expect(o.userSet).toBe(false);
    expect(o.location).toMatchObject({ file: "prod.yaml", startLine: 2, endLine: 2 });
    expect(o.related).toEqual([{ location: expect.objectContaining({ file: "chart/values.yaml", startLine: 10 }), message: 'chart default backup.cronjob.schedule: "@daily"' }]);
    expect(o.properties).toEqual({ keyPath: "backup.cronjob.schedule", value: '"@daily"', valueOrigin: "chart-default:chart/values.yaml" });
  });

  it("points a chart default that no user key is near at the release declaration", () => {
    const v = new Values([layer("chart/values.yaml", CHART, "chart-default")], declaredAt);
    expect(v.origin(["primary", "persistence", "enabled"]).location).toEqual(declaredAt);
  });

  it("a layer without positions (a set block) points at its own location", () => {
    const setAt = { file: "main.tf", startLine: 14, startColumn: 3, endLine: 17, endColumn: 4 };
    const v = new Values([layer("chart/values.yaml", CHART, "chart-default"), { origin: "set", name: "set", value: treeAt(["backup", "enabled"], typedSetValue("true")), location: setAt }], declaredAt);
    expect(v.get(["backup", "enabled"])).toBe(true);
    expect(v.origin(["backup", "enabled"])).toMatchObject({ location: setAt, userSet: true });
  });
});

describe("--set paths", () => {
  it("reads dotted keys, escaped dots and list indices", () => {
    expect(parseSetPath("primary.persistence.size")).toEqual(["primary", "persistence", "size"]);
    expect(parseSetPath("podAnnotations.backup\\.velero\\.io/backup-volumes")).toEqual(["podAnnotations", "backup.velero.io/backup-volumes"]);
    expect(parseSetPath("schedules[0].name")).toEqual(["schedules", 0, "name"]);
    expect(parseSetPath("a[x]")).toBeUndefined();
  });
  it("types values as Helm does", () => {
    expect([typedSetValue("true"), typedSetValue("12"), typedSetValue("null"), typedSetValue("8Gi")]).toEqual([true, 12, null, "8Gi"]);
    expect(treeAt(["a", 1], "x")).toEqual({ a: [null, "x"] });
  });
});

describe("parseYamlDocuments", () => {
  it("reads every document with positions (UTF-16 columns)", () => {
    const { documents, problems } = parseYamlDocuments("a: 1\n---\nname: \"ünïcode\" # ok\nb:\n  - x\n", "m.yaml");
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }, { name: "ünïcode", b: ["x"] }]);
    expect(documents[1]!.positions.get(["b", "0"].join("\u0000"))).toMatchObject({ startLine: 5, startColumn: 5 });
  });
  it("reports a syntax error with its location and keeps the good documents", () => {
    const { documents, problems } = parseYamlDocuments("a: 1\n---\nb: [1, 2\n", "m.yaml");
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.location.startLine).toBeGreaterThanOrEqual(3);
  });
  it("bounds alias expansion: an alias bomb is a problem, not an out-of-memory", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
    const { documents, problems } = parseYamlDocuments(bomb, "bomb.yaml");
    expect(documents).toEqual([]);
    expect(problems[0]!.message).toMatch(/could not be expanded/);
  });
  it("prints paths as users write them", () => {
    expect(pathText(["primary", "persistence", "enabled"])).toBe("primary.persistence.enabled");
    expect(pathText(["spec", "volumeClaimTemplates", 0, "metadata"])).toBe("spec.volumeClaimTemplates[0].metadata");
    expect(pathText(["podAnnotations", "backup.velero.io/backup-volumes"])).toBe('podAnnotations["backup.velero.io/backup-volumes"]');
  });
});
